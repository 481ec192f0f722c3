/**
 * Re-reading only the changed region. The first read of a page records, for the outermost
 * block-level elements below the article root that are not too large (a paragraph, a list, a
 * small wrapper; lib/page/extract.ts `MAX_RECORDED_SEGMENTS`), the text it gave (a `Fragment`: text,
 * blocks, map segments), and for every left-out element that it was left out. The page watcher hands over its mutation records (`note`); before the next read
 * (`flush`) each record drops what it may have made stale:
 * - text edited, nodes added or removed: the recorded fragments of the node's containers (up
 *   through slots and shadow hosts), so those blocks are walked again;
 * - an added node, or an attribute change (a class or style can hide or reveal anything below it
 *   or beside it): the whole subtree (of the changed element's parent) is read afresh;
 * - a stylesheet added, removed or edited (or anything in `<head>`): everything, since any
 *   element's visibility may have changed.
 * A re-read then walks the containers down to the changed blocks and splices every other block's
 * recorded text in (lib/page/textmap.ts `replay`), so its result is the same as a full read's
 * (tests/page/region.test.ts compares them after random edits) at the cost of the changed region.
 *
 * Not seen, as by any MutationObserver: CSS changed without touching the DOM (`adoptedStyleSheets`,
 * `insertRule`), mutations in shadow roots not yet observed, and a `:has()` rule that hides an
 * ancestor of the changed element; `reset` forgets everything.
 */
import type { Fragment } from './textmap.ts';

/** What a read may reuse: a block's recorded text, or that an element is left out. */
export type Entry = Fragment | 'skipped';

/** More pending records than this between two reads (a flood): read the whole page again instead. */
const MAX_PENDING = 4096;

function isStyleNode(node: Node): boolean {
  const name = node.nodeName.toLowerCase();
  return name === 'style' || name === 'link';
}

function holdsStyles(node: Node): boolean {
  if (isStyleNode(node)) return true;
  return node.nodeType === 1 && (node as Element).firstElementChild !== null
    ? (node as Element).querySelector('style, link') !== null
    : false;
}

/** Recorded reads for one document. */
export class ReadCache {
  private entries = new WeakMap<Node, Entry>();
  /** Elements whose whole subtree must be read afresh. */
  private fresh = new WeakSet<Node>();
  private pending: MutationRecord[] = [];
  private overflow = false;
  /** Nodes walked by reads since the cache was made (tests and the bench compare reads by it). */
  visited = 0;
  /** Text nodes read (a reused block's are not read again). */
  textsRead = 0;

  /** The page watcher's records (not our own), kept for the next read. */
  note(records: Iterable<MutationRecord>): void {
    if (this.overflow) return;
    for (const record of records) this.pending.push(record);
    if (this.pending.length > MAX_PENDING) {
      this.overflow = true;
      this.pending = [];
    }
  }

  /** Forget every recorded read. */
  reset(): void {
    this.entries = new WeakMap();
    this.fresh = new WeakSet();
    this.pending = [];
    this.overflow = false;
  }

  /** Apply the pending records (at the start of a read). */
  flush(): void {
    if (this.overflow) return this.reset();
    const records = this.pending;
    this.pending = [];
    const seen = new Set<Node>();
    for (const record of records) {
      if (this.stylesChanged(record)) return this.reset();
      const target = record.target;
      if (record.type === 'attributes') {
        // With its siblings: a class can show or hide a sibling (`.open + p`) as well as descendants.
        this.fresh.add(target.parentNode ?? target);
      } else if (record.type === 'childList') {
        // A host's children decide what its slots show: read the component afresh.
        if ((target as Element).shadowRoot) this.fresh.add(target);
        for (const node of Array.from(record.addedNodes)) {
          this.fresh.add(node);
          this.drop(node, seen);
        }
      }
      this.drop(target, seen);
    }
  }

  private stylesChanged(record: MutationRecord): boolean {
    const target = record.target;
    if (isStyleNode(target) || (target.parentNode !== null && isStyleNode(target.parentNode))) return true;
    if (target.nodeName.toLowerCase() === 'head' || target.parentNode?.nodeName.toLowerCase() === 'head') return true;
    if (record.type !== 'childList') return false;
    for (const node of Array.from(record.addedNodes)) if (holdsStyles(node)) return true;
    for (const node of Array.from(record.removedNodes)) if (holdsStyles(node)) return true;
    return false;
  }

  /** Drops the entries of a node and every element it is rendered in (its slots, hosts and parents). */
  private drop(node: Node, seen: Set<Node>): void {
    const todo: Node[] = [node];
    while (todo.length > 0) {
      let at: Node | null = todo.pop()!;
      while (at && !seen.has(at)) {
        seen.add(at);
        this.entries.delete(at);
        const slot = (at as Element).assignedSlot;
        if (slot) todo.push(slot);
        const parent: Node | null = at.parentNode;
        at = parent && parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : parent;
      }
    }
  }

  /** What a read recorded for this element, unless it must be read again. */
  get(el: Element): Entry | undefined {
    return this.entries.get(el);
  }

  /** Whether this element's subtree must be read afresh; asking clears it (the read is about to). */
  takeFresh(el: Element): boolean {
    return this.fresh.delete(el);
  }

  /** Whether an element the read starts at lies inside a subtree to read afresh. */
  freshAbove(el: Element): boolean {
    for (let at: Node | null = el.parentNode; at; at = at.nodeType === 11 ? (at as ShadowRoot).host : at.parentNode)
      if (this.fresh.has(at)) return true;
    return false;
  }

  /** A read finished: every subtree marked fresh that matters was read (the rest is out of the article). */
  settle(): void {
    this.fresh = new WeakSet();
  }

  set(el: Element, entry: Entry): void {
    this.entries.set(el, entry);
  }

  delete(el: Element): void {
    this.entries.delete(el);
  }
}
