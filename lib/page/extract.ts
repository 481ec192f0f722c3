/**
 * The article's visible text as PageText (docs/ARCHITECTURE.md, "Contracts"), from any Document: the page's
 * own in the content script, a linkedom one in the CLI, happy-dom in tests. No `browser.*`; layout
 * APIs (`checkVisibility`) are used only where they exist.
 *
 * The text is read as the page renders it: through open shadow roots (web components such as a
 * `<news-article>` element), nested ones too, and their slots (a slot shows the light-DOM nodes
 * assigned to it, else its own fallback content). Closed shadow roots stay closed. The read is a
 * generator (`extractSteps`) that pauses every few dozen nodes, so the content script can run it
 * in slices (lib/page/slices.ts); `extractPageWithMap` runs it at once.
 */
import type { PageText } from '../protocol/page-text.ts';
import { findPublished, findTitle, jsonLdArticles } from './meta.ts';
import type { ReadCache } from './region.ts';
import { runNow, type Steps } from './slices.ts';
import { type Mark, type OffsetMap, TextBuilder } from './textmap.ts';

export type { OffsetMap, TextSegment } from './textmap.ts';

/** Options for extraction. */
export interface ExtractOptions {
  /** The page's URL; defaults to the document's own URL. */
  url?: string;
  /** ISO date; publication dates more than a day after it are treated as bad metadata. */
  today?: string;
  /** Recorded reads to reuse (lib/page/region.ts): a re-read then walks only the changed region. */
  cache?: ReadCache;
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
export function isSkipped(el: Element, tag = el.localName): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  if (tag === 'header' && !el.closest(CONTENT)) return true;
  // Most elements have no attributes: one call instead of eight (each is a wrapper call in the content script).
  if (!el.hasAttributes()) return failsVisibility(el);
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

/** An open shadow root's host, else null (closed roots are never reached: `shadowRoot` is null for them). */
function hostOf(node: Node | null): Element | null {
  return node && node.nodeType === 11 ? ((node as ShadowRoot).host ?? null) : null;
}

/** The element a node is rendered in: its slot when slotted, its parent, or its shadow root's host. */
export function renderedParent(node: Node): Element | null {
  return (node as Element).assignedSlot ?? node.parentElement ?? hostOf(node.parentNode);
}

function ancestorsVisible(el: Element): boolean {
  for (let a = renderedParent(el); a; a = renderedParent(a)) {
    if (a.localName === 'header' || a.localName === 'body' || a.localName === 'html') continue;
    if (isSkipped(a)) return false;
  }
  return true;
}

/** Nodes between pauses of the read (a pause is a few microseconds; a slice is thousands of nodes). */
const NODES_PER_STEP = 64;

/** One element being read: its rendered children, by sibling links or (a slot's assigned nodes) by index. */
interface Frame {
  el: Element;
  next: Node | null;
  list: readonly Node[] | null;
  i: number;
  block: boolean;
  /** Where a block element's text began (its text is recorded unless it is large). */
  mark: Mark | null;
  /** Blocks inside whose text is recorded: dropped when this one's is (one copy of each text kept). */
  recorded: Element[];
  /** Read afresh: nothing recorded below is reused. */
  fresh: boolean;
}

/** The frame for an element's rendered children: its open shadow root's, a slot's assigned nodes, or its own. */
function frameFor(el: Element, out: TextBuilder, block: boolean, mark: Mark | null, fresh: boolean): Frame {
  const frame: Frame = { el, next: el.firstChild, list: null, i: 0, block, mark, recorded: [], fresh };
  const shadow = el.shadowRoot;
  if (shadow) {
    out.roots.push(shadow);
    frame.next = shadow.firstChild;
  } else if (el.localName === 'slot') {
    const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
    if (assigned.length > 0) [frame.next, frame.list] = [null, assigned];
  }
  return frame;
}

/**
 * Blocks with more map segments than this are not recorded (a wrapper of the whole article): a
 * re-read walks such a wrapper's children, splicing in theirs. Of nested recorded blocks only the
 * outermost keeps its record (one copy of each text), so after an edit inside it its whole
 * subtree, at most this size, is walked again.
 */
const MAX_RECORDED_SEGMENTS = 256;

/**
 * Walks `root`'s visible text into the builder (iteratively: deep pages must not overflow the
 * stack). With a cache, blocks and left-out elements recorded by an earlier read are
 * reused unless a change since made them stale (lib/page/region.ts), and this read's are recorded.
 */
function* walk(root: Element, out: TextBuilder, cache?: ReadCache): Steps<void> {
  const stack: Frame[] = [];
  const enter = (el: Element, fresh: boolean, tag = el.localName): void => {
    const block = BLOCK_TAGS.has(tag);
    if (block) out.endBlock();
    stack.push(frameFor(el, out, block, block && cache ? out.mark() : null, fresh));
  };
  enter(root, !cache || cache.takeFresh(root) || cache.freshAbove(root));
  let count = 0;
  while (stack.length > 0) {
    if (++count % NODES_PER_STEP === 0) yield;
    const top = stack[stack.length - 1]!;
    let node: Node | null;
    if (top.list) {
      node = top.list[top.i++] ?? null;
    } else {
      node = top.next;
      if (node) top.next = node.nextSibling;
    }
    if (!node) {
      stack.pop();
      if (top.block) out.endBlock();
      const parent = stack[stack.length - 1];
      if (top.mark && parent && out.segments.length - top.mark.segments <= MAX_RECORDED_SEGMENTS) {
        for (const inner of top.recorded) cache!.delete(inner);
        cache!.set(top.el, out.fragmentSince(top.mark));
        parent.recorded.push(top.el);
      }
      continue;
    }
    if (cache) cache.visited++;
    if (node.nodeType === 3) {
      out.addText(node as Text);
      if (cache) cache.textsRead++;
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.localName;
      if (SPACE_TAGS.has(tag)) {
        out.space();
        continue;
      }
      const fresh = top.fresh || !cache || cache.takeFresh(el);
      const entry = fresh ? undefined : cache!.get(el);
      if (entry === 'skipped') continue;
      if (entry) {
        out.endBlock();
        out.replay(entry);
        top.recorded.push(el);
        continue;
      }
      if (isSkipped(el, tag)) {
        cache?.set(el, 'skipped');
      } else {
        if (CELL_TAGS.has(tag)) out.space();
        enter(el, fresh, tag);
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
  for (let a: Element | null = el; a; a = a.parentElement ?? hostOf(a.parentNode)) {
    if (CHROME_TAGS.has(a.localName) || CHROME_ROLES.has(a.getAttribute('role') ?? '')) return true;
  }
  return false;
}

/** Where to look for the article: the document, then every open shadow root in it (nested too). */
type Scope = Document | ShadowRoot;

/** Elements looked at between pauses while finding shadow roots. */
const ELEMENTS_PER_STEP = 256;

/** The document and the open shadow roots under it, in document order (one pass over the elements). */
function* scopesOf(doc: Document): Steps<Scope[]> {
  const scopes: Scope[] = [doc];
  for (let s = 0; s < scopes.length; s++) {
    const all = scopes[s]!.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) {
      if (i % ELEMENTS_PER_STEP === ELEMENTS_PER_STEP - 1) yield;
      const shadow = all[i]!.shadowRoot;
      if (shadow) scopes.push(shadow);
    }
  }
  return scopes;
}

function queryAll(scopes: Scope[], selector: string): Element[] {
  return scopes.flatMap((scope) => Array.from(scope.querySelectorAll(selector)));
}

/** The parent with the most paragraph text directly inside it (when no semantic element helps). */
function densestBlock(scopes: Scope[]): Element | null {
  const totals = new Map<Element, number>();
  for (const p of queryAll(scopes, 'p')) {
    const parent = p.parentElement ?? hostOf(p.parentNode);
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

/**
 * Candidate article roots, best first (lazily: later ones cost a scan of every paragraph). Each
 * query looks at every element of a large page, so a `null` between them marks a pause.
 */
function* candidates(scopes: Scope[]): Generator<Element | null> {
  const seen = new Set<Element>();
  const fresh = (el: Element | null | undefined): el is Element => !!el && !seen.has(el) && !!seen.add(el);
  const body = queryAll(scopes, '[itemprop="articleBody"]')[0];
  const fromBody = body && !inChrome(body) ? (body.closest('article') ?? body) : null;
  if (fresh(fromBody)) yield fromBody;
  yield null;
  const articles = queryAll(scopes, 'article').filter((a) => !inChrome(a));
  // Scoring reads every paragraph's text: only worth it when there is a choice.
  const scored = articles.length > 1 ? articles.map((a) => [a, paragraphScore(a)] as const) : [];
  for (const [article] of scored.sort((x, y) => y[1] - x[1])) if (fresh(article)) yield article;
  if (articles.length === 1 && fresh(articles[0])) yield articles[0];
  yield null;
  const main = queryAll(scopes, 'main, [role="main"]')[0];
  if (fresh(main)) yield main;
  yield null;
  const dense = densestBlock(scopes);
  if (fresh(dense)) yield dense;
}

/** The page's headline when the article root does not contain it (e.g. an h1 in a header above). */
function outsideHeadline(doc: Document, root: Element): Element | null {
  const h1 = doc.querySelector('h1');
  if (!h1 || root.contains(h1) || h1.closest('a') || isSkipped(h1) || !ancestorsVisible(h1)) return null;
  return (h1.textContent ?? '').trim().split(/\s+/).length >= 2 ? h1 : null;
}

function* extractFrom(
  doc: Document,
  root: Element,
  cache?: ReadCache,
): Steps<{ text: string; blocks: [number, number][]; map: OffsetMap } | null> {
  const out = new TextBuilder();
  // An article found inside shadow roots: those roots hold its text too.
  for (let at = root.getRootNode(); at.nodeType === 11; at = (at as ShadowRoot).host.getRootNode())
    out.roots.push(at as ShadowRoot);
  const h1 = outsideHeadline(doc, root);
  if (h1) yield* walk(h1, out, cache);
  yield* walk(root, out, cache);
  const result = out.finish();
  const rootBlocks = h1 ? result.blocks.length - 1 : result.blocks.length;
  return rootBlocks > 0 ? result : null;
}

function documentUrl(doc: Document): string {
  const url = doc.URL;
  return url && url !== 'about:blank' ? url : '';
}

/** PageText plus the offset map that turns its offsets back into DOM positions. */
export interface Extracted {
  page: PageText;
  map: OffsetMap;
}

/**
 * The read as pausable steps (see lib/page/slices.ts); the result of `extractPageWithMap`. The
 * article is looked for in the document first (its walk enters the shadow roots inside it); only
 * when the document itself has none (a page that is one `<news-app>`) are the open shadow roots
 * searched too, which costs a look at every element.
 */
export function* extractSteps(doc: Document, opts: ExtractOptions = {}): Steps<Extracted | null> {
  opts.cache?.flush();
  const found = yield* findAndRead(doc, opts);
  opts.cache?.settle();
  return found;
}

function* findAndRead(doc: Document, opts: ExtractOptions): Steps<Extracted | null> {
  const tried = new Set<Element>();
  for (let deep = 0; deep < 2; deep++) {
    const scopes = deep ? yield* scopesOf(doc) : [doc];
    if (deep && scopes.length === 1) break;
    for (const root of candidates(scopes)) {
      if (root === null) yield;
      if (root === null || tried.has(root)) continue;
      tried.add(root);
      const found = yield* readRoot(doc, root, opts);
      if (found) return found;
    }
  }
  return null;
}

function* readRoot(doc: Document, root: Element, opts: ExtractOptions): Steps<Extracted | null> {
  if (isSkipped(root) || !ancestorsVisible(root)) return null;
  const found = yield* extractFrom(doc, root, opts.cache);
  if (!found) return null;
  yield; // the metadata below queries the whole document
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

/**
 * PageText plus the offset map that turns its offsets back into DOM positions (see
 * lib/page/anchor.ts `rangeFor`). Null when the page has no article text.
 */
export function extractPageWithMap(doc: Document, opts: ExtractOptions = {}): Extracted | null {
  return runNow(extractSteps(doc, opts));
}

/**
 * The article's visible text (headline, standfirst, paragraphs, list items, quotes, captions,
 * subheadings; whitespace collapsed; blocks joined by "\n\n"), its title and publication date.
 * Null when no article text is found.
 */
export function extractPage(doc: Document, opts: ExtractOptions = {}): PageText | null {
  return extractPageWithMap(doc, opts)?.page ?? null;
}
