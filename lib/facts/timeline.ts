/**
 * The timeline the popup draws: the strikes, ballots, offers, awards, agreements and meetings of
 * the staff groups and unions a page mentions, within a window around the article's date, one row
 * per group (an event shows once, on the first row that claims it). Background only.
 */
import type { FactIndex } from './index.ts';
import type { SourceRef } from '../protocol/annotations.ts';
import { sourceRefs } from '../sources/ref.ts';
import { displayTitle } from '../util/titles.ts';
import { addDays, dayNumber, endExclusiveOf, startOf } from '../util/dates.ts';

/** The event kinds a timeline shows. */
export const TIMELINE_KINDS = ['strike', 'ballot', 'pay-offer', 'pay-award', 'agreement', 'meeting'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineItem {
  id: string;
  kind: TimelineKind;
  title: string;
  /** First day and the day the action ended (ISO). */
  start: string;
  end: string;
  group: string;
  groupName: string;
  /** Suspended or called off ("status" in the research), shown differently. */
  status: string | null;
  /** The event's best source (primary and press first), shown with its tier in the popup. */
  source: SourceRef | null;
}

/**
 * Events of `groups` (and the bodies acting for them) from `before` days before to `after` days
 * after `date`; groups that never strike, ballot or meet (parties, NHS bodies) are left out.
 */
export function timelineFor(
  index: FactIndex,
  groups: readonly string[],
  date: string,
  before = 365,
  after = 120,
): TimelineItem[] {
  const from = dayNumber(addDays(date, -before));
  const to = dayNumber(addDays(date, after));
  const items: TimelineItem[] = [];
  const placed = new Set<string>();
  for (const group of groups) {
    if (!index.isWorkforce(group)) continue;
    const ids = index.related(group);
    const name = shortName(index, group);
    for (const ev of TIMELINE_KINDS.flatMap((k) => index.eventsOfKind(k))) {
      if (placed.has(ev.id) || !ev.startDate || !ev.participants.some((p) => ids.has(p))) continue;
      const s = dayNumber(startOf(ev.startDate));
      const endIso = ev.endDate ?? ev.startDate;
      if (s > to || dayNumber(endExclusiveOf(endIso)) < from) continue;
      const status = typeof ev.details.status === 'string' ? ev.details.status : null;
      placed.add(ev.id);
      items.push({
        id: ev.id,
        kind: ev.kind as TimelineKind,
        title: displayTitle(ev.title),
        start: startOf(ev.startDate),
        end: startOf(endIso),
        group,
        groupName: name,
        status,
        source: sourceRefs(ev.sources)[0] ?? null,
      });
    }
  }
  return items.sort((a, b) => a.start.localeCompare(b.start) || a.group.localeCompare(b.group));
}

/** A row label: the name, or for a long one its acronym ("British Medical Association" → "BMA"). */
function shortName(index: FactIndex, id: string): string {
  const e = index.entity(id);
  if (!e) return id;
  if (e.name.length <= 18) return e.name;
  const acronym = e.aliases.find(
    (a) => a.match === 'exact' && /^[A-Z][A-Za-z]{1,5}$/.test(a.text) && /[A-Z].*[A-Z]/.test(a.text),
  );
  return acronym?.text ?? e.name;
}
