/**
 * Meetings between ministers and a group, as the fact base knows them on a date: dated facts
 * ("last met the Health Secretary on 27 March 2023") and meeting events.
 */
import type { FactIndex } from '../facts/index.ts';
import type { Conflict, Source } from '../facts/schema.ts';
import { dayNumber, endExclusiveOf, isFullDate, startOf, addDays } from '../util/dates.ts';

const MEETING_FACTS = new Set(['last-met-health-secretary', 'met-health-secretary', 'met-minister']);

export interface Meeting {
  /** First and last possible day of the meeting (equal for a known day). */
  from: string;
  to: string;
  id: string;
  statement: string;
  sources: Source[];
  conflicts: Conflict[];
  /** Talks over a period with no known day (the last meeting could be any day in it). */
  period: boolean;
}

/** Every meeting involving one of `groupIds` that began on or before `date`, latest last. */
export function meetingsBefore(index: FactIndex, groupIds: ReadonlySet<string>, date: string): Meeting[] {
  const d = dayNumber(date);
  const out: Meeting[] = [];
  for (const id of groupIds) {
    for (const f of index.factsAbout(id)) {
      if (!MEETING_FACTS.has(f.predicate) || typeof f.value !== 'string' || !isFullDate(f.value)) continue;
      if (dayNumber(f.value) > d) continue;
      out.push({
        from: f.value,
        to: f.value,
        id: f.id,
        statement: f.statement,
        sources: f.sources,
        conflicts: f.conflicts ?? [],
        period: false,
      });
    }
    for (const ev of index.eventsOf(id)) {
      if (ev.kind !== 'meeting' || !ev.startDate || dayNumber(startOf(ev.startDate)) > d) continue;
      const end = ev.endDate ?? ev.startDate;
      const to = isFullDate(end) ? end : addDays(endExclusiveOf(end), -1);
      const from = startOf(ev.startDate);
      out.push({
        from,
        to: dayNumber(to) > d ? date : to,
        id: ev.id,
        statement: ev.title,
        sources: ev.sources,
        conflicts: ev.conflicts ?? [],
        period: from !== to || !isFullDate(ev.startDate),
      });
    }
  }
  // Latest last; on the same day a dated fact (with its conflicting reports) outranks an event.
  return out.sort(
    (a, b) =>
      dayNumber(a.to) - dayNumber(b.to) ||
      Number(b.period) - Number(a.period) ||
      Number(index.facts.has(a.id)) - Number(index.facts.has(b.id)),
  );
}

/** The latest meeting known; a dated fact wins over an event on the same day. */
export function lastMeeting(index: FactIndex, groupIds: ReadonlySet<string>, date: string): Meeting | null {
  const all = meetingsBefore(index, groupIds, date);
  return all.at(-1) ?? null;
}

/**
 * A conflicting report turned into a latest-meeting window: "> 200 days" (as of its source's
 * date) means before that date minus 200 days; "May 2023" means within May 2023.
 */
export function conflictWindow(c: Conflict): { from: string | null; to: string } | null {
  const v = String(c.value).trim();
  const days = v.match(/^(?:>|more than|over)\s*(\d+)\s*days?$/i);
  const asOf = c.source.published;
  if (days && asOf) return { from: null, to: addDays(startOf(asOf), -Number(days[1])) };
  const month = v.match(
    /^(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})$/i,
  );
  if (month) {
    const m = new Date(`${month[1]} 1, ${month[2]} UTC`).getUTCMonth() + 1;
    const ym = `${month[2]}-${String(m).padStart(2, '0')}`;
    return { from: `${ym}-01`, to: addDays(endExclusiveOf(ym), -1) };
  }
  if (isFullDate(v)) return { from: v, to: v };
  return null;
}
