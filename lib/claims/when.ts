/**
 * When a claim is: the dates written in a sentence, absolute (the pipeline's) and relative ("today",
 * "earlier this week", "last month", "in the new year", read by detect's one relative-date reader),
 * as windows of days seen from the article's date.
 */
import { lastDayOf, startOf } from '../util/dates.ts';
import { relativeDates, type DateWindow } from '../detect/relative-dates.ts';
import type { ClaimContext } from './context.ts';
import { annotationsIn, sentenceText } from './context.ts';

export type { DateWindow };

/** Dates written in sentence i: the pipeline's absolute ones, and relative ones resolved from the article's date. */
export function dateSpans(ctx: ClaimContext, i: number): { start: number; end: number; w: DateWindow }[] {
  const out: { start: number; end: number; w: DateWindow }[] = [];
  for (const a of annotationsIn(ctx, i)) {
    if (a.kind !== 'date') continue;
    const v = String(a.value);
    const [from, to] = v.includes('/') ? (v.split('/') as [string, string]) : [v, v];
    out.push({ start: a.start, end: a.end, w: { from: startOf(from), to: lastDayOf(to) } });
  }
  const s = ctx.sents[i]!;
  for (const c of relativeDates(sentenceText(ctx, i), s.start, ctx.date, { bareDays: true })) {
    if (out.some((o) => o.start < c.end && c.at < o.end)) continue;
    out.push({ start: c.at, end: c.end, w: c.window });
  }
  return out.sort((a, b) => a.start - b.start);
}
