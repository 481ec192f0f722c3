/**
 * The strike timeline the popup draws: the strikes of the staff groups a page mentions, within
 * a window around the article's date. Background only (it reads the FactIndex).
 */
import type { FactIndex } from './index.ts';
import { addDays, dayNumber, endExclusiveOf, startOf } from '../util/dates.ts';

export interface TimelineItem {
  id: string;
  title: string;
  /** First day and the day the action ended (ISO). */
  start: string;
  end: string;
  group: string;
  groupName: string;
  /** Suspended or called off ("status" in the research), shown differently. */
  status: string | null;
  /** Sources of the event (first one linked from the popup). */
  sourceUrl: string | null;
}

/** Strikes of `groups` (and the bodies acting for them) from `before` days before to `after` days after `date`. */
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
  for (const group of groups) {
    const ids = index.related(group);
    const name = index.entity(group)?.name ?? group;
    for (const ev of index.eventsOfKind('strike')) {
      if (!ev.startDate || !ev.participants.some((p) => ids.has(p))) continue;
      const s = dayNumber(startOf(ev.startDate));
      const endIso = ev.endDate ?? ev.startDate;
      if (s > to || dayNumber(endExclusiveOf(endIso)) < from) continue;
      const status = typeof ev.details.status === 'string' ? ev.details.status : null;
      items.push({
        id: ev.id,
        title: ev.title,
        start: startOf(ev.startDate),
        end: startOf(endIso),
        group,
        groupName: name,
        status,
        sourceUrl: ev.sources[0]?.url ?? null,
      });
    }
  }
  return items.sort((a, b) => a.start.localeCompare(b.start) || a.group.localeCompare(b.group));
}
