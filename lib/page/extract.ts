/**
 * The article's visible text as PageText (DESIGN.md "Contracts"), from any Document: the page's
 * own in the content script, a linkedom one in the CLI, happy-dom in tests. No `browser.*`; layout
 * APIs (`checkVisibility`) are used only where they exist.
 */
import type { PageText } from '../protocol/page-text.ts';
import { findPublished, findTitle, jsonLdArticles } from './meta.ts';
import { type OffsetMap, TextBuilder } from './textmap.ts';

export type { OffsetMap, TextSegment } from './textmap.ts';

/** Options for extraction. */
export interface ExtractOptions {
  /** The page's URL; defaults to the document's own URL. */
  url?: string;
  /** ISO date; publication dates more than a day after it are treated as bad metadata. */
  today?: string;
}

/** Never read, never descended into. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'form',
  'input',
  'textarea',
  'select',
  'button',
  'option',
  'nav',
  'aside',
  'footer',
  'iframe',
  'svg',
  'canvas',
  'object',
  'embed',
  'video',
  'audio',
  'map',
  'head',
  'title',
  'meta',
  'link',
  'dialog',
]);

/** Elements that start and end a block of text. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'caption',
  'ul',
  'center',
  'fieldset',
  'legend',
]);

/** Empty elements that separate words without ending the block. */
const SPACE_TAGS = new Set(['br', 'img', 'wbr']);
/** Table cells: their text is read, separated from the next cell's by a space. */
const CELL_TAGS = new Set(['td', 'th']);

/** A page header inside one of these belongs to the article (its headline and standfirst). */
const CONTENT = 'article, main, [role="main"], [itemprop="articleBody"]';
const SKIP_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'search', 'banner', 'dialog', 'alert']);
const CLASS_TOKEN =
  /^(?:ads?|advert(?:isement)?|related|shar(?:e|ing)|social|newsletter|promo|sidebar|byline|dateline)(?:[-_]|$)/i;
const HIDDEN_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important)?\s*(?:;|$)/i;

function isCommentish(s: string | null): boolean {
  return !!s && /comment/i.test(s) && !/commentary/i.test(s);
}

function hasSkippedClass(el: Element): boolean {
  const cls = el.getAttribute('class');
  if (!cls) return false;
  if (/byline|dateline/i.test(cls)) return true;
  return cls.split(/\s+/).some((token) => CLASS_TOKEN.test(token));
}

/** Layout-aware visibility where the DOM has it (browsers, happy-dom); `display: contents` is kept. */
function failsVisibility(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check !== 'function') return false;
  if (check.call(el, { visibilityProperty: true, checkVisibilityCSS: true })) return false;
  const view = el.ownerDocument.defaultView;
  return !(view && typeof view.getComputedStyle === 'function' && view.getComputedStyle(el).display === 'contents');
}

/** Whether an element (and everything in it) is left out of the article text. */
export function isSkipped(el: Element): boolean {
  const tag = el.localName;
  if (SKIP_TAGS.has(tag)) return true;
  if (tag === 'header' && !el.closest(CONTENT)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role.toLowerCase()) && !(role === 'banner' && el.closest(CONTENT))) return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  if (isCommentish(el.getAttribute('class')) || isCommentish(el.id) || isCommentish(el.getAttribute('aria-label')))
    return true;
  if (hasSkippedClass(el)) return true;
  return failsVisibility(el);
}

function ancestorsVisible(el: Element): boolean {
  for (let a = el.parentElement; a; a = a.parentElement) {
    if (a.localName === 'header' || a.localName === 'body' || a.localName === 'html') continue;
    if (isSkipped(a)) return false;
  }
  return true;
}

/** Walks `root`'s visible text into the builder (iteratively: deep pages must not overflow the stack). */
function walk(root: Element, out: TextBuilder): void {
  const stack: { el: Element; next: ChildNode | null }[] = [];
  const enter = (el: Element): void => {
    if (BLOCK_TAGS.has(el.localName)) out.endBlock();
    stack.push({ el, next: el.firstChild });
  };
  enter(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const node = top.next;
    if (!node) {
      stack.pop();
      if (BLOCK_TAGS.has(top.el.localName)) out.endBlock();
      continue;
    }
    top.next = node.nextSibling;
    if (node.nodeType === 3) {
      out.addText(node as Text);
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (SPACE_TAGS.has(el.localName)) {
        out.space();
      } else if (!isSkipped(el)) {
        if (CELL_TAGS.has(el.localName)) out.space();
        enter(el);
      }
    }
  }
}

/** Sum of the text in `p` elements under `el` (cheap article-likeness score). */
function paragraphScore(el: Element): number {
  let n = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) n += (p.textContent ?? '').trim().length;
  return n;
}

const CHROME_TAGS = new Set(['nav', 'aside', 'footer']);
const CHROME_ROLES = new Set(['navigation', 'complementary']);

/** Inside navigation, a sidebar or a footer (an ancestor walk: cheaper than closest() in linkedom). */
function inChrome(el: Element): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) {
    if (CHROME_TAGS.has(a.localName) || CHROME_ROLES.has(a.getAttribute('role') ?? '')) return true;
  }
  return false;
}

/** The parent with the most paragraph text directly inside it (when no semantic element helps). */
function densestBlock(doc: Document): Element | null {
  const totals = new Map<Element, number>();
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    const parent = p.parentElement;
    if (!parent || inChrome(p)) continue;
    totals.set(parent, (totals.get(parent) ?? 0) + (p.textContent ?? '').trim().length);
  }
  let best: Element | null = null;
  let bestScore = 50;
  for (const [el, score] of totals) {
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  return best;
}

/** Candidate article roots, best first (lazily: later ones cost a scan of every paragraph). */
function* candidates(doc: Document): Generator<Element> {
  const seen = new Set<Element>();
  const fresh = (el: Element | null): el is Element => !!el && !seen.has(el) && !!seen.add(el);
  const body = doc.querySelector('[itemprop="articleBody"]');
  const fromBody = body && !inChrome(body) ? (body.closest('article') ?? body) : null;
  if (fresh(fromBody)) yield fromBody;
  const articles = Array.from(doc.querySelectorAll('article')).filter((a) => !inChrome(a));
  const scored = articles.map((a) => [a, paragraphScore(a)] as const).sort((x, y) => y[1] - x[1]);
  for (const [article] of scored) if (fresh(article)) yield article;
  const main = doc.querySelector('main, [role="main"]');
  if (fresh(main)) yield main;
  const dense = densestBlock(doc);
  if (fresh(dense)) yield dense;
}

/** The page's headline when the article root does not contain it (e.g. an h1 in a header above). */
function outsideHeadline(doc: Document, root: Element): Element | null {
  const h1 = doc.querySelector('h1');
  if (!h1 || root.contains(h1) || h1.closest('a') || isSkipped(h1) || !ancestorsVisible(h1)) return null;
  return (h1.textContent ?? '').trim().split(/\s+/).length >= 2 ? h1 : null;
}

function extractFrom(
  doc: Document,
  root: Element,
): { text: string; blocks: [number, number][]; map: OffsetMap } | null {
  const out = new TextBuilder();
  const h1 = outsideHeadline(doc, root);
  if (h1) walk(h1, out);
  walk(root, out);
  const result = out.finish();
  const rootBlocks = h1 ? result.blocks.length - 1 : result.blocks.length;
  return rootBlocks > 0 ? result : null;
}

function documentUrl(doc: Document): string {
  const url = doc.URL;
  return url && url !== 'about:blank' ? url : '';
}

/**
 * PageText plus the offset map that turns its offsets back into DOM positions (see
 * lib/page/anchor.ts `rangeFor`). Null when the page has no article text.
 */
export function extractPageWithMap(
  doc: Document,
  opts: ExtractOptions = {},
): { page: PageText; map: OffsetMap } | null {
  for (const root of candidates(doc)) {
    if (isSkipped(root) || !ancestorsVisible(root)) continue;
    const found = extractFrom(doc, root);
    if (!found) continue;
    const articles = jsonLdArticles(doc);
    const page: PageText = {
      url: (opts.url ?? documentUrl(doc)).slice(0, 4096),
      title: findTitle(doc, articles),
      ...findPublished(doc, root, opts.today, articles),
      text: found.text,
      blocks: found.blocks,
    };
    return { page, map: found.map };
  }
  return null;
}

/**
 * The article's visible text (headline, standfirst, paragraphs, list items, quotes, captions,
 * subheadings; whitespace collapsed; blocks joined by "\n\n"), its title and publication date.
 * Null when no article text is found.
 */
export function extractPage(doc: Document, opts: ExtractOptions = {}): PageText | null {
  return extractPageWithMap(doc, opts)?.page ?? null;
}
