/**
 * How a stated quantity is compared with the fact base. The written rules:
 * - a bare number agrees when the fact rounds to it at the precision it is written with
 *   ("68,000" is to the nearest thousand, so 67,762 agrees; "6%" to the nearest unit);
 * - "more than", "over", "in excess of": the fact is larger; "at least": larger or equal;
 * - "almost", "nearly", "just under", "close to": the fact is at most the number and within 10% below it;
 * - "around", "about", "some", "roughly", "approximately", "an estimated": within its rounding or 5%;
 * - "up to", "as many as": the fact is at most the number; "less than", "fewer than", "under": smaller.
 */
export type Qualifier = 'exactly' | 'more-than' | 'at-least' | 'almost' | 'around' | 'up-to' | 'less-than';

const QUALIFIERS: [RegExp, Qualifier][] = [
  [/\b(more than|over|in excess of|upwards of|above|just over)\s+$/i, 'more-than'],
  [/\bat least\s+$/i, 'at-least'],
  [/\b(almost|nearly|just under|close to|approaching)\s+$/i, 'almost'],
  [
    /\b(around|about|some|roughly|approximately|an estimated|estimated|circa|c\.|an average of|on average)\s+$/i,
    'around',
  ],
  [/\b(up to|as many as)\s+$/i, 'up-to'],
  [/\b(less than|fewer than|under|below)\s+$/i, 'less-than'],
];

/** The qualifier written just before a number ("more than five months"). */
export function qualifierBefore(textBefore: string): Qualifier {
  const tail = textBefore.slice(-30);
  for (const [re, q] of QUALIFIERS) if (re.test(tail)) return q;
  return 'exactly';
}

/** The rounding unit a number is written with: 68,000 → 1,000; 6 → 1; 22.3 → 0.1; 150 → 10. */
export function precisionOf(written: string, value: number): number {
  const decimals = written.match(/\.(\d+)/)?.[1]?.length;
  if (decimals) return 10 ** -decimals;
  if (!/\d/.test(written)) return value >= 1000 ? 10 ** Math.floor(Math.log10(value)) / 10 : 1; // "sixty thousand"
  if (value === 0) return 1;
  let p = 1;
  while (value % (p * 10) === 0 && p * 10 <= value) p *= 10;
  return p;
}

/** Whether `actual` agrees with a stated `claimed` under the qualifier (rules above). */
export function agrees(claimed: number, q: Qualifier, actual: number, precision: number): boolean {
  const rounds = Math.abs(actual - claimed) <= precision / 2 + 1e-9;
  switch (q) {
    case 'exactly':
      return rounds;
    case 'more-than':
      return actual > claimed;
    case 'at-least':
      return actual >= claimed;
    case 'almost':
      return actual <= claimed && actual >= claimed * 0.9;
    case 'around':
      return rounds || Math.abs(actual - claimed) <= claimed * 0.05;
    case 'up-to':
      return actual <= claimed;
    case 'less-than':
      return actual < claimed;
  }
}

/** "more than five months" as words, for explanations. */
export function qualifierWords(q: Qualifier): string {
  return {
    exactly: '',
    'more-than': 'more than ',
    'at-least': 'at least ',
    almost: 'almost ',
    around: 'around ',
    'up-to': 'up to ',
    'less-than': 'less than ',
  }[q];
}

/** "68,000" with thousands separators; percentages and decimals as written. */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

/** Number words read the same way by every finder ("five months", "a five-day strike", "nine trusts"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1000,
  dozen: 12,
};

/** Ordinals: "the second walkout", "the 14th strike". */
export const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};

/**
 * The value of a number as written, without compromise: digits ("1,000", "22.3", "1.5m"),
 * number words up to a thousand ("twenty-one", "a hundred") and ordinals ("second", "14th").
 * Null when it is none of these (the caller may then ask compromise).
 */
export function readNumber(written: string): number | null {
  const w = written.trim().toLowerCase().replace(/\s+/g, ' ');
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(million|m|k|bn|billion)?$/.exec(w);
  if (digits) {
    const n = Number(digits[1]!.replace(/,/g, ''));
    const scale = digits[2] ? ({ million: 1e6, m: 1e6, k: 1e3, bn: 1e9, billion: 1e9 } as const)[digits[2] as 'm'] : 1;
    return n * scale;
  }
  const ord = /^(\d+)(?:st|nd|rd|th)$/.exec(w);
  if (ord) return Number(ord[1]);
  if (Object.hasOwn(ORDINAL_WORDS, w)) return ORDINAL_WORDS[w]!;
  if (Object.hasOwn(NUMBER_WORDS, w)) return NUMBER_WORDS[w]!;
  const parts = w.split(/[- ]/).filter((x) => x && x !== 'and');
  if (parts.length > 1 && parts.every((x) => Object.hasOwn(NUMBER_WORDS, x))) {
    let total = 0;
    let cur = 0;
    for (const x of parts) {
      const v = NUMBER_WORDS[x]!;
      if (v === 100 || v === 1000) {
        cur = (cur || 1) * v;
        if (v === 1000) {
          total += cur;
          cur = 0;
        }
      } else cur += v;
    }
    return total + cur;
  }
  return null;
}

/**
 * Vague amounts as bounds: "thousands of nurses" is at least two thousand, "tens of thousands"
 * at least twenty thousand, "a majority" more than half, "several" at least three.
 */
export const VAGUE: readonly { re: RegExp; value: number; q: Qualifier; percent?: boolean }[] = [
  { re: /^tens of thousands$/i, value: 20_000, q: 'at-least' },
  { re: /^hundreds of thousands$/i, value: 200_000, q: 'at-least' },
  { re: /^thousands$/i, value: 2_000, q: 'at-least' },
  { re: /^hundreds$/i, value: 200, q: 'at-least' },
  { re: /^dozens$/i, value: 24, q: 'at-least' },
  { re: /^(?:a|the) majority$/i, value: 50, q: 'more-than', percent: true },
  { re: /^(?:several|a number of)$/i, value: 3, q: 'at-least' },
  { re: /^(?:a|one) third$/i, value: 100 / 3, q: 'around', percent: true },
  { re: /^(?:a|one) quarter$/i, value: 25, q: 'around', percent: true },
  { re: /^half$/i, value: 50, q: 'around', percent: true },
];
