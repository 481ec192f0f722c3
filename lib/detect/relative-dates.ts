/**
 * Relative time phrases that place an event noun in time: "last month", "next week's walkout",
 * "earlier this year", "yesterday's strike". Each becomes a window of days (an ISO interval)
 * resolved against the article's date, so event linking can prefer the event that fits it.
 * Bare "today" and "yesterday" are left out unless they qualify the noun ("today's strike"):
 * "the union said yesterday" dates the saying, not the strike.
 */
import { addDays, dayNumber, endExclusiveOf, fromDayNumber } from '../util/dates.ts';

export interface DateCue {
  /** ISO date, YYYY-MM, YYYY or an ISO interval "from/to" (both ends inclusive). */
  value: string;
  /** Offsets in the text where the phrase starts and ends. */
  at: number;
  end: number;
}

const PHRASE =
  /\b(?:(earlier|later)\s+this|(?:the\s+)?(last|this|next|past|coming))\s+(weeks?|weekend|months?|year)(?:['’]s)?\b|\b(yesterday|today|tomorrow|tonight)['’]s\b/gi;

const interval = (from: string, to: string): string => `${from}/${to}`;

/** Monday of the week holding `date` (weeks run Monday to Sunday, as in UK usage). */
function monday(date: string): string {
  const weekday = (dayNumber(date) + 3) % 7; // 1970-01-01 was a Thursday; Monday → 0
  return addDays(date, -weekday);
}

function month(date: string, shift: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + shift;
  const yy = y + Math.floor(m / 12);
  return `${yy}-${String((((m % 12) + 12) % 12) + 1).padStart(2, '0')}`;
}

function lastDayOf(partial: string): string {
  return fromDayNumber(dayNumber(endExclusiveOf(partial)) - 1);
}

const ROLLING_DAYS: Record<string, number> = { week: 7, weekend: 7, month: 31, year: 365 };

function windowOf(mod: string, unit: string, date: string): string | null {
  // "the past month", "the coming weeks": a rolling window back from, or on from, the article's date.
  if (mod === 'past') return interval(addDays(date, -ROLLING_DAYS[unit]!), date);
  if (mod === 'coming') return interval(date, addDays(date, ROLLING_DAYS[unit]!));
  if (unit === 'week' || unit === 'weekend') {
    const shift = mod === 'last' ? -7 : mod === 'next' ? 7 : 0;
    const mon = addDays(monday(date), shift);
    if (unit === 'weekend') return interval(addDays(mon, 5), addDays(mon, 6));
    if (mod === 'earlier') return interval(mon, date);
    if (mod === 'later') return interval(date, addDays(mon, 6));
    return interval(mon, addDays(mon, 6));
  }
  if (unit === 'month') {
    const shift = mod === 'last' ? -1 : mod === 'next' ? 1 : 0;
    const m = month(date, shift);
    if (mod === 'earlier') return interval(`${m}-01`, date);
    if (mod === 'later') return interval(date, lastDayOf(m));
    return m;
  }
  const y = Number(date.slice(0, 4)) + (mod === 'last' ? -1 : mod === 'next' ? 1 : 0);
  if (mod === 'earlier') return interval(`${y}-01-01`, date);
  if (mod === 'later') return interval(date, `${y}-12-31`);
  return String(y);
}

/** The relative time phrases of `sentence` (which starts at `offset` in the text), resolved against `date`. */
export function relativeDates(sentence: string, offset: number, date: string): DateCue[] {
  const out: DateCue[] = [];
  for (const m of sentence.matchAll(PHRASE)) {
    const at = offset + m.index;
    const end = at + m[0].length;
    if (m[4]) {
      const day = m[4].toLowerCase();
      const shift = day === 'yesterday' ? -1 : day === 'tomorrow' ? 1 : 0;
      out.push({ value: addDays(date, shift), at, end });
      continue;
    }
    const mod = (m[1] ?? m[2]!).toLowerCase();
    const value = windowOf(mod, m[3]!.toLowerCase().replace(/s$/, ''), date);
    if (value) out.push({ value, at, end });
  }
  return out;
}
