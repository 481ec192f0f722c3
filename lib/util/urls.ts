/** Links to sources and articles, which come from packs, the reader and pages: data, never code. */

/** The URL as a link target when it is http or https; anything else (javascript:, data:, junk) is null. */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
