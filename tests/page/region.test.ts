import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPageWithMap, type Extracted } from '../../lib/page/extract.ts';
import { ReadCache } from '../../lib/page/region.ts';

const windows: Window[] = [];
afterAll(async () => {
  for (const w of windows) await w.happyDOM.close();
});

const WORDS = ['the', 'BMA', 'said', 'resident', 'doctors', 'strike', 'Wes Streeting', 'pay', 'NHS', 'talks'];

/** A small deterministic random source (so a failure can be replayed). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sentence(rand: () => number): string {
  const n = 4 + Math.floor(rand() * 8);
  return Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ') + '.';
}

function articleHtml(rand: () => number, sections: number, paragraphs: number): string {
  let body = '<article><h1>Resident doctors strike over pay</h1>';
  for (let s = 0; s < sections; s++) {
    body += `<section class="${s % 3 === 2 ? 'paywalled' : 'open'}"><h2>Part ${s}</h2>`;
    for (let p = 0; p < paragraphs; p++) {
      body += `<p>${sentence(rand)} <em>${sentence(rand)}</em>  ${sentence(rand)}</p>`;
    }
    body += '<ul><li>One item</li><li>Another <b>item</b></li></ul><aside>Related: nothing</aside></section>';
  }
  return `<!doctype html><html><head><title>T</title><style>.paywalled { display: none } .gone { display: none } .open + .shut { display: none } .closed .open p { display: none }</style></head><body>${body}</article></body></html>`;
}

function setup(html: string) {
  const w = new Window({
    url: 'https://news.example/a',
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
  });
  windows.push(w);
  w.document.write(html);
  const doc = w.document as unknown as Document;
  const cache = new ReadCache();
  const observer = new w.MutationObserver(() => {});
  observer.observe(w.document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeOldValue: true,
  });
  /** A read through the cache, after handing it the records since the last one. */
  const reread = () => {
    cache.note(observer.takeRecords() as unknown as MutationRecord[]);
    return extractPageWithMap(doc, { cache, today: '2026-06-01' });
  };
  return { doc, cache, reread };
}

/** Text, blocks and the offset map, with nodes compared by identity. */
function shape(x: Extracted | null) {
  if (!x) return null;
  return {
    text: x.page.text,
    blocks: x.page.blocks,
    segments: x.map.segments.map((s) => ({ node: s.node, start: s.start, end: s.end, runs: s.runs })),
    roots: x.map.roots ?? [],
  };
}

type Edit = (doc: Document, rand: () => number) => void;

const pick = <T>(list: ArrayLike<T>, rand: () => number): T | undefined =>
  list.length ? list[Math.floor(rand() * list.length)] : undefined;

const EDITS: Edit[] = [
  // Edit a word in place (characterData).
  (doc, rand) => {
    const p = pick(doc.querySelectorAll('p, li, h2'), rand);
    const text = p?.firstChild;
    if (text?.nodeType === 3) (text as Text).data = `${sentence(rand)} `;
  },
  // Add a paragraph.
  (doc, rand) => {
    const section = pick(doc.querySelectorAll('section'), rand);
    const p = doc.createElement('p');
    p.textContent = sentence(rand);
    section?.insertBefore(p, pick(section.children, rand) ?? null);
  },
  // Remove an element.
  (doc, rand) => pick(doc.querySelectorAll('p, li, em, b'), rand)?.remove(),
  // Reveal or hide the whole article by a class on the article itself (the read's root).
  (doc) => {
    const article = doc.querySelector('article')!;
    article.classList.toggle('closed');
  },
  // Reveal or hide a section by class.
  (doc, rand) => {
    const section = pick(doc.querySelectorAll('section'), rand);
    section?.setAttribute('class', section.className === 'open' ? 'paywalled' : 'open');
  },
  // Hide or show a paragraph by style, by the hidden attribute, or by a sibling's class.
  (doc, rand) => {
    const p = pick(doc.querySelectorAll('p'), rand);
    if (!p) return;
    const how = Math.floor(rand() * 3);
    if (how === 0) p.setAttribute('style', p.getAttribute('style') ? '' : 'display: none');
    else if (how === 1) p.toggleAttribute('hidden');
    else p.classList.toggle('shut');
  },
  // Move a paragraph to another section.
  (doc, rand) => {
    const p = pick(doc.querySelectorAll('p'), rand);
    const section = pick(doc.querySelectorAll('section'), rand);
    if (p && section) section.appendChild(p);
  },
  // Wrap a paragraph's words in a span, or split a text node.
  (doc, rand) => {
    const p = pick(doc.querySelectorAll('p'), rand);
    const text = p?.firstChild;
    if (text?.nodeType === 3 && (text as Text).length > 3) (text as Text).splitText(2);
    else if (p) {
      const span = doc.createElement('span');
      span.append(...Array.from(p.childNodes));
      p.appendChild(span);
    }
  },
  // Add a block inside an innermost block (it stops being innermost).
  (doc, rand) => {
    const li = pick(doc.querySelectorAll('li'), rand);
    const div = doc.createElement('div');
    div.textContent = sentence(rand);
    li?.appendChild(div);
  },
];

describe('re-reading the changed region (lib/page/region.ts)', () => {
  it('gives the same text, blocks and offset map as a full read after random edits', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const rand = random(seed);
      const { doc, reread } = setup(articleHtml(rand, 4, 6));
      expect(shape(reread())).toEqual(shape(extractPageWithMap(doc, { today: '2026-06-01' })));
      for (let round = 0; round < 8; round++) {
        const edits = 1 + Math.floor(rand() * 3);
        for (let e = 0; e < edits; e++) EDITS[Math.floor(rand() * EDITS.length)]!(doc, rand);
        const region = shape(reread());
        const full = shape(extractPageWithMap(doc, { today: '2026-06-01' }));
        expect(region, `seed ${seed}, round ${round}`).toEqual(full);
      }
    }
  });

  it('walks only the changed block after a small edit, and the whole page when a stylesheet changes', () => {
    const rand = random(99);
    const { doc, cache, reread } = setup(articleHtml(rand, 20, 20));
    reread();
    const fullRead = cache.visited;
    const fullTexts = cache.textsRead;
    expect(fullTexts).toBeGreaterThan(500);

    const p = doc.querySelectorAll('section.open p')[57]!;
    (p.firstChild as Text).data = 'The BMA said resident doctors would strike again in July. ';
    let before = cache.visited;
    const textsBefore = cache.textsRead;
    const edited = reread()!;
    expect(edited.page.text).toContain('would strike again in July.');
    // Only the recorded block holding the edit (its section, a small one) is read again; the other
    // sections are stepped over, not into.
    const section = p.closest('section')!;
    let sectionTexts = 0;
    for (const walker = doc.createTreeWalker(section, 4); walker.nextNode();) sectionTexts++;
    expect(cache.textsRead - textsBefore).toBeGreaterThan(0);
    expect(cache.textsRead - textsBefore).toBeLessThanOrEqual(sectionTexts);
    expect(cache.textsRead - textsBefore).toBeLessThan(fullTexts / 10);
    expect(cache.visited - before).toBeLessThan(fullRead / 3);

    before = cache.visited;
    const style = doc.createElement('style');
    style.textContent = '.paywalled { display: block }';
    doc.head.appendChild(style);
    const revealed = reread()!;
    expect(cache.visited - before).toBeGreaterThanOrEqual(fullRead);
    expect(revealed.page.text.length).toBeGreaterThan(edited.page.text.length);
  });
});
