/** PageText for plain text input: blocks are the paragraphs between blank lines. */

/** [start, end) of each non-empty paragraph of `text`. */
export function blocksOf(text: string): [number, number][] {
  const blocks: [number, number][] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const m of text.matchAll(re)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) blocks.push([start, end]);
  }
  return blocks;
}
