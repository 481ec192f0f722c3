/**
 * The gazetteer: an Aho-Corasick automaton compiled to a dense DFA over typed arrays, scanning
 * the original text through the fold table (lib/detect/text.ts) so no normalised copy is made.
 * It reports raw hits; word boundaries and case rules are checked on the few hits there are.
 */
import { fold, foldString, SKIP } from './text.ts';

export interface Hit {
  /** Index into the pattern list given to compile(). */
  pattern: number;
  start: number;
  end: number;
}

export interface Automaton {
  readonly patterns: readonly string[];
  /** Code unit → character class (0 = not in any pattern), folded and SKIP-aware. */
  readonly cls: Uint16Array;
  readonly classes: number;
  readonly delta: Int32Array;
  /** outStart[s]..outStart[s+1] index into outList: patterns ending in state s. */
  readonly outStart: Int32Array;
  readonly outList: Int32Array;
  readonly lengths: Int32Array;
  /** 1 for states where some pattern ends. */
  readonly hasOutput: Uint8Array;
}

const MAX_PATTERN = 256; // longest pattern compiled, in folded code units
const SKIP_CLASS = 0xffff;

/** Compiles folded patterns (see foldString) into a DFA. Patterns longer than 255 units are ignored. */
export function compile(rawPatterns: readonly string[]): Automaton {
  const patterns = rawPatterns.map(foldString);
  const table = fold();
  const classOf = new Map<number, number>();
  for (const p of patterns)
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (!classOf.has(c)) classOf.set(c, classOf.size + 1);
    }
  const classes = classOf.size + 1;
  const cls = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    const f = table[c]!;
    cls[c] = f === SKIP ? SKIP_CLASS : (classOf.get(f) ?? 0);
  }
  // Trie.
  const children: Map<number, number>[] = [new Map()];
  const ends: number[][] = [[]];
  const lengths = new Int32Array(patterns.length);
  patterns.forEach((p, id) => {
    lengths[id] = p.length;
    if (p.length === 0 || p.length >= MAX_PATTERN) return;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const k = classOf.get(p.charCodeAt(i))!;
      let next = children[s]!.get(k);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        ends.push([]);
        children[s]!.set(k, next);
      }
      s = next;
    }
    ends[s]!.push(id);
  });
  // Breadth-first: failure links and the full transition table.
  const n = children.length;
  const delta = new Int32Array(n * classes);
  const fail = new Int32Array(n);
  const order: number[] = [];
  for (const [k, child] of children[0]!) {
    delta[k] = child;
    order.push(child);
  }
  for (let qi = 0; qi < order.length; qi++) {
    const s = order[qi]!;
    const f = fail[s]!;
    for (let k = 0; k < classes; k++) delta[s * classes + k] = delta[f * classes + k]!;
    for (const [k, child] of children[s]!) {
      fail[child] = s === 0 ? 0 : delta[f * classes + k]!;
      delta[s * classes + k] = child;
      order.push(child);
    }
  }
  // Outputs including those reached through failure links (already computed for shallower states).
  const outputs: number[][] = new Array(n);
  outputs[0] = [];
  for (const s of order) outputs[s] = [...ends[s]!, ...(outputs[fail[s]!] ?? [])];
  const outStart = new Int32Array(n + 1);
  let total = 0;
  for (let s = 0; s < n; s++) {
    outStart[s] = total;
    total += outputs[s]?.length ?? 0;
  }
  outStart[n] = total;
  const outList = new Int32Array(total);
  for (let s = 0; s < n; s++) outList.set(outputs[s] ?? [], outStart[s]!);
  // Store targets as row offsets (state × classes) so the scan loop does one add, no multiply.
  for (let k = 0; k < delta.length; k++) delta[k] = delta[k]! * classes;
  const hasOutput = new Uint8Array(n);
  for (let s = 0; s < n; s++) hasOutput[s] = outStart[s + 1]! > outStart[s]! ? 1 : 0;
  return { patterns, cls, classes, delta, outStart, outList, lengths, hasOutput };
}

/**
 * Scans `text` (or text[from, to)) and returns every occurrence of every pattern, in end order.
 * The loop does one table lookup per code unit; a hit's start is recovered by walking back,
 * which is rare enough to cost nothing.
 */
export function scan(a: Automaton, text: string, from = 0, to = text.length): Hit[] {
  const { cls, classes, delta, outStart, outList, lengths, hasOutput } = a;
  const hits: Hit[] = [];
  const spaceClass = cls[0x20]!;
  let row = 0; // state × classes
  let prevSpace = true;
  for (let i = from; i < to; i++) {
    const c = cls[text.charCodeAt(i)]!;
    if (c === SKIP_CLASS) continue;
    // Runs of whitespace count once, as in the folded patterns.
    if (c === spaceClass && c !== 0) {
      if (prevSpace) continue;
      prevSpace = true;
    } else prevSpace = false;
    row = delta[row + c]!;
    const state = row / classes;
    if (hasOutput[state] === 0) continue;
    for (let j = outStart[state]!, e = outStart[state + 1]!; j < e; j++) {
      const id = outList[j]!;
      hits.push({ pattern: id, start: startFor(a, text, i + 1, lengths[id]!), end: i + 1 });
    }
  }
  return hits;
}

/** Where a match of `length` folded units ending at `end` starts (skipped units and space runs as in scan). */
function startFor(a: Automaton, text: string, end: number, length: number): number {
  const spaceClass = a.cls[0x20]!;
  let count = 0;
  let j = end;
  let inSpace = false;
  while (j > 0) {
    j--;
    const c = a.cls[text.charCodeAt(j)]!;
    if (c === SKIP_CLASS) continue;
    const space = c === spaceClass && c !== 0;
    if (space && inSpace) continue;
    inSpace = space;
    if (++count === length) return j;
  }
  return j;
}
