/**
 * Dates and figures written in the text, resolved against the article's date: "24 August",
 * "Thursday", "July", "2023/24" (a financial year), "19th and 20th September"; "14.5%",
 * "22.3 per cent", "£750", "37,000". Relative phrases ("last month", "today") are left to the
 * claim finders, which resolve them with compromise-dates.
 */
import { MONTHS, addDays, dayNumber } from '../util/dates.ts';
import type { Span } from './sentences.ts';
import { spanAt } from './sentences.ts';
import { Occupancy } from './occupancy.ts';

export interface FoundValue {
  kind: 'date' | 'figure';
  start: number;
  end: number;
  value: string | number;
  unit?: string;
}

const MONTH = `(${MONTHS.join('|')}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?`;
const DAY = `(\\d{1,2})(?:st|nd|rd|th)?`;
const WEEKDAY = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const YEAR = '((?:19|20)\\d{2})';

const PATTERNS: { re: RegExp; parse: (m: RegExpExecArray, ctx: DateCtx) => string | null }[] = [
  // "December 21", "June 6, 7", "July 30 2025"
  {
    re: new RegExp(
      `\\b${MONTH}\\s+${DAY}(?:,\\s*(\\d{1,2})(?:st|nd|rd|th)?)?(?:,?\\s+${YEAR})?\\b(?!\\s*(?:%|per))`,
      'g',
    ),
    parse: (m, c) => monthDay(m, c),
  },
  // "2nd, 3rd and 4th October", "19th and 20th September", "12 and 15 July 2023"
  {
    re: new RegExp(`\\b${DAY}(?:,\\s*${DAY})*(?:,?\\s*(?:and|to|-|–)\\s*)${DAY}\\s+${MONTH}(?:\\s+${YEAR})?\\b`, 'g'),
    parse: dayListMonth,
  },
  // "Thursday 24 August 2023", "24 August", "24 Aug 2023"
  {
    re: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?${DAY}\\s+${MONTH}(?:,?\\s+${YEAR})?\\b`, 'g'),
    parse: (m, c) => dayMonth(m[2]!, m[3]!, m[4], c),
  },
  // "2023/24", "2022-23": UK financial years
  { re: /\b((?:19|20)\d{2})[/–-](\d{2})\b(?![/-]\d)/g, parse: financialYear },
  // "June 2024", "April"
  { re: new RegExp(`\\b${MONTH}(?:\\s+${YEAR})?\\b`, 'g'), parse: (m, c) => monthOnly(m[1]!, m[2], c) },
  // "Thursday"
  { re: new RegExp(`\\b${WEEKDAY}\\b`, 'g'), parse: (m, c) => weekday(m[1]!, c) },
  // "2008"
  { re: /\b((?:19|20)\d{2})\b(?![-/–]\d|,\d|\.\d|%| per cent)/g, parse: (m) => m[1]! },
];

interface DateCtx {
  date: string;
  sentence: string;
}

function monthIndex(name: string): number {
  const n = name.replace(/\.$/, '').slice(0, 3).toLowerCase();
  return MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === n) + 1;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The year a day-and-month without a year most likely means: the one nearest the article. */
function nearestYear(month: number, day: number, c: DateCtx): number {
  const y = Number(c.date.slice(0, 4));
  let best = y;
  let bestDist = Infinity;
  for (const cand of [y - 1, y, y + 1]) {
    const dist = Math.abs(dayNumber(`${cand}-${pad(month)}-${pad(day)}`) - dayNumber(c.date));
    if (dist < bestDist) {
      best = cand;
      bestDist = dist;
    }
  }
  return best;
}

function valid(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && dt.getUTCDate() === d;
}

function dayMonth(day: string, month: string, year: string | undefined, c: DateCtx): string | null {
  const m = monthIndex(month);
  const d = Number(day);
  const y = year ? Number(year) : nearestYear(m, d, c);
  return valid(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

function monthDay(mm: RegExpExecArray, c: DateCtx): string | null {
  const first = dayMonth(mm[2]!, mm[1]!, mm[4], c);
  if (!first || !mm[3]) return first;
  const second = dayMonth(mm[3], mm[1]!, mm[4], c);
  return second ? `${first}/${second}` : first;
}

function dayListMonth(mm: RegExpExecArray, c: DateCtx): string | null {
  const days = [...mm[0].matchAll(/\b(\d{1,2})(?:st|nd|rd|th)?\b/g)].map((x) => Number(x[1]));
  const monthName = mm[0].match(new RegExp(MONTH))?.[1];
  const year = mm[0].match(/\b((?:19|20)\d{2})\b/)?.[1];
  if (!monthName || days.length < 2) return null;
  const first = dayMonth(String(days[0]), monthName, year, c);
  const last = dayMonth(String(days.filter((d) => d < 32).at(-1)), monthName, year, c);
  return first && last ? `${first}/${last}` : null;
}

function financialYear(m: RegExpExecArray): string | null {
  const y = Number(m[1]);
  const next = Number(m[2]);
  if ((y + 1) % 100 !== next) return null;
  return `${y}-04-01/${y + 1}-03-31`;
}

function monthOnly(month: string, year: string | undefined, c: DateCtx): string | null {
  const m = monthIndex(month);
  if (m < 1) return null;
  if (year) return `${year}-${pad(m)}`;
  // "May" is also a verb and a name: only count it as a month after a preposition.
  if (/^May$/.test(month)) return null;
  return `${nearestYear(m, 15, c)}-${pad(m)}`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A bare weekday: the nearest one, looking back for past tense and ahead for the future. */
function weekday(name: string, c: DateCtx): string {
  const target = WEEKDAYS.indexOf(name);
  const today = new Date(`${c.date}T00:00:00Z`).getUTCDay();
  const ahead = (target - today + 7) % 7;
  const back = ahead === 0 ? 0 : 7 - ahead;
  const future = /\b(will|is due|are due|planned|next|set to|begins?|starts?|is to|are to|from)\b/i.test(c.sentence);
  const past =
    /\b(was|were|had|took|said|held|met|announced|began|started|walked|last|since|have been|has been)\b/i.test(
      c.sentence,
    );
  if (ahead === 0) return c.date;
  if (future && !past) return addDays(c.date, ahead);
  if (past && !future) return addDays(c.date, -back);
  return ahead <= back ? addDays(c.date, ahead) : addDays(c.date, -back);
}

const FIGURE =
  /(£|\$|€)?\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*(?:%|per cent|percent)|\s*(?:bn|billion|m|million|k)\b)?/g;

/** Figures written with digits: percentages, money and counts of 100 or more (not years, dates or times). */
function figures(text: string, taken: Occupancy): FoundValue[] {
  const out: FoundValue[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.overlaps(start, end)) continue;
    const [, currency, num, suffix] = m;
    const n = Number(num!.replace(/,/g, ''));
    const around = text.slice(Math.max(0, start - 12), end + 12);
    if (
      /\d[:.]\d{2}\s*(am|pm)|\b\d{1,2}(am|pm)\b/i.test(around) ||
      /NHS\s*$/.test(text.slice(Math.max(0, start - 4), start))
    )
      continue;
    if (/^[-/]\d/.test(text.slice(end, end + 2)) || /\d[-/]$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    if (/[-–](hour|day|week|year)/.test(text.slice(end, end + 6))) continue;
    const pct = suffix && /%|per ?cent/.test(suffix);
    const scale =
      suffix && /bn|billion/.test(suffix)
        ? 1e9
        : suffix && /\bm\b|million/.test(suffix)
          ? 1e6
          : suffix && /k/.test(suffix)
            ? 1e3
            : 1;
    if (!currency && !pct && (n < 100 || /^\d{4}$/.test(num!))) continue;
    out.push({
      kind: 'figure',
      start,
      end,
      value: n * (pct ? 1 : scale),
      ...(currency
        ? { unit: currency === '£' ? 'GBP' : currency === '$' ? 'USD' : 'EUR' }
        : pct
          ? { unit: 'percent' }
          : {}),
    });
  }
  return out;
}

/** Every date and figure in the text; the longest match wins where patterns overlap. */
export function findDatesAndFigures(text: string, sents: readonly Span[], date: string): FoundValue[] {
  const dates: FoundValue[] = [];
  /** Spans taken by a date, or matched by a longer pattern that could not read them ("31 February"). */
  const taken = new Occupancy(text.length);
  for (const { re, parse } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      // Overlapping a date already read: try again one unit later ("June 6, 7, 12 and 13 July").
      if (taken.overlaps(start, end)) {
        re.lastIndex = start + 1;
        continue;
      }
      const si = spanAt(sents, start);
      const sentence = si >= 0 ? text.slice(sents[si]!.start, sents[si]!.end) : '';
      if (m[0] === 'May' || (/^May\b/.test(m[0]) && !/\d/.test(m[0]))) {
        if (
          !/\b(in|since|until|from|of|by|for|on|during|before|after|through|to|early|late|mid|last|next|this)\s+$/i.test(
            text.slice(Math.max(0, start - 8), start),
          )
        )
          continue;
      }
      const value = parse(m, { date, sentence }) ?? (m[0].startsWith('May') ? `${date.slice(0, 4)}-05` : null);
      if (value) dates.push({ kind: 'date', start, end, value });
      taken.take(start, end);
    }
  }
  return [...dates, ...figures(text, taken)].sort((a, b) => a.start - b.start);
}
