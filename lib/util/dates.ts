/**
 * Calendar-date helpers. Dates are ISO strings, possibly of reduced precision (YYYY, YYYY-MM).
 * All arithmetic is on UTC calendar days so a time zone never shifts a date.
 */

const DAY_MS = 86_400_000;

/** The first day a partial date can mean ('2023-07' → '2023-07-01'). */
export function startOf(d: string): string {
  if (d.length === 4) return `${d}-01-01`;
  if (d.length === 7) return `${d}-01`;
  return d.slice(0, 10);
}

/** The day after the last day a partial date can mean ('2023-07' → '2023-08-01'). */
export function endExclusiveOf(d: string): string {
  if (d.length === 4) return `${Number(d) + 1}-01-01`;
  if (d.length === 7) {
    const [y, m] = d.split('-').map(Number) as [number, number];
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  }
  return addDays(d.slice(0, 10), 1);
}

const dayCache = new Map<string, number>();

/** Days since 1970-01-01 for an ISO date (partial dates: their first day). Memoised: few distinct dates recur. */
export function dayNumber(iso: string): number {
  let n = dayCache.get(iso);
  if (n === undefined) {
    const y = Number(iso.slice(0, 4));
    const m = iso.length >= 7 ? Number(iso.slice(5, 7)) : 1;
    const d = iso.length >= 10 ? Number(iso.slice(8, 10)) : 1;
    n = Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
    if (dayCache.size > 10_000) dayCache.clear();
    dayCache.set(iso, n);
  }
  return n;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The last day a partial date can mean ('2023-07' → '2023-07-31'). */
export function lastDayOf(d: string): string {
  return fromDayNumber(dayNumber(endExclusiveOf(d)) - 1);
}

/** An inclusive range of days (full ISO dates). */
export interface DayRange {
  from: string;
  to: string;
}

/** Whether two inclusive day ranges share at least one day. THE overlap test for dates. */
export function rangesMeet(a: DayRange, b: DayRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/**
 * The days a dated record covers: from the first day its start can mean to the last day its end
 * can mean ('2023-07' as an end is 31 July). Without an end, `open` decides: 'period' is the whole
 * period the start names (a month-only start is that month), 'first-day' only its first day (event
 * linking: a strike dated "July 2023" with no end is not every day of July).
 */
export function daysCovered(start: string, end: string | null | undefined, open: 'period' | 'first-day'): DayRange {
  const from = startOf(start);
  return { from, to: end ? lastDayOf(end) : open === 'period' ? lastDayOf(start) : from };
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export function isFullDate(d: string | null | undefined): d is string {
  return typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
}

/** Calendar months and days from `a` to `b` (a ≤ b): 27 March → 24 August is 4 months 28 days. */
export function monthsAndDays(a: string, b: string): { months: number; days: number } {
  const [ay, am, ad] = a.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = b.split('-').map(Number) as [number, number, number];
  let months = (by - ay) * 12 + (bm - am);
  let days = bd - ad;
  if (days < 0) {
    months -= 1;
    const daysInPrevMonth = new Date(Date.UTC(by, bm - 1, 0)).getUTCDate();
    days += daysInPrevMonth;
  }
  return { months, days };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2023-03-27' → '27 March 2023'; '2023-07' → 'July 2023'; '2023' → '2023'. */
export function formatDate(d: string): string {
  const parts = d.split('-');
  const month = parts[1] ? MONTHS[Number(parts[1]) - 1] : undefined;
  if (parts.length === 1 || !month) return parts[0] ?? d;
  if (parts.length === 2) return `${month} ${parts[0]}`;
  return `${Number(parts[2])} ${month} ${parts[0]}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "150 days before this article", "the same day as this article", "3 days after this article". */
export function distanceFromArticle(
  date: string | null,
  article: string,
): { days: number | null; text: string | null } {
  if (!date) return { days: null, text: null };
  if (!isFullDate(date)) {
    const s = startOf(date);
    const e = endExclusiveOf(date);
    if (dayNumber(e) <= dayNumber(article)) return { days: null, text: `before this article` };
    if (dayNumber(s) > dayNumber(article)) return { days: null, text: `after this article` };
    return { days: null, text: `around the time of this article` };
  }
  const days = daysBetween(date, article);
  if (days === 0) return { days: 0, text: 'the same day as this article' };
  const word = days > 0 ? 'before' : 'after';
  return { days: -days, text: `${plural(Math.abs(days), 'day')} ${word} this article` };
}

/** Today's calendar date in the local time zone as ISO. */
export function todayIso(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export { MONTHS };
