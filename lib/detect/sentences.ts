/** Sentence boundaries, good enough for news prose: used to scope context and compromise. */

export interface Span {
  start: number;
  end: number;
}

const ABBREV = /\b(Mr|Mrs|Ms|Dr|Prof|St|No|Sir|Rev|Gen|Col|Lt|Sgt|Jr|Sr|vs|etc|e\.g|i\.e|approx)\.$/i;

/** Splits text into sentences: at . ! ? followed by space and a capital/quote/digit, and at blank lines. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const re = /[.!?]["'’”)]*\s+(?=["'‘“(]?[\p{Lu}\d])|\n\s*\n/gu;
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && ABBREV.test(text.slice(Math.max(0, m.index - 12), m.index + 1))) continue;
    if (end > start) out.push(trim(text, start, end));
    start = end;
  }
  if (start < text.length) out.push(trim(text, start, text.length));
  return out.filter((s) => s.end > s.start);
}

function trim(text: string, start: number, end: number): Span {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  while (start < end && /\s/.test(text[start]!)) start++;
  return { start, end };
}

/** Index of the span containing offset `i` (binary search), or -1. */
export function spanAt(spans: readonly Span[], i: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (i < s.start) hi = mid - 1;
    else if (i >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
