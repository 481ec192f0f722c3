/**
 * The one reader of relative dates ("today", "earlier this week", "last month", "next week's walkout",
 * "over the past month", "in the new year"). Each phrase becomes a window of days resolved from the
 * article's date, without compromise. Event linking uses it to prefer the event that fits a phrase;
 * claim checking uses the same windows to judge written dates. One set of rules:
 * - weeks run Monday to Sunday (UK usage); "this weekend" is that week's Saturday and Sunday;
 * - "earlier this week/month/year" ends the day before the article; "later this …" starts the day after;
 * - "the past/coming week, month, year" is a rolling window back from, or on from, the article's date;
 * - "in the new year" is January to March of the coming year (of this year before September);
 * - "recently" is the 30 days up to the article's date.
 * Bare "today", "tomorrow" and "yesterday" are read only when the caller asks (`bareDays`): in event
 * linking "the union said yesterday" dates the saying, not the strike, so only "yesterday's strike" counts.
 */
import { addDays, dayNumber, lastDayOf } from '../util/dates.ts';

/** A window of days, first and last inclusive (ISO). */
export interface DateWindow {
  from: string;
  to: string;
}

export interface DateCue {
  /** ISO date, YYYY-MM, YYYY or an ISO interval "from/to" (both ends inclusive). */
  value: string;
  /** The same as a window of days. */
  window: DateWindow;
  /** Offsets in the text where the phrase starts and ends. */
  at: number;
  end: number;
}

const PHRASE =
  /\b(?:(?:(earlier|later)\s+this|(?:the\s+)?(last|this|next|past|coming))\s+(weeks?|weekend|months?|year)(?:['’]s)?|in\s+the\s+new\s+year|recently|(yesterday|today|tomorrow|tonight)(['’]s)?)\b/gi;

/** Monday of the week holding `date`. */
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

const ROLLING_DAYS: Record<string, number> = { week: 7, weekend: 7, month: 31, year: 365 };

const span = (from: string, to: string): DateWindow | null => (from <= to ? { from, to } : null);

function windowOf(mod: string, unit: string, date: string): DateWindow | null {
  if (mod === 'past') return span(addDays(date, -ROLLING_DAYS[unit]!), date);
  if (mod === 'coming') return span(date, addDays(date, ROLLING_DAYS[unit]!));
  const shift = mod === 'last' ? -1 : mod === 'next' ? 1 : 0;
  let from: string, to: string;
  if (unit === 'week' || unit === 'weekend') {
    const mon = addDays(monday(date), 7 * shift);
    if (unit === 'weekend') return span(addDays(mon, 5), addDays(mon, 6));
    [from, to] = [mon, addDays(mon, 6)];
  } else if (unit === 'month') {
    const m = month(date, shift);
    [from, to] = [`${m}-01`, lastDayOf(m)];
  } else {
    const y = Number(date.slice(0, 4)) + shift;
    [from, to] = [`${y}-01-01`, `${y}-12-31`];
  }
  if (mod === 'earlier') return span(from, addDays(date, -1));
  if (mod === 'later') return span(addDays(date, 1), to);
  return { from, to };
}

/** The days a relative phrase can mean, seen from `date`; null for a phrase it does not read. */
export function relativeWindow(phrase: string, date: string): DateWindow | null {
  const m = new RegExp(`^(?:${PHRASE.source})$`, 'i').exec(phrase.trim().replace(/\s+/g, ' '));
  return m ? windowOfMatch(m, date) : null;
}

function windowOfMatch(m: RegExpExecArray | RegExpMatchArray, date: string): DateWindow | null {
  if (m[4]) {
    const day = m[4].toLowerCase();
    const d = addDays(date, day === 'yesterday' ? -1 : day === 'tomorrow' ? 1 : 0);
    return { from: d, to: d };
  }
  if (m[3]) return windowOf((m[1] ?? m[2]!).toLowerCase(), m[3].toLowerCase().replace(/s$/, ''), date);
  if (/^recently$/i.test(m[0])) return { from: addDays(date, -30), to: date };
  const y = Number(date.slice(0, 4)) + (Number(date.slice(5, 7)) >= 9 ? 1 : 0);
  return { from: `${y}-01-01`, to: `${y}-03-31` };
}

/** A window in the shortest form: a day, a month, a year, or an interval. */
export function windowValue(w: DateWindow): string {
  if (w.from === w.to) return w.from;
  if (w.from.endsWith('-01-01') && w.to === `${w.from.slice(0, 4)}-12-31`) return w.from.slice(0, 4);
  if (w.from.endsWith('-01') && w.to === lastDayOf(w.from.slice(0, 7))) return w.from.slice(0, 7);
  return `${w.from}/${w.to}`;
}

/** The relative time phrases of `sentence` (which starts at `offset` in the text), resolved against `date`. */
export function relativeDates(
  sentence: string,
  offset: number,
  date: string,
  options: { bareDays?: boolean } = {},
): DateCue[] {
  const out: DateCue[] = [];
  for (const m of sentence.matchAll(PHRASE)) {
    if (m[4] && !m[5] && !options.bareDays) continue;
    const window = windowOfMatch(m, date);
    if (!window) continue;
    const at = offset + m.index;
    out.push({ value: windowValue(window), window, at, end: at + m[0].length });
  }
  return out;
}
