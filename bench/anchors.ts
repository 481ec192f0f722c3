/**
 * Anchors: the same work done the obvious way, measured in the same run on the same text, so a
 * figure can be read as a ratio that survives a noisy machine.
 * - the V8 per-character loop (charCodeAt) — the practical limit of any scan;
 * - the best npm Aho-Corasick package (@monyone/aho-corasick, its `fast` build) over the
 *   lower-cased text, plus a word-boundary filter — the obvious gazetteer;
 * - compromise people() + organizations() — the obvious entity finder.
 */
import { AhoCorasick } from '@monyone/aho-corasick/fast';
import nlp from 'compromise';

/** Sums the code units of a text (the sum is returned so the loop cannot be optimised away). */
export function charLoop(text: string): number {
  let s = 0;
  for (let i = 0; i < text.length; i++) s = (s + text.charCodeAt(i)) | 0;
  return s;
}

const WORD = /[\p{L}\p{N}]/u;
const isWordAt = (s: string, i: number): boolean => i >= 0 && i < s.length && WORD.test(s[i]!);

/** The npm matcher over the same (folded) patterns as our gazetteer. */
export function npmMatcher(patterns: readonly string[]): AhoCorasick {
  return new AhoCorasick([...patterns]);
}

/** Lower-cases the text, finds every pattern, keeps hits with word boundaries on both sides. */
export function npmStage(matcher: AhoCorasick, text: string): number {
  const lower = text.toLowerCase();
  let n = 0;
  for (const m of matcher.matchInText(lower)) if (!isWordAt(lower, m.begin - 1) && !isWordAt(lower, m.end)) n++;
  return n;
}

/** compromise's people and organisations in a text (how many, so the work is not dropped). */
export function compromisePeopleOrgs(text: string): number {
  const doc = nlp(text);
  return doc.people().out('array').length + doc.organizations().out('array').length;
}
