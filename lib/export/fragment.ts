/**
 * Text-fragment links (`URL#:~:text=[prefix-,]start[,end][,-suffix]`), per the WICG "URL
 * Fragment Text Directives" draft (wicg.github.io/scroll-to-text-fragment): each term is
 * percent-encoded and `-`, `&` and `,` must be encoded too, since they are the directive's syntax.
 * Terms stay inside one block (a line of PageText), because the browser matches each term within a
 * block; prefix and suffix are whole words next to the quote, added only when the quote is not
 * unique in the text.
 */
import { wellFormed } from './selectors.ts';

/** Quotes longer than this many words are linked as a start,end range. */
const RANGE_WORDS = 10;
/** Words of context used for a prefix or suffix. */
const CONTEXT_WORDS = 3;

/** Percent-encodes one text-directive term. */
export function encodeTextTerm(term: string): string {
  return encodeURIComponent(wellFormed(term)).replace(/-/g, '%2D');
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

/** The words right before `start` on its line (may be empty). */
export function prefixWords(text: string, start: number, words = CONTEXT_WORDS): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = collapse(text.slice(lineStart, start));
  return before ? before.split(' ').slice(-words).join(' ') : '';
}

/** The words right after `end` on its line (may be empty). */
export function suffixWords(text: string, end: number, words = CONTEXT_WORDS): string {
  const nl = text.indexOf('\n', end);
  const after = collapse(text.slice(end, nl < 0 ? text.length : nl));
  return after ? after.split(' ').slice(0, words).join(' ') : '';
}

/** The URL without any fragment directive, ending where `:~:` may be appended. */
function directiveBase(url: string): string {
  const hash = url.indexOf('#');
  if (hash < 0) return url + '#';
  const directive = url.indexOf(':~:', hash);
  return directive < 0 ? url : url.slice(0, directive);
}

/** The `text=` directive for [start, end) of `text`. */
export function textDirective(text: string, start: number, end: number): string {
  const quote = collapse(text.slice(start, end));
  const words = quote.split(' ');
  const terms =
    words.length > RANGE_WORDS
      ? `${encodeTextTerm(words.slice(0, 4).join(' '))},${encodeTextTerm(words.slice(-4).join(' '))}`
      : encodeTextTerm(quote);
  const unique = occurrences(text.toLowerCase(), text.slice(start, end).toLowerCase()) === 1;
  if (unique) return `text=${terms}`;
  const prefix = prefixWords(text, start);
  const suffix = suffixWords(text, end);
  return `text=${prefix ? encodeTextTerm(prefix) + '-,' : ''}${terms}${suffix ? ',-' + encodeTextTerm(suffix) : ''}`;
}

/** A link that scrolls to and highlights [start, end) of the article; '' when there is no URL. */
export function textFragmentLink(url: string, text: string, start: number, end: number): string {
  if (!url || !(end > start)) return '';
  return `${directiveBase(url)}:~:${textDirective(text, start, end)}`;
}
