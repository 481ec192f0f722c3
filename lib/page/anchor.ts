/**
 * From PageText offsets back to the DOM (and the other way, for hit-testing), using the OffsetMap
 * recorded by extractPageWithMap. Pure DOM: no `browser.*`.
 */
import type { OffsetMap, TextSegment } from './textmap.ts';

export type { OffsetMap, TextSegment } from './textmap.ts';

/** A point in the DOM: a Text node and a UTF-16 offset into its data. */
export interface NodePosition {
  node: Text;
  offset: number;
}

/** Index of the last segment whose start is ≤ t, or -1. */
function lastStartingAtOrBefore(segments: TextSegment[], t: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.start <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** The node offset of text offset `t`, which must lie in [seg.start, seg.end). */
function nodeOffsetIn(seg: TextSegment, t: number): number {
  const r = seg.runs;
  let i = 0;
  while (i + 2 < r.length && r[i + 2]! <= t) i += 2;
  return r[i + 1]! + (t - r[i]!);
}

/**
 * The DOM position where the character at text offset `t` starts. When `t` is in a gap (a block
 * separator or a `<br>` space), the next mapped character is used, if it comes before `limit`.
 */
export function startPosition(map: OffsetMap, t: number, limit = Infinity): NodePosition | null {
  const segs = map.segments;
  let i = lastStartingAtOrBefore(segs, t);
  if (i < 0 || segs[i]!.end <= t) {
    i += 1;
    const next = segs[i];
    if (!next || next.start >= limit) return null;
    return { node: next.node, offset: nodeOffsetIn(next, next.start) };
  }
  const seg = segs[i]!;
  return { node: seg.node, offset: nodeOffsetIn(seg, t) };
}

/**
 * The DOM position just after the character at text offset `t - 1` (the end of a range ending at
 * `t`). In a gap, the previous mapped character is used, if it ends after `limit`.
 */
export function endPosition(map: OffsetMap, t: number, limit = -Infinity): NodePosition | null {
  const segs = map.segments;
  const i = lastStartingAtOrBefore(segs, t - 1);
  const seg = segs[i];
  if (!seg) return null;
  const last = Math.min(t, seg.end) - 1;
  if (last < limit || last < seg.start) return null;
  return { node: seg.node, offset: nodeOffsetIn(seg, last) + 1 };
}

function usable(pos: NodePosition): boolean {
  return pos.node.isConnected !== false && pos.offset <= pos.node.data.length;
}

/**
 * The DOM start and end positions for text offsets [start, end), or null when the span maps to no
 * node or the nodes have since been removed or shortened (re-extract the page then).
 */
export function positionsFor(
  map: OffsetMap,
  start: number,
  end: number,
): { start: NodePosition; end: NodePosition } | null {
  if (!(end > start)) return null;
  const from = startPosition(map, start, end);
  const to = endPosition(map, end, start);
  if (!from || !to || !usable(from) || !usable(to)) return null;
  return { start: from, end: to };
}

/**
 * A DOM Range covering text offsets [start, end), or null (see positionsFor). Also null when the
 * span crosses from one tree into another (shadow-root text and slotted light-DOM text read as one
 * sentence): a Range cannot hold that, and `setEnd` in another tree would collapse it.
 */
export function rangeFor(map: OffsetMap, start: number, end: number, doc: Document): Range | null {
  const pos = positionsFor(map, start, end);
  if (!pos) return null;
  const range = doc.createRange();
  range.setStart(pos.start.node, pos.start.offset);
  range.setEnd(pos.end.node, pos.end.offset);
  return range.collapsed ? null : range;
}

const byNodeCache = new WeakMap<OffsetMap, Map<Node, TextSegment[]>>();

function segmentsOf(map: OffsetMap, node: Node): TextSegment[] {
  let byNode = byNodeCache.get(map);
  if (!byNode) {
    byNode = new Map();
    for (const seg of map.segments) {
      const list = byNode.get(seg.node);
      if (list) list.push(seg);
      else byNode.set(seg.node, [seg]);
    }
    byNodeCache.set(map, byNode);
  }
  return byNode.get(node) ?? [];
}

/** Whether any of the extracted text came from `node`. */
export function mapsNode(map: OffsetMap, node: Node): boolean {
  return segmentsOf(map, node).length > 0;
}

/**
 * The text offset for a DOM position (e.g. from `caretPositionFromPoint`), or null when the node
 * is not part of the extracted text. A position inside collapsed whitespace maps to the next
 * character that was kept.
 */
export function offsetFor(map: OffsetMap, node: Node, nodeOffset: number): number | null {
  for (const seg of segmentsOf(map, node)) {
    const r = seg.runs;
    for (let i = 0; i < r.length; i += 2) {
      const textStart = r[i]!;
      const textEnd = i + 2 < r.length ? r[i + 2]! : seg.end;
      const nodeStart = r[i + 1]!;
      if (nodeOffset < nodeStart) return textStart;
      if (nodeOffset < nodeStart + (textEnd - textStart)) return textStart + (nodeOffset - nodeStart);
    }
  }
  const segs = segmentsOf(map, node);
  return segs.length > 0 ? segs[segs.length - 1]!.end : null;
}

/**
 * The text of [start, end) rebuilt from the DOM nodes through the map (whitespace read as a
 * space; gaps as a space, except the "\n\n" block separators). For tests and debugging.
 */
export function mappedText(map: OffsetMap, text: string, start: number, end: number): string {
  let out = '';
  for (let t = start; t < end; t++) {
    const i = lastStartingAtOrBefore(map.segments, t);
    const seg = map.segments[i];
    if (seg && t < seg.end) {
      const ch = seg.node.data.charAt(nodeOffsetIn(seg, t));
      out += /[ \t\n\r\f\u00a0]/.test(ch) ? ' ' : ch;
    } else {
      out += text[t] === '\n' ? '\n' : ' ';
    }
  }
  return out;
}
