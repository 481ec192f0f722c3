/**
 * Markdown text from untrusted strings. Page text and pack text are data: they must never become
 * links, images, HTML, headings or table cells of their own. So text is put on one line
 * (whitespace collapsed), CommonMark's inline punctuation is backslash-escaped, `:` is escaped so
 * GFM's autolinks (`http://…`, `www.…`, `a@b.c`) cannot form, and a link is made only from an
 * http(s) URL that parses.
 */
import type { Line, Segment } from './summary.ts';
import { safeHref } from '../util/urls.ts';

/** Escaped wherever they occur: emphasis, code, links, HTML and entities, tables, strikethrough, math, e-mail autolinks. */
const INLINE = /[\\`*_[\]<&|~@$]/g;

/** Page or pack text as Markdown inline text that renders as exactly that text, on one line. */
export function mdText(s: string): string {
  return (
    s
      .replace(/\s+/g, ' ')
      .replace(INLINE, '\\$&')
      // GFM autolinks start at "scheme://" and "www."
      .replace(/:(?=\/\/)/g, '\\:')
      .replace(/\b(www)\./gi, '$1\\.')
      // Block syntax only counts at the start of a line: headings, quotes, lists, setext underlines.
      .replace(/^( ?)([#>+=-])/, '$1\\$2')
      .replace(/^( ?\d+)([.)])/, '$1\\$2')
  );
}

/** The href for an http(s) URL (`safeHref`), with the characters that end a Markdown link destination encoded. */
export function markdownHref(url: string): string | null {
  const href = safeHref(url);
  return href && href.replace(/[()<> \\]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

/** `[label](url)`, or the label and the URL as text when the URL is not http(s). */
export function mdLink(label: string, url: string): string {
  const href = markdownHref(url);
  const text = mdText(label).trim();
  if (href) return `[${text || mdText(url)}](${href})`;
  return !text || label === url ? mdText(url) : `${text} (${mdText(url)})`;
}

/** A summary segment as Markdown. */
export function mdSegment(s: Segment): string {
  return typeof s === 'string' ? mdText(s) : mdLink(s.label, s.url);
}

/**
 * Summary lines as Markdown blocks: runs of plain lines become a paragraph (hard line breaks),
 * runs of bullets a list, with a blank line between blocks so no line continues another's block.
 */
export function mdLines(lines: Line[]): string {
  const blocks: { bullet: boolean; lines: string[] }[] = [];
  for (const l of lines) {
    const bullet = !!l.bullet;
    if (blocks.at(-1)?.bullet !== bullet) blocks.push({ bullet, lines: [] });
    const text = l.segments.map(mdSegment).join('').trim();
    blocks.at(-1)!.lines.push(bullet ? `- ${text}` : text);
  }
  return blocks.map((b) => b.lines.join(b.bullet ? '\n' : '\\\n')).join('\n\n');
}

/** A table cell: escaped text, never empty (an empty cell reads as missing). */
export function mdCell(s: string): string {
  return mdText(s).trim() || '—';
}
