/**
 * The date of an article that does not give one, inferred from its own text: "today (24 August)"
 * or a weekday beside a date pins the day; the dated events it describes in the past tense bound
 * it from below and those it expects bound it from above; the holders of the offices it names
 * ("Health Secretary Steve Barclay") bound it to their terms. Never today's date: with no cue,
 * there is no window, and date-dependent checks are left undecided.
 */
import type { FactIndex } from '../facts/index.ts';
import { MONTHS, addDays, dayNumber, formatDate, startOf } from '../util/dates.ts';

export interface InferredDate {
  /** The date to judge as of: the day when pinned, else the earliest the text allows. */
  date: string;
  from: string;
  to: string;
  /** Whether the text pins a single day. */
  exact: boolean;
  /** What the window was inferred from, in words ("'today (24 August)' and a weekday beside it"). */
  why: string;
}

const MONTH = `(${MONTHS.join('|')})`;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY = `(${WEEKDAYS.join('|')})`;
const FULL_DATE = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+((?:19|20)\\d\\d)\\b|\\b${MONTH}\\s+(\\d{1,2}),?\\s+((?:19|20)\\d\\d)\\b`,
  'g',
);
const TODAY = new RegExp(`\\btoday\\s*[(,]\\s*(?:${WEEKDAY},?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}`, 'i');
const WEEKDAY_DATE = new RegExp(
  `\\b${WEEKDAY},?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\b(?!,?\\s+(?:19|20)\\d\\d)`,
  'g',
);
const FUTURE = /\b(?:will|plans?|planned|set to|is due|are due|due to|from|upcoming|next)\b/i;

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const monthNo = (name: string) => MONTHS.findIndex((m) => m.toLowerCase() === name.toLowerCase()) + 1;
const weekdayOf = (d: string) => WEEKDAYS[new Date(`${d}T00:00:00Z`).getUTCDay()]!;

/** The sentence around offset i (for its tense). */
function sentenceAt(text: string, i: number): string {
  const start = Math.max(text.lastIndexOf('. ', i), text.lastIndexOf('\n', i), 0);
  const end = text.indexOf('. ', i);
  return text.slice(start, end < 0 ? text.length : end);
}

/** Infers the article's date window from its text, or null when nothing in it dates it. */
export function inferArticleDate(text: string, index: FactIndex): InferredDate | null {
  let from = '0000-01-01';
  let to = '9999-12-31';
  const why: string[] = [];
  // Dated events described: past ones bound the article from below, expected ones from above.
  const past: string[] = [];
  const future: string[] = [];
  for (const m of text.matchAll(FULL_DATE)) {
    const d = m[1] ? iso(Number(m[3]), monthNo(m[2]!), Number(m[1])) : iso(Number(m[6]), monthNo(m[4]!), Number(m[5]));
    (FUTURE.test(sentenceAt(text, m.index)) ? future : past).push(d);
  }
  if (past.length) {
    from = past.sort().at(-1)!;
    why.push(`the latest dated event it describes (${formatDate(from)})`);
  }
  const later = future.filter((d) => d >= from).sort()[0];
  if (later) {
    to = later;
    why.push(`an event it expects on ${formatDate(later)}`);
  }
  // Office holders named with their title.
  for (const office of officeWindows(text, index)) {
    if (office.from > from) from = office.from;
    if (office.to < to) to = office.to;
    why.push(`${office.name} named as ${office.title} (${formatDate(office.from)} to ${formatDate(office.to)})`);
  }
  if (from > to) return null;
  const bounded = from !== '0000-01-01' || to !== '9999-12-31';
  // "today (24 August)" or "today (Thursday 24 August)": the day itself.
  const t = TODAY.exec(text);
  const pins: { d: number; m: number; weekday?: string; what: string }[] = [];
  if (t)
    pins.push({
      d: Number(t[2]),
      m: monthNo(t[3]!),
      ...(t[1] ? { weekday: t[1] } : {}),
      what: `"${t[0]}${text[t.index + t[0].length] === ')' ? ')' : ''}"`,
    });
  const weekdays = [...text.matchAll(WEEKDAY_DATE)].map((w) => ({
    weekday: w[1]!,
    d: Number(w[2]),
    m: monthNo(w[3]!),
  }));
  for (const pin of pins) {
    const years = candidateYears(
      from,
      to,
      bounded,
      pin.m,
      pin.d,
      pin.weekday ?? weekdays.find((w) => w.d === pin.d && w.m === pin.m)?.weekday,
    );
    if (years.length === 1) {
      const day = iso(years[0]!, pin.m, pin.d);
      return { date: day, from: day, to: day, exact: true, why: [pin.what, ...why].join('; ') };
    }
  }
  // A weekday beside a date narrows the years even without "today".
  if (!bounded && weekdays.length) {
    const w = weekdays[0]!;
    const years = candidateYears(from, to, false, w.m, w.d, w.weekday);
    if (years.length === 1) {
      const y = years[0]!;
      return {
        date: iso(y, w.m, w.d),
        from: `${y}-01-01`,
        to: `${y}-12-31`,
        exact: false,
        why: `"${w.weekday} ${w.d} ${MONTHS[w.m - 1]}" falls on a ${w.weekday} only in ${y} in the fact base's years`,
      };
    }
  }
  if (!bounded) return null;
  const lo = from === '0000-01-01' ? addDays(to, -365) : from;
  const hi = to === '9999-12-31' ? addDays(from, 365) : to;
  return { date: lo, from: lo, to: hi, exact: lo === hi, why: why.join('; ') };
}

/** Years (2020–2030, or within the window) in which day/month falls in the window and on the weekday. */
function candidateYears(from: string, to: string, bounded: boolean, m: number, d: number, weekday?: string): number[] {
  const lo = bounded && from !== '0000-01-01' ? Number(from.slice(0, 4)) : 2020;
  const hi = bounded && to !== '9999-12-31' ? Number(to.slice(0, 4)) : 2030;
  const out: number[] = [];
  for (let y = lo; y <= hi; y++) {
    const day = iso(y, m, d);
    if (bounded && (day < from || day > to)) continue;
    if (weekday && weekdayOf(day) !== weekday) continue;
    out.push(y);
  }
  return out;
}

/** Terms of the offices named in the text with their holder ("Health Secretary Steve Barclay"). */
function officeWindows(text: string, index: FactIndex): { name: string; title: string; from: string; to: string }[] {
  const out: { name: string; title: string; from: string; to: string }[] = [];
  const lower = text.toLowerCase();
  for (const e of index.entities.values()) {
    if (e.kind !== 'person' || !e.roles?.some((r) => r.role && r.from)) continue;
    if (!lower.includes(e.name.toLowerCase())) continue;
    // A person may have held the office more than once: the article falls within one of the terms,
    // so the window is their hull.
    const byRole = new Map<string, { title: string; from: string; to: string }>();
    for (const r of e.roles) {
      if (!r.role || !r.from) continue;
      const role = index.entity(r.role);
      const titles = [role?.name, ...(role?.aliases ?? []).map((a) => a.text)].filter(
        (x): x is string => !!x && x.length > 6,
      );
      const name = e.name.toLowerCase();
      const named = titles.some((t) => {
        const tl = t.toLowerCase();
        return (
          lower.includes(`${tl} ${name}`) || lower.includes(`${name}, ${tl}`) || lower.includes(`${name}, the ${tl}`)
        );
      });
      if (!named) continue;
      const from = startOf(r.from);
      const to = r.to ? addDays(startOf(r.to), -1) : '9999-12-31';
      const prev = byRole.get(r.role);
      byRole.set(r.role, {
        title: role?.name ?? r.title,
        from: prev && prev.from < from ? prev.from : from,
        to: prev && prev.to > to ? prev.to : to,
      });
    }
    for (const w of byRole.values()) out.push({ name: e.name, ...w });
  }
  return out.filter((o) => o.to === '9999-12-31' || dayNumber(o.to) >= dayNumber(o.from));
}

/** What every output says about an inferred date. */
export function inferredNote(d: InferredDate): string {
  const when = d.exact ? formatDate(d.date) : `between ${formatDate(d.from)} and ${formatDate(d.to)}`;
  return `The article gives no date; inferred ${when} from ${d.why}.`;
}

export const UNDATED =
  'The article gives no date and its text does not date it, so claims that depend on the date are not judged.';
