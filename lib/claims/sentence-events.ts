/** The events a sentence can be about: those the pipeline linked in it, and those its dates point to. */
import type { Event, EventKind } from '../facts/schema.ts';
import { dayNumber, endExclusiveOf, startOf } from '../util/dates.ts';
import type { ClaimContext } from './context.ts';
import { annotationsIn, withRelated } from './context.ts';
import { appliesTo } from '../detect/nations.ts';

export interface DateWindow {
  from: string;
  to: string;
}

/** Dates written in sentence i (annotated absolute dates, and compromise's relative ones like "last month"). */
export function datesIn(ctx: ClaimContext, i: number, after = -1): DateWindow[] {
  const out: DateWindow[] = [];
  for (const a of annotationsIn(ctx, i)) {
    if (a.kind !== 'date' || a.start < after) continue;
    const v = String(a.value);
    const [from, to] = v.includes('/') ? (v.split('/') as [string, string]) : [v, v];
    out.push({ from: startOf(from), to: lastDay(to) });
  }
  for (const d of ctx.nlp(i).dates) {
    if (d.start < after || out.some((o) => o.from === d.from && o.to === d.to)) continue;
    if (annotationsIn(ctx, i).some((a) => a.kind === 'date' && a.start < d.end && d.start < a.end)) continue;
    if (/^(today|this week)$/i.test(ctx.text.slice(d.start, d.end).trim())) continue;
    out.push({ from: d.from, to: d.to });
  }
  return out;
}

/** The date written nearest to `offset` in sentence i (its clause's date), if any. */
export function nearestWindow(ctx: ClaimContext, i: number, offset: number): DateWindow | undefined {
  const spans: { start: number; w: DateWindow }[] = [];
  for (const a of annotationsIn(ctx, i))
    if (a.kind === 'date') spans.push({ start: a.start, w: windowOf(String(a.value)) });
  for (const d of ctx.nlp(i).dates)
    if (!/^(today|this week)$/i.test(ctx.text.slice(d.start, d.end).trim()))
      spans.push({ start: d.start, w: { from: d.from, to: d.to } });
  return spans.sort((a, b) => Math.abs(a.start - offset) - Math.abs(b.start - offset))[0]?.w;
}

function windowOf(v: string): DateWindow {
  const [from, to] = v.includes('/') ? (v.split('/') as [string, string]) : [v, v];
  return { from: startOf(from), to: lastDay(to) };
}

function lastDay(d: string): string {
  return new Date((dayNumber(endExclusiveOf(d)) - 1) * 86_400_000).toISOString().slice(0, 10);
}

export function overlaps(ev: Event, w: DateWindow): boolean {
  if (!ev.startDate) return false;
  const s = dayNumber(startOf(ev.startDate));
  const e = dayNumber(endExclusiveOf(ev.endDate ?? ev.startDate));
  return dayNumber(w.from) < e && s <= dayNumber(w.to);
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
