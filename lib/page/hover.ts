/**
 * Which mention is under the pointer, without a listener on any page element: the caret position
 * at the point (`caretPositionFromPoint`) becomes a
 * text offset through the offset map, candidates come from the mention list, and the range's own
 * boxes confirm the pointer is really over the text (a caret snaps to the nearest character even
 * from the margin).
 */
import { offsetFor } from './anchor.ts';
import type { Annotated } from './annotator.ts';
import { mentionsAt, type Mention } from './mentions.ts';
import { contains, type Box } from './position.ts';

type CaretDocument = Document & {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
};

/**
 * The DOM position of the caret at a viewport point, or null. `caretPositionFromPoint` is in
 * Chromium (128+) and Firefox; older Chromium's `caretRangeFromPoint` is not worth its bytes here.
 * It enters only the shadow roots it is given (the open ones the article was read through; else
 * it answers with the host's position); Firefox enters shadow roots anyway, and a position in
 * text we did not read maps to no mention.
 */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): { node: Node; offset: number } | null {
  const caret = (doc as CaretDocument).caretPositionFromPoint;
  const pos = caret?.call(doc, x, y, shadowRoots.length > 0 ? { shadowRoots } : undefined);
  return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
}

/** Whether a point lies on one of a range's line boxes (a pixel of slack for sub-pixel edges). */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of Array.from(range.getClientRects())) {
    const box: Box = { left: rect.left - 1, top: rect.top - 1, right: rect.right + 1, bottom: rect.bottom + 1 };
    if (contains(box, x, y)) return true;
  }
  return false;
}

/** The mention under a viewport point, or null. */
export function mentionAtPoint(doc: Document, state: Annotated, x: number, y: number): Mention | null {
  const caret = caretAt(doc, x, y, state.map.roots);
  if (!caret || caret.node.nodeType !== 3) return null;
  const t = offsetFor(state.map, caret.node, caret.offset);
  if (t === null) return null;
  for (const m of mentionsAt(state.mentions, t)) {
    const range = state.ranges.get(m.id);
    if (range && rangeContainsPoint(range, x, y)) return m;
  }
  return null;
}

/** The line box of a range nearest to a point (the card sits beside the line the reader is on). */
export function anchorBox(range: Range, near?: { x: number; y: number }): Box {
  const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
  if (rects.length === 0) return range.getBoundingClientRect();
  if (!near) return rects[0]!;
  const distance = (r: DOMRect) => Math.abs((r.top + r.bottom) / 2 - near.y);
  return rects.reduce((best, r) => (distance(r) < distance(best) ? r : best));
}
