/** The events a sentence can be about: those the pipeline linked in it, and those its dates point to. */
import type { Event, EventKind } from '../facts/schema.ts';
import { dayNumber, daysCovered, rangesMeet } from '../util/dates.ts';
import type { ClaimContext } from './context.ts';
import { annotationsIn, withRelated } from './context.ts';
import { appliesTo } from '../detect/nations.ts';
import { dateSpans, type DateWindow } from './when.ts';

export type { DateWindow } from './when.ts';

/** "today" and "this week" say when a thing is, not which strike: they do not pick events. */
const NOT_A_WINDOW = /^(?:today|tonight|this week)$/i;

/** Dates written in sentence i from `after` on: the pipeline's, and relative ones (when.ts). */
export function datesIn(ctx: ClaimContext, i: number, after = -1): DateWindow[] {
  return dateSpans(ctx, i)
    .filter((d) => d.start >= after && !NOT_A_WINDOW.test(ctx.text.slice(d.start, d.end).trim()))
    .map((d) => d.w);
}

/** The date written nearest to `offset` in sentence i (its clause's date), if any. */
export function nearestWindow(ctx: ClaimContext, i: number, offset: number): DateWindow | undefined {
  return dateSpans(ctx, i)
    .filter((d) => !NOT_A_WINDOW.test(ctx.text.slice(d.start, d.end).trim()))
    .sort((a, b) => Math.abs(a.start - offset) - Math.abs(b.start - offset))[0]?.w;
}

/** Whether an event's days (a month-only date: the whole month) meet a window. */
export function overlaps(ev: Event, w: DateWindow): boolean {
  return !!ev.startDate && rangesMeet(w, daysCovered(ev.startDate, ev.endDate, 'period'));
}

/**
 * Candidate events of the given kinds for sentence i: linked event mentions, then events of the
 * groups that overlap a date written in the sentence.
 */
export function candidateEvents(
  ctx: ClaimContext,
  i: number,
  kinds: readonly EventKind[],
  groups: readonly string[],
  windows = datesIn(ctx, i),
): Event[] {
  const ids = withRelated(ctx.index, groups);
  const linked = annotationsIn(ctx, i)
    .filter((a) => a.kind === 'event' && a.entity)
    .map((a) => ctx.index.event(a.entity!.id))
    .filter(
      (e): e is Event => !!e && kinds.includes(e.kind) && (ids.size === 0 || e.participants.some((p) => ids.has(p))),
    );
  const dated = windows.length
    ? [...ctx.index.events.values()].filter(
        (e) =>
          kinds.includes(e.kind) &&
          appliesTo(e.nation, ctx.nation) &&
          e.participants.some((p) => ids.has(p)) &&
          windows.some((w) => overlaps(e, w)),
      )
    : [];
  // Dates written in the sentence outrank the linker's guess.
  const list = dated.length ? dated : linked;
  return [...new Map(list.map((e) => [e.id, e])).values()];
}

/** Whole days of action: 07:00 on the 20th to 07:00 on the 22nd is two days. */
export function strikeDays(ev: Event): number | null {
  if (!ev.startDate || !ev.endDate || ev.startDate.length < 10 || ev.endDate.length < 10) return null;
  const days = dayNumber(ev.endDate) - dayNumber(ev.startDate);
  return days > 0 ? days : 1;
}
