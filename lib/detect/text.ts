/**
 * Text normalisation for matching, without copying the text: a per-code-unit table folds case,
 * accents, quotes, dashes and spaces, and marks characters to skip (soft hyphens, zero-width
 * characters, combining marks). Offsets therefore always stay those of the original text.
 */

/** Marks a code unit that matching ignores entirely. */
export const SKIP = 0xffff;

let foldTable: Uint16Array | null = null;

const SPACES = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
const SKIPPED = [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x034f];
const APOSTROPHES = [0x2018, 0x2019, 0x201b, 0x2032, 0x02bc, 0x0060, 0x00b4];
const QUOTES = [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb];
const DASHES = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63, 0xff0d];

function foldChar(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  if (c >= 0x300 && c <= 0x36f) return SKIP; // combining marks: "é" written as e + U+0301
  if (c >= 0x2000 && c <= 0x200a) return 0x20;
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  if (lower.length !== 1) return c;
  const base = lower.normalize('NFD');
  const first = base.charCodeAt(0);
  return base.length > 1 && first < 0x250 ? first : lower.charCodeAt(0);
}

/** The fold table: code unit → folded code unit, or SKIP. Built once (~65k entries). */
export function fold(): Uint16Array {
  if (foldTable) return foldTable;
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c < 0x3000 ? foldChar(c) : c;
  for (const c of SPACES) t[c] = 0x20;
  for (const c of SKIPPED) t[c] = SKIP;
  for (const c of APOSTROPHES) t[c] = 0x27;
  for (const c of QUOTES) t[c] = 0x22;
  for (const c of DASHES) t[c] = 0x2d;
  // Surrogates pass through unchanged: astral characters never occur inside an alias.
  foldTable = t;
  return t;
}

/** Folds a whole string (for patterns): case, accents, punctuation; skipped units removed; spaces collapsed. */
export function foldString(s: string): string {
  const t = fold();
  let out = '';
  let lastSpace = true;
  for (let i = 0; i < s.length; i++) {
    const f = t[s.charCodeAt(i)]!;
    if (f === SKIP) continue;
    if (f === 0x20) {
      if (lastSpace) continue;
      lastSpace = true;
    } else lastSpace = false;
    out += String.fromCharCode(f);
  }
  return out.trimEnd();
}

const WORD_RE = /[\p{L}\p{N}]/u;

/** Whether a code unit is part of a word (letters and digits, any script). */
export function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c >= 0xd800 && c <= 0xdfff) return true; // astral: treat as word-like to be safe
  return WORD_RE.test(String.fromCharCode(c));
}

/** The code unit index before `i` that is not skipped, or -1. */
export function prevUnit(text: string, i: number): number {
  const t = fold();
  for (let j = i - 1; j >= 0; j--) if (t[text.charCodeAt(j)] !== SKIP) return j;
  return -1;
}

/** The code unit index at or after `i` that is not skipped, or text.length. */
export function nextUnit(text: string, i: number): number {
  const t = fold();
  for (let j = i; j < text.length; j++) if (t[text.charCodeAt(j)] !== SKIP) return j;
  return text.length;
}

/** True when text[start, end) is delimited by non-word characters on both sides. */
export function atWordBoundaries(text: string, start: number, end: number): boolean {
  const before = prevUnit(text, start);
  if (before >= 0 && isWordUnit(text.charCodeAt(before))) return false;
  const after = nextUnit(text, end);
  return !(after < text.length && isWordUnit(text.charCodeAt(after)));
}

/** The original characters of a span with skipped units removed and spaces folded, case kept. */
export function surface(text: string, start: number, end: number): string {
  const t = fold();
  let out = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const f = t[c]!;
    if (f === SKIP) continue;
    out += f === 0x20 ? ' ' : f === 0x27 ? "'" : f === 0x2d ? '-' : String.fromCharCode(c);
  }
  return out;
}
