/**
 * When a claim is: the dates written in a sentence, absolute (the pipeline's) and relative ("today",
 * "earlier this week", "last month", "in the new year"), as windows of days seen from the article's
 * date. Relative dates are read here, without compromise.
 */
import { addDays, lastDayOf, startOf } from '../util/dates.ts';
import type { ClaimContext } from './context.ts';
import { annotationsIn, sentenceText } from './context.ts';

/** A window of days, first and last inclusive (ISO). */
export interface DateWindow {
  from: string;
  to: string;
}

/** Relative dates news uses most, resolved from the article's date without compromise. */
export const RELATIVE =
  /\b(?:today|tonight|tomorrow|yesterday|(?:earlier|later)\s+this\s+(?:week|month)|(?:this|next|last)\s+(?:week|month|weekend)(?:[’']s)?|(?:from|by|until)\s+next\s+month|in\s+the\s+new\s+year|recently)\b/gi;

/** The days a relative date can mean, seen from `date` (weeks run Monday to Sunday). */
export function relativeWindow(phrase: string, date: string): DateWindow | null {
  const p = phrase
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const day = (n: number) => addDays(date, n);
  const dow = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const monday = day(-dow);
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const month = (k: number) => {
    const t = new Date(Date.UTC(y, m - 1 + k, 1)).toISOString().slice(0, 7);
    return { from: `${t}-01`, to: lastDayOf(t) };
  };
  if (p === 'today' || p === 'tonight') return { from: date, to: date };
  if (p === 'tomorrow') return { from: day(1), to: day(1) };
  if (p === 'yesterday') return { from: day(-1), to: day(-1) };
  if (p === 'this week') return { from: monday, to: addDays(monday, 6) };
  if (p === 'earlier this week') return dow === 0 ? null : { from: monday, to: day(-1) };
  if (p === 'later this week') return dow === 6 ? null : { from: day(1), to: addDays(monday, 6) };
  if (p === 'next week') return { from: addDays(monday, 7), to: addDays(monday, 13) };
  if (p === 'last week') return { from: addDays(monday, -7), to: addDays(monday, -1) };
  if (p === 'this weekend') return { from: addDays(monday, 5), to: addDays(monday, 6) };
  if (p === 'next weekend') return { from: addDays(monday, 12), to: addDays(monday, 13) };
  if (p === 'last weekend') return { from: addDays(monday, -2), to: addDays(monday, -1) };
  if (p === 'this month') return month(0);
  if (p === 'earlier this month') return date.endsWith('-01') ? null : { from: month(0).from, to: day(-1) };
  if (p === 'later this month') return { from: day(1), to: month(0).to };
  if (/next month$/.test(p)) return month(1);
  if (p === 'last month') return month(-1);
  if (p === 'in the new year') return { from: `${m >= 9 ? y + 1 : y}-01-01`, to: `${m >= 9 ? y + 1 : y}-03-31` };
  if (p === 'recently') return { from: day(-30), to: date };
  return null;
}

/** Dates written in sentence i: the pipeline's absolute ones, and relative ones (compromise) where the sentence has a cue. */
export function dateSpans(ctx: ClaimContext, i: number): { start: number; end: number; w: DateWindow }[] {
  const out: { start: number; end: number; w: DateWindow }[] = [];
  for (const a of annotationsIn(ctx, i)) {
    if (a.kind !== 'date') continue;
    const v = String(a.value);
    const [from, to] = v.includes('/') ? (v.split('/') as [string, string]) : [v, v];
    out.push({ start: a.start, end: a.end, w: { from: startOf(from), to: lastDayOf(to) } });
  }
  const s = ctx.sents[i]!;
  for (const m of sentenceText(ctx, i).matchAll(RELATIVE)) {
    const start = s.start + m.index;
    const end = start + m[0].length;
    if (out.some((o) => o.start < end && start < o.end)) continue;
    const w = relativeWindow(m[0], ctx.date);
    if (w) out.push({ start, end, w });
  }
  return out.sort((a, b) => a.start - b.start);
}
