/**
 * TextQuoteSelector context and ids. Offsets are UTF-16 indices into PageText's text, as in
 * hypothesis/client `src/annotator/anchoring/types.ts` (TextQuoteAnchor / TextPositionAnchor).
 */
import type { ExportInput } from './types.ts';

/** Characters of context on each side of a quote (Hypothesis uses 32 too). */
export const CONTEXT_LENGTH = 32;

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Up to `n` UTF-16 code units before `start` and after `end`, never splitting a surrogate pair
 * (a lone surrogate would not survive being written as UTF-8).
 */
export function quoteContext(
  text: string,
  start: number,
  end: number,
  n = CONTEXT_LENGTH,
): { prefix: string; suffix: string } {
  let from = Math.max(0, start - n);
  if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from += 1;
  let to = Math.min(text.length, end + n);
  if (to < text.length && isHigh(text.charCodeAt(to - 1)) && isLow(text.charCodeAt(to))) to -= 1;
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/** Replaces lone surrogates with U+FFFD (String.prototype.toWellFormed, for older runtimes). */
export function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** 32-bit FNV-1a of the UTF-16 code units, as 8 hex digits: a short stable id, not a security hash. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The id prefix: `input.idBase` (with a separator added), else a `urn:` from the URL and `created`. */
export function idBaseOf(input: ExportInput): string {
  const base = input.idBase ?? `urn:nhs-context:export:${fnv1a(`${input.result.page.url}\n${input.created}`)}/`;
  return /[/#:]$/.test(base) ? base : base + '/';
}

/** An IRI for something in the fact pack (entity, event, role, fact) by its pack id. */
export function packIri(kind: 'entity' | 'role' | 'fact', id: string): string {
  return `urn:nhs-context:${kind}:${encodeURIComponent(id)}`;
}
