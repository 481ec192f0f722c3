/**
 * PageText for the CLI's inputs: plain text (blocks split on blank lines) or HTML (extracted).
 */
import type { PageText } from '../lib/protocol/page-text.ts';
import { type Input, InputError } from './input.ts';
import { blocksOf } from './text-page.ts';

/** Options shared by every way of building a page. */
export interface PageOptions {
  /** ISO date that overrides the page's own date (`publishedFrom: 'given'`). */
  published?: string;
  today?: string;
}

/**
 * PageText for plain text: the text as given (offsets are into it unchanged), no title, the date
 * only when given.
 */
export function pageFromText(text: string, url: string, published?: string): PageText {
  return {
    url: url.slice(0, 4096),
    title: '',
    ...(published ? { published, publishedFrom: 'given' as const } : { publishedFrom: 'none' as const }),
    text,
    blocks: blocksOf(text),
  };
}

/**
 * PageText for what readInput returned; InputError when HTML has no article text. (linkedom is
 * loaded only for HTML: it costs about half a second.)
 */
export async function pageFromInput(input: Input, opts: PageOptions = {}): Promise<PageText> {
  const url = input.url ?? (input.source === '-' ? '' : input.source);
  if (!input.html) return pageFromText(input.text, url, opts.published);
  const { pageFromHtml } = await import('./html.ts');
  const page = pageFromHtml(input.text, { url: input.url, fallbackUrl: url, today: opts.today });
  if (!page) throw new InputError(`${input.source}: no article text found in the HTML`);
  if (!opts.published) return page;
  return { ...page, published: opts.published, publishedFrom: 'given' };
}
