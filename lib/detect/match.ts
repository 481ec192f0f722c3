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
  /**
   * Code unit → character class: 0 = in no pattern, `skipClass` = ignored by matching (soft
   * hyphens, zero-width characters, combining marks), else a class that some pattern uses.
   */
  readonly cls: Uint16Array;
  readonly classes: number;
  /** The class of the code units that matching skips; its column maps every state to itself. */
  readonly skipClass: number;
  /**
   * Transitions, indexed by row (state × classes) + class, holding the target's row; a target
   * where some pattern ends is stored as its bitwise complement (negative), so the scan loop tests
   * the sign instead of looking outputs up.
   */
  readonly delta: Int32Array;
  /** outStart[s]..outStart[s+1] index into outList: patterns ending in state s. */
  readonly outStart: Int32Array;
  readonly outList: Int32Array;
  readonly lengths: Int32Array;
}

const MAX_PATTERN = 256; // longest pattern compiled, in folded code units

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
  // Class 0: in no pattern; 1..n: pattern characters; n + 1: skipped code units.
  const skipClass = classOf.size + 1;
  const classes = skipClass + 1;
  const classOfFolded = new Uint16Array(65536);
  for (const [c, k] of classOf) classOfFolded[c] = k;
  const cls = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    const f = table[c]!;
    cls[c] = f === SKIP ? skipClass : classOfFolded[f]!;
  }
  const spaceClass = classOf.get(0x20) ?? 0;
  // Trie, held in typed arrays from the start (a Map per node made the build mostly garbage
  // collection): `trie` is the goto table (0 = no child; the root is never a child), and a pattern
  // ends in `endOf`'s chain of pattern ids.
  let capacity = 1;
  for (const p of patterns) if (p.length < MAX_PATTERN) capacity += p.length;
  const trie = new Int32Array(capacity * classes);
  const lastClass = new Uint16Array(capacity);
  const firstEnd = new Int32Array(capacity).fill(-1);
  const nextEnd = new Int32Array(patterns.length).fill(-1);
  const lengths = new Int32Array(patterns.length);
  let n = 1;
  patterns.forEach((p, id) => {
    lengths[id] = p.length;
    if (p.length === 0 || p.length >= MAX_PATTERN) return;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const k = classOfFolded[p.charCodeAt(i)]!;
      let next = trie[s * classes + k]!;
      if (next === 0) {
        next = n++;
        lastClass[next] = k;
        trie[s * classes + k] = next;
      }
      s = next;
    }
    // Pattern ids in increasing order per state (the order the scan reports them in).
    if (firstEnd[s]! < 0 || firstEnd[s]! > id) {
      nextEnd[id] = firstEnd[s]!;
      firstEnd[s] = id;
    } else {
      let j = firstEnd[s]!;
      while (nextEnd[j]! >= 0 && nextEnd[j]! < id) j = nextEnd[j]!;
      nextEnd[id] = nextEnd[j]!;
      nextEnd[j] = id;
    }
  });
  // Breadth-first: failure links and the full transition table.
  const delta = new Int32Array(n * classes);
  const fail = new Int32Array(n);
  const order = new Int32Array(n);
  let queued = 0;
  for (let k = 0; k < classes; k++) {
    const child = trie[k]!;
    if (child === 0) continue;
    delta[k] = child;
    order[queued++] = child;
  }
  for (let qi = 0; qi < queued; qi++) {
    const s = order[qi]!;
    const row = s * classes;
    const failRow = fail[s]! * classes;
    for (let k = 0; k < classes; k++) {
      const child = trie[row + k]!;
      if (child === 0) delta[row + k] = delta[failRow + k]!;
      else {
        fail[child] = delta[failRow + k]!;
        delta[row + k] = child;
        order[queued++] = child;
      }
    }
  }
  // Outputs: a state's own patterns, then those of its failure state (already counted, being
  // shallower), laid out in one list.
  const outCount = new Int32Array(n);
  for (let qi = 0; qi < queued; qi++) {
    const s = order[qi]!;
    let own = 0;
    for (let j = firstEnd[s]!; j >= 0; j = nextEnd[j]!) own++;
    outCount[s] = own + outCount[fail[s]!]!;
  }
  const outStart = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) outStart[s + 1] = outStart[s]! + outCount[s]!;
  const outList = new Int32Array(outStart[n]!);
  for (let qi = 0; qi < queued; qi++) {
    const s = order[qi]!;
    let at = outStart[s]!;
    for (let j = firstEnd[s]!; j >= 0; j = nextEnd[j]!) outList[at++] = j;
    const f = fail[s]!;
    outList.set(outList.subarray(outStart[f]!, outStart[f + 1]!), at);
  }
  for (let s = 0; s < n; s++) {
    // Skipped code units leave the state as it is; so does a space after a space, since a run of
    // white space counts once, as in the folded patterns (the state after a space is one whose
    // label ends in a space, or the root, whose space transition is itself).
    delta[s * classes + skipClass] = s;
    if (s !== 0 && spaceClass !== 0 && lastClass[s] === spaceClass) delta[s * classes + spaceClass] = s;
  }
  // Store targets as row offsets (state × classes) so the scan loop does one add, no multiply;
  // targets with outputs as their complement, so the loop tests a sign, not a table.
  // (A skipped unit stays in its state without reporting that state's patterns again.)
  for (let row = 0; row < delta.length; row += classes)
    for (let k = 0; k < classes; k++) {
      const t = delta[row + k]!;
      delta[row + k] = k !== skipClass && outStart[t + 1]! > outStart[t]! ? ~(t * classes) : t * classes;
    }
  return { patterns, cls, classes, skipClass, delta, outStart, outList, lengths };
}

/**
 * Scans `text` (or text[from, to)) and returns every occurrence of every pattern, in end order.
 * The loop does one table lookup per code unit; a hit's start is recovered by walking back,
 * which is rare enough to cost nothing.
 */
export function scan(a: Automaton, text: string, from = 0, to = text.length): Hit[] {
  const { cls, classes, delta, outStart, outList, lengths } = a;
  const hits: Hit[] = [];
  let row = 0; // state × classes
  for (let i = from; i < to; i++) {
    row = delta[row + cls[text.charCodeAt(i)]!]!;
    if (row >= 0) continue;
    row = ~row;
    const state = row / classes;
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
  const skipClass = a.skipClass;
  let count = 0;
  let j = end;
  let inSpace = false;
  while (j > 0) {
    j--;
    const c = a.cls[text.charCodeAt(j)]!;
    if (c === skipClass) continue;
    const space = c === spaceClass && c !== 0;
    if (space && inSpace) continue;
    inSpace = space;
    if (++count === length) return j;
  }
  return j;
}
