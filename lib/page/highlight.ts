/**
 * Painting mentions with the CSS Custom Highlight API (docs/ARCHITECTURE.md, "Decisions"): the page's DOM is never touched.
 * The `::highlight()` styles go in one constructed stylesheet adopted by the document, removed
 * again by `destroy()`. Readable on light and dark pages (translucent tints over the page's own
 * text colour, plus an underline) and in forced-colours mode, where each kind keeps a cue of its own
 * beyond colour: people and unions a marked fill, events a dotted underline, disputed claims a wavy
 * one. Generic bodies (the NHS, parties) get only a thin underline: quieter than people and unions.
 */
import { adoptSheet } from './browser-differences.ts';
import type { MentionKind } from './mentions.ts';

/** The highlight names, one per kind of mark. */
export const HIGHLIGHT_NAMES = {
  entity: 'nhs-context-entity',
  quiet: 'nhs-context-quiet',
  event: 'nhs-context-event',
  claim: 'nhs-context-claim',
  current: 'nhs-context-current',
} as const;

/** Later wins where ranges overlap: the keyboard's current mention above all. */
const PRIORITY: Record<keyof typeof HIGHLIGHT_NAMES, number> = { quiet: 0, entity: 1, event: 2, claim: 3, current: 10 };

const n = HIGHLIGHT_NAMES;

/** The highlight styles adopted by the page's document. */
export const HIGHLIGHT_CSS = `::highlight(${n.entity}){background-color:#ffc4004d;text-decoration:underline 2px #d69600f2}
::highlight(${n.quiet}){text-decoration:underline 1px #d69600b3}
::highlight(${n.event}){background-color:#008cff33;text-decoration:underline dotted 2px #006edcf2}
::highlight(${n.claim}){text-decoration:underline wavy 1.5px #d62828}
::highlight(${n.current}){background-color:#fd0;color:#0b0c0c;text-decoration:underline 3px #0b0c0c}
@media (forced-colors:active){::highlight(${n.entity}){background-color:Mark;color:MarkText;text-decoration:underline solid 2px}::highlight(${n.event}){background-color:Canvas;color:CanvasText;text-decoration:underline dotted 3px}::highlight(${n.claim}){background-color:Canvas;color:CanvasText;text-decoration:underline wavy 2px}::highlight(${n.quiet}){text-decoration:underline solid 1px}::highlight(${n.current}){background-color:Highlight;color:HighlightText}}`;

/** Paints and clears our highlights in one document. */
export interface Painter {
  /** Replace every mention highlight with these ranges, by kind. */
  paint(ranges: Record<MentionKind, Range[]> & { quiet?: Range[] }): void;
  /** Mark the keyboard's current mention (null: none). */
  setCurrent(range: Range | null): void;
  /** Take these ranges out of every highlight at once (text the page just edited). */
  remove(ranges: Range[]): void;
  /**
   * Adopt the highlight styles into these open shadow roots too: a document's styles do not reach
   * into shadow trees, so `::highlight()` rules must be in each root whose text is highlighted.
   * Adopted again where the page has since replaced a root's sheets.
   */
  styleRoots(roots: readonly ShadowRoot[]): void;
  /** Remove every highlight (the stylesheet stays until `destroy`). */
  clear(): void;
  /** Remove the highlights and the stylesheet. */
  destroy(): void;
}

type HighlightGlobals = typeof globalThis & {
  CSS?: { highlights?: Map<string, unknown> };
  Highlight?: new (...ranges: Range[]) => { priority: number; add(range: Range): void };
};

/** Whether this browser has the Highlight API (Chromium 105+, Firefox 140+). */
export function supportsHighlights(): boolean {
  const g = globalThis as HighlightGlobals;
  return typeof g.Highlight === 'function' && !!g.CSS?.highlights;
}

/** A constructed stylesheet for `doc` (its window's constructor, so it can be adopted there: browser-differences.ts). */
export function styleSheet(doc: Document, css: string): CSSStyleSheet {
  const view = doc.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
  const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
  sheet.replaceSync(css);
  return sheet;
}

/** Adopt a stylesheet into a document; returns how to take it out again. */
export function adoptStyles(doc: Document, css: string): () => void {
  return adoptSheet(doc, styleSheet(doc, css));
}

/** Whether a document or shadow root still has `sheet` among its adopted sheets (read by index: browser-differences.ts). */
function hasSheet(target: Document | ShadowRoot, sheet: CSSStyleSheet): boolean {
  const list = target.adoptedStyleSheets;
  for (let i = 0; i < list.length; i++) if (list[i] === sheet) return true;
  return false;
}

/** A painter for `doc`, or null when the browser has no Highlight API (then nothing is marked). */
export function createPainter(doc: Document): Painter | null {
  if (!supportsHighlights()) return null;
  const g = globalThis as Required<HighlightGlobals>;
  const registry = g.CSS.highlights! as unknown as Map<string, Set<Range>>;
  let sheet: CSSStyleSheet | null = null;
  /** Where the sheet is adopted, and how to take it out again. */
  const adopted = new Map<Document | ShadowRoot, () => void>();
  const adopt = (target: Document | ShadowRoot) => {
    sheet ??= styleSheet(doc, HIGHLIGHT_CSS);
    if (adopted.has(target) && hasSheet(target, sheet)) return;
    adopted.set(target, adoptSheet(target, sheet));
  };
  const ensureStyles = () => {
    if (!adopted.has(doc)) adopt(doc);
  };
  const set = (key: keyof typeof HIGHLIGHT_NAMES, ranges: Range[]) => {
    if (ranges.length === 0) {
      registry.delete(HIGHLIGHT_NAMES[key]);
      return;
    }
    // One by one: spreading thousands of ranges into the constructor could overflow the stack.
    const highlight = new g.Highlight();
    for (const range of ranges) highlight.add(range);
    highlight.priority = PRIORITY[key];
    registry.set(HIGHLIGHT_NAMES[key], highlight as unknown as Set<Range>);
  };
  const clear = () => {
    for (const name of Object.values(HIGHLIGHT_NAMES)) registry.delete(name);
  };
  return {
    paint(ranges) {
      ensureStyles();
      set('entity', ranges.entity);
      set('quiet', ranges.quiet ?? []);
      set('event', ranges.event);
      set('claim', ranges.claim);
    },
    setCurrent(range) {
      ensureStyles();
      set('current', range ? [range] : []);
    },
    remove(ranges) {
      for (const name of Object.values(HIGHLIGHT_NAMES)) {
        const highlight = registry.get(name);
        if (highlight) for (const range of ranges) highlight.delete(range);
      }
    },
    styleRoots(roots) {
      for (const root of roots) if (root.isConnected !== false) adopt(root);
    },
    clear,
    destroy() {
      clear();
      for (const undo of adopted.values()) undo();
      adopted.clear();
    },
  };
}
