/**
 * Builds PageText's `text` and `blocks` from DOM Text nodes while recording where every character
 * came from, so text offsets can be turned back into DOM positions (lib/page/anchor.ts).
 *
 * Whitespace is collapsed like CSS `white-space: normal` (plus NBSP → space); block edges are
 * trimmed; blocks are joined by "\n\n". Characters with no source node (the block separator, the
 * space for a `<br>` or between table cells) are gaps in the map.
 */

/**
 * Where one stretch of `text` came from: one Text node. `runs` is a flat list of pairs
 * `[textOffset, nodeOffset, …]`: from `textOffset` on, characters are read from the node
 * consecutively starting at `nodeOffset`, until the next pair (collapsed whitespace starts a new
 * pair). Text offsets are absolute indices into PageText.text; `end` is exclusive.
 */
export interface TextSegment {
  node: Text;
  start: number;
  end: number;
  runs: number[];
}

/** Text offset ↔ DOM position map for one extraction; segments are sorted and do not overlap. */
export interface OffsetMap {
  segments: TextSegment[];
  /**
   * The open shadow roots the text was read through, in reading order: the highlight styles are
   * adopted there, the page watcher observes them, hit-testing passes them to `caretPositionFromPoint`.
   */
  roots?: ShadowRoot[];
}

const WS = /[ \t\n\r\f\u00a0]+/g;
/** Whitespace that collapsing changes: anything but single spaces. */
const COMPLEX_WS = /[\t\n\r\f\u00a0]| {2}/;

/**
 * A block-level element's share of the text, kept by lib/page/region.ts so a re-read can splice it
 * in instead of walking the element again: its text (no leading block separator), blocks and map
 * segments with offsets relative to the fragment's start, and the shadow roots read inside it.
 */
export interface Fragment {
  text: string;
  blocks: [number, number][];
  segments: TextSegment[];
  roots: ShadowRoot[];
}

/** Where the builder stood when a block element was entered (see `TextBuilder.fragmentSince`). */
export interface Mark {
  parts: number;
  length: number;
  blocks: number;
  segments: number;
  roots: number;
}

function shifted(seg: TextSegment, by: number): TextSegment {
  const runs = seg.runs.slice();
  for (let i = 0; i < runs.length; i += 2) runs[i]! += by;
  return { node: seg.node, start: seg.start + by, end: seg.end + by, runs };
}

/** Accumulates blocks of collapsed text and the offset map. */
export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private blockStart = -1;
  /** A whitespace run seen since the last word: its node and offset (node null for `<br>` etc.). */
  private pending: { node: Text | null; offset: number } | null = null;
  readonly blocks: [number, number][] = [];
  readonly segments: TextSegment[] = [];
  /** Open shadow roots entered (see OffsetMap.roots). */
  readonly roots: ShadowRoot[] = [];

  /** Appends a Text node's data, collapsing whitespace. */
  addText(node: Text): void {
    const data = node.data;
    if (!COMPLEX_WS.test(data)) return this.addSimple(node, data);
    WS.lastIndex = 0;
    let i = 0;
    for (let m = WS.exec(data); m; m = WS.exec(data)) {
      if (m.index > i) this.word(data.slice(i, m.index), node, i);
      this.space(node, m.index);
      i = m.index + m[0].length;
    }
    if (i < data.length) this.word(i === 0 ? data : data.slice(i), node, i);
  }

  /**
   * The common case, words separated by single spaces: collapsing changes nothing inside, so the
   * node's text goes in as one piece (one map run) instead of one push per word.
   */
  private addSimple(node: Text, data: string): void {
    let start = 0;
    let end = data.length;
    if (data.charCodeAt(0) === 0x20) {
      this.space(node, 0);
      start = 1;
    }
    const trailing = end > start && data.charCodeAt(end - 1) === 0x20;
    if (trailing) end--;
    if (end > start) this.word(start === 0 && end === data.length ? data : data.slice(start, end), node, start);
    if (trailing) this.space(node, end);
  }

  /** Marks a word break with no node of its own (`<br>`, between table cells). */
  space(node: Text | null = null, offset = 0): void {
    if (!this.pending) this.pending = { node, offset };
  }

  /** Ends the current block (if it has any text); the next word starts a new one. */
  endBlock(): void {
    if (this.blockStart >= 0) this.blocks.push([this.blockStart, this.length]);
    this.blockStart = -1;
    this.pending = null;
  }

  /** The builder's position, taken right after a block element's opening `endBlock`. */
  mark(): Mark {
    return {
      parts: this.parts.length,
      length: this.length,
      blocks: this.blocks.length,
      segments: this.segments.length,
      roots: this.roots.length,
    };
  }

  /** What was added since `mark` (right after the block's closing `endBlock`), relative to its start. */
  fragmentSince(m: Mark): Fragment {
    const roots = this.roots.slice(m.roots);
    if (this.blocks.length === m.blocks) return { text: '', blocks: [], segments: [], roots };
    const sep = m.blocks > 0 ? 1 : 0;
    const start = m.length + 2 * sep;
    return {
      text: this.parts.slice(m.parts + sep).join(''),
      blocks: this.blocks.slice(m.blocks).map(([a, b]) => [a - start, b - start]),
      segments: this.segments.slice(m.segments).map((seg) => shifted(seg, -start)),
      roots,
    };
  }

  /** Splices in a fragment recorded by `fragmentSince` (between two `endBlock` calls). */
  replay(f: Fragment): void {
    for (const root of f.roots) this.roots.push(root);
    if (f.blocks.length === 0) return;
    if (this.blocks.length > 0) this.push('\n\n', null, 0);
    const start = this.length;
    this.parts.push(f.text);
    this.length += f.text.length;
    for (const [a, b] of f.blocks) this.blocks.push([a + start, b + start]);
    for (const seg of f.segments) this.segments.push(shifted(seg, start));
  }

  /** The text and blocks so far, and the map. */
  finish(): { text: string; blocks: [number, number][]; map: OffsetMap } {
    this.endBlock();
    const map: OffsetMap = { segments: this.segments };
    if (this.roots.length > 0) map.roots = this.roots;
    return { text: this.parts.join(''), blocks: this.blocks, map };
  }

  private word(str: string, node: Text, nodeOffset: number): void {
    if (this.blockStart < 0) {
      if (this.blocks.length > 0) this.push('\n\n', null, 0);
      this.blockStart = this.length;
      this.pending = null;
    }
    if (this.pending) {
      this.push(' ', this.pending.node, this.pending.offset);
      this.pending = null;
    }
    this.push(str, node, nodeOffset);
  }

  private push(str: string, node: Text | null, nodeOffset: number): void {
    const t = this.length;
    this.parts.push(str);
    this.length += str.length;
    if (!node) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.node === node && last.end === t) {
      const r = last.runs;
      if (r[r.length - 1]! + (t - r[r.length - 2]!) !== nodeOffset) r.push(t, nodeOffset);
      last.end = this.length;
    } else {
      this.segments.push({ node, start: t, end: this.length, runs: [t, nodeOffset] });
    }
  }
}
