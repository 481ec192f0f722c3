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
  [/\b(more than|over|in excess of|upwards of|above)\s+$/i, 'more-than'],
  [/\bat least\s+$/i, 'at-least'],
  [/\b(almost|nearly|just under|close to|approaching)\s+$/i, 'almost'],
  [/\b(around|about|some|roughly|approximately|an estimated|circa|c\.)\s+$/i, 'around'],
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
