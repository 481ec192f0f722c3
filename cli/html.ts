/**
 * HTML input for the CLI: parse with linkedom and extract the article with the same code the
 * content script uses (lib/page/extract.ts).
 */
import { parseHTML } from 'linkedom';
import type { PageText } from '../lib/protocol/page-text.ts';
import { extractPage } from '../lib/page/extract.ts';

/** The page's own URL from `<link rel=canonical>` or `og:url`, when it is an absolute http(s) URL. */
export function canonicalUrl(doc: Document): string | null {
  const candidates = [
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  return candidates.find((u): u is string => !!u && /^https?:\/\//i.test(u.trim()))?.trim() ?? null;
}

/**
 * PageText for an HTML document, or null when it has no article text. `url` is the URL it was
 * fetched from; for a file, the page's canonical URL is preferred to `fallbackUrl` (the path).
 */
export function pageFromHtml(
  html: string,
  opts: { url?: string; fallbackUrl?: string; today?: string } = {},
): PageText | null {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  const url = opts.url ?? canonicalUrl(doc) ?? opts.fallbackUrl ?? '';
  return extractPage(doc, { url, today: opts.today });
}
