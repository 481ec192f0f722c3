/**
 * Reading our JSON exports back, and re-anchoring their selectors on a text.
 *
 * Parsing goes through the same zod schemas the builders are typed by (schemas.ts), so an export
 * re-imports, and writing the parsed value with canonicalJson gives back the same bytes.
 * Re-anchoring follows hypothesis/client `src/annotator/anchoring/match-quote.ts` in spirit: try
 * the position first, checked against the quote; otherwise look for the quote and let prefix,
 * suffix and closeness to the old position choose between occurrences. Ours is exact-match only
 * (no approximate matching): a quote that no longer occurs does not anchor.
 */
import * as z from 'zod/mini';
import { HypothesisExport, W3CCollection, type HypothesisAnnotation, type W3CAnnotation } from './schemas.ts';

/** A parse result: the value, or every problem found, each with its JSON path. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: { path: string; message: string }[] };

/** A quote with optional context and optional old position, as both selectors give it. */
export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

function pathOf(path: readonly PropertyKey[]): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

function parseWith<T>(schema: z.ZodMiniType<T>, json: string): ParseResult<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { ok: false, errors: [{ path: '$', message: `not JSON: ${(e as Error).message}` }] };
  }
  const parsed = z.safeParse(schema, raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })) };
}

/** Parses a W3C export (buildW3C's output). */
export function parseW3C(json: string): ParseResult<W3CCollection> {
  return parseWith(W3CCollection, json);
}

/** Parses a Hypothesis JSON export (ours, or Hypothesis's own: other selectors are kept). */
export function parseHypothesis(json: string): ParseResult<HypothesisExport> {
  return parseWith(HypothesisExport, json);
}

/** The quote and position of a W3C annotation's target. */
export function w3cSelector(a: W3CAnnotation): QuoteSelector {
  const [quote, position] = a.target.selector;
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end };
}

/** The quote and position of a Hypothesis annotation's first target, or null without a quote. */
export function hypothesisSelector(a: HypothesisAnnotation): QuoteSelector | null {
  const selectors = a.target[0]?.selector ?? [];
  let found: QuoteSelector | null = null;
  let position: { start: number; end: number } | undefined;
  for (const s of selectors) {
    if (s.type === 'TextQuoteSelector' && typeof s.exact === 'string') {
      found = { exact: s.exact, prefix: s.prefix as string | undefined, suffix: s.suffix as string | undefined };
    }
    if (s.type === 'TextPositionSelector' && typeof s.start === 'number' && typeof s.end === 'number') {
      position = { start: s.start, end: s.end };
    }
  }
  return found && position ? { ...found, ...position } : found;
}

/** Characters that `a`'s end and `b`'s end have in common, counted backwards. */
function commonTail(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonHead(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How well the occurrence at `at` fits the selector's context (higher is better). */
function score(text: string, at: number, sel: QuoteSelector): number {
  const prefix = sel.prefix ?? '';
  const suffix = sel.suffix ?? '';
  const end = at + sel.exact.length;
  const before = prefix ? commonTail(prefix, text.slice(Math.max(0, at - prefix.length), at)) / prefix.length : 0;
  const after = suffix ? commonHead(suffix, text.slice(end, end + suffix.length)) / suffix.length : 0;
  // Closeness to the old position only breaks ties between equally good contexts.
  const near = sel.start === undefined ? 0 : 1 - Math.min(1, Math.abs(at - sel.start) / Math.max(1, text.length));
  return before + after + near / 100;
}

/**
 * Where the selector's quote is in `text`: its old position when the quote is still there, else
 * the occurrence whose prefix, suffix and position fit best; null when the quote does not occur.
 */
export function reanchor(text: string, sel: QuoteSelector): { start: number; end: number } | null {
  const { exact, start, end } = sel;
  if (!exact) return null;
  if (
    start !== undefined &&
    end !== undefined &&
    start >= 0 &&
    end <= text.length &&
    text.slice(start, end) === exact
  ) {
    return { start, end };
  }
  let best = -1;
  let bestScore = -Infinity;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const s = score(text, at, sel);
    if (s > bestScore) [best, bestScore] = [at, s];
  }
  return best < 0 ? null : { start: best, end: best + exact.length };
}
