/**
 * Two pages that stress the page watcher and the DOM walk (issue 7, "hostile and unusual pages"),
 * shared by tests/e2e/big-pages.e2e.test.ts (correctness) and bench/browser.ts (main-thread time,
 * long tasks, heap growth). Both are generated deterministically.
 */

/** Sentences the extension annotates (people, organisations and strikes of the bundled pack). */
const DISPUTE = [
  'The British Medical Association said resident doctors in England would walk out for five days.',
  'Health Secretary Wes Streeting said the strike was unnecessary and urged the BMA to return to talks.',
  'Two days of strikes last month led to 68,000 patients seeing their appointments and operations cancelled.',
];

const HEAD = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  '<link rel="icon" href="data:,"><meta property="article:published_time" content="2025-07-20T09:00:00Z"></head>';

/** Nodes (elements and text nodes) in one filler block of `bigPage`: 5 nested divs, a p, a span, 2 texts. */
const NODES_PER_BLOCK = 9;

/**
 * An article of about `nodes` DOM nodes: the dispute paragraphs first, then filler blocks of
 * nested divs (each ending in a short paragraph), with a dispute sentence every 500 blocks.
 */
export function bigPage(nodes = 200_000): string {
  const blocks = Math.ceil(nodes / NODES_PER_BLOCK);
  const parts: string[] = [HEAD('A very large page'), '<body><article><h1>Resident doctors strike</h1>'];
  for (const s of DISPUTE) parts.push(`<p>${s}</p>`);
  for (let i = 0; i < blocks; i++) {
    const text = i % 500 === 499 ? DISPUTE[Math.floor(i / 500) % DISPUTE.length]! : `Filler item ${i} of the listing.`;
    parts.push(`<div><div><div><div><div><p>${text} <span>(${i})</span></p></div></div></div></div></div>`);
  }
  parts.push('</article></body></html>');
  return parts.join('');
}

/**
 * The sentence the infinite-scroll page appends last (the test checks it gets highlighted): its
 * name is mentioned nowhere above, since only an entity's first mention is highlighted.
 */
export const LAST_APPENDED = "Unison's Christina McAnea met the Health Secretary again.";

/**
 * An article whose script appends `perTick` nodes every `intervalMs` for `ticks` ticks (1,000 nodes
 * every 100 ms for ~3 s by default) — an infinite-scroll page — then stops and sets
 * `window.__scrollDone`. Each appended item is a div holding a paragraph and a span, with their
 * texts (5 nodes); the last tick ends with `LAST_APPENDED`.
 */
export function scrollPage({ perTick = 1000, intervalMs = 100, ticks = 30 } = {}): string {
  const items = Math.floor(perTick / 5);
  return `${HEAD('An infinite-scroll page')}<body><article id="feed"><h1>Live: doctors' strike</h1>
${DISPUTE.map((s) => `<p>${s}</p>`).join('\n')}
</article>
<script>
  const feed = document.getElementById('feed');
  const last = ${JSON.stringify(LAST_APPENDED)};
  let tick = 0;
  const timer = setInterval(() => {
    tick += 1;
    const batch = document.createDocumentFragment();
    for (let i = 0; i < ${items}; i++) {
      const div = document.createElement('div');
      const p = document.createElement('p');
      p.textContent = 'Update ' + tick + '.' + i + ': nothing new on the wards. ';
      const span = document.createElement('span');
      span.textContent = '#';
      p.append(span);
      div.append(p);
      batch.append(div);
    }
    if (tick === ${ticks}) {
      const p = document.createElement('p');
      p.textContent = last;
      batch.append(p);
      clearInterval(timer);
      window.__scrollDone = performance.now();
    }
    feed.append(batch);
  }, ${intervalMs});
</script></body></html>`;
}
