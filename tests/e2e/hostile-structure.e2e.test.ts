/**
 * Pages whose structure a content script could disturb, in real Chromium (test build): editable
 * regions (contenteditable, a textarea, an editor that rewrites its own text) get no highlights and
 * no DOM changes, and keep their caret and undo; frames (same-origin, cross-origin, sandboxed,
 * srcdoc) get nothing — top frame only, no errors, one card host per tab.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, useResource } from './harness.ts';
import { articlePage, collectErrors, serveWithHeaders } from './hostile-server.ts';
import { hookSnapshot, pointOf, readCard } from './page-probe.ts';

const NAMES = 'Health Secretary Steve Barclay met the British Medical Association (BMA) and Wes Streeting.';

/** Records every DOM mutation from DOMContentLoaded on, before the content script (document_idle) starts. */
const RECORD_MUTATIONS = `<script>
  window.__mutations = [];
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        window.__mutations.push({ type: r.type, in: el && el.closest('#editor') ? 'editor' : (el ? el.tagName + '#' + el.id : '?'), attr: r.attributeName });
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
</script>`;

const editablePage = articlePage(
  `<article>${RECORD_MUTATIONS}<h1>Strike talks</h1><p id="plain">${NAMES}</p>
  <div id="editable" contenteditable="true"><p>Draft: ${NAMES}</p></div>
  <textarea id="ta" rows="3" cols="60">${NAMES}</textarea>
  <div id="editor" contenteditable="true"></div>
  <p>${NAMES}</p>
  <script>
    const editor = document.getElementById('editor');
    let n = 0;
    const render = () => { editor.textContent = 'Live editor ' + n + ': ' + ${JSON.stringify(NAMES)}; };
    render();
    setInterval(() => { n += 1; render(); }, 250);
  </script></article>`,
);

const framed = articlePage(`<h1>Framed</h1><p>${NAMES}</p>`);

describe('editable regions and frames', () => {
  const cross = useResource(() => serveWithHeaders({ '/framed.html': { body: framed } }, 'localhost'), {
    beforeAll,
    afterAll,
  });
  const server = useResource(
    () =>
      serveWithHeaders({
        '/editable.html': { body: editablePage },
        '/framed.html': { body: framed },
        '/frames.html': {
          body: articlePage(
            `<h1>Frames</h1><p>${NAMES}</p>
            <iframe id="same" src="/framed.html" width="600" height="200"></iframe>
            <iframe id="cross" src="${cross().origin}/framed.html" width="600" height="200"></iframe>
            <iframe id="sandboxed" sandbox src="/framed.html" width="600" height="200"></iframe>
            <iframe id="scripts" sandbox="allow-scripts" src="/framed.html" width="600" height="200"></iframe>
            <iframe id="srcdoc" srcdoc="<article><p>${NAMES}</p></article>" width="600" height="200"></iframe>
            <p>${NAMES}</p>`,
          ),
        },
      }),
    { beforeAll, afterAll },
  );
  const extension = useResource(() => launchWithExtension(), { beforeAll, afterAll });

  async function open(path: string): Promise<Page> {
    const page = await extension().context.newPage();
    await page.goto(`${server().origin}${path}`);
    await expect
      .poll(async () => (await hookSnapshot(page))?.mentions.length ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(3);
    return page;
  }

  /** Where each highlight range starts: the id of its nearest element with an id. */
  const highlightPlaces = (page: Page) =>
    page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      return [...registry.values()]
        .flatMap((set) => [...set])
        .map((r) => {
          const el = r.startContainer.nodeType === 1 ? (r.startContainer as Element) : r.startContainer.parentElement;
          return el?.closest('[id]')?.id ?? 'article';
        });
    });

  it('highlights nothing in contenteditable, textarea or a self-rewriting editor, and changes no node', async () => {
    const page = await open('/editable.html');
    try {
      await new Promise((r) => setTimeout(r, 1500)); // several editor rewrites, and any re-read they cause
      const places = await highlightPlaces(page);
      expect(places).toContain('plain');
      expect(places.filter((p) => ['editable', 'ta', 'editor'].includes(p))).toEqual([]);
      const mutations = await page.evaluate(() => (window as unknown as { __mutations: { in: string }[] }).__mutations);
      // Only the page's own editor changed the DOM (and the recorder did see it do so).
      expect(mutations.some((m) => m.in === 'editor')).toBe(true);
      expect(mutations.filter((m) => m.in !== 'editor')).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('leaves the caret, typing and undo of editable regions alone while it re-reads the page', async () => {
    const page = await open('/editable.html');
    try {
      const original = await page.evaluate(() => document.getElementById('editable')!.innerText);
      await page.click('#editable p');
      await page.evaluate(() => {
        const text = document.querySelector('#editable p')!.firstChild!;
        getSelection()!.collapse(text, 7); // after "Draft: "
      });
      await page.keyboard.type('xyz ');
      // Typing mutates the page: the content script re-reads it (debounced) — and must not move the caret.
      await new Promise((r) => setTimeout(r, 1500));
      const state = await page.evaluate(() => {
        const sel = getSelection()!;
        return {
          active: document.activeElement?.id,
          offset: sel.anchorOffset,
          text: document.getElementById('editable')!.innerText,
        };
      });
      expect(state).toEqual({ active: 'editable', offset: 11, text: original.replace('Draft: ', 'Draft: xyz ') });
      for (
        let i = 0;
        i < 4 && (await page.evaluate(() => document.getElementById('editable')!.innerText)) !== original;
        i++
      ) {
        await page.keyboard.press('Control+Z');
      }
      expect(await page.evaluate(() => document.getElementById('editable')!.innerText)).toBe(original);

      await page.click('#ta');
      await page.keyboard.press('End');
      await page.keyboard.type(' more');
      await new Promise((r) => setTimeout(r, 800));
      expect(await page.inputValue('#ta')).toBe(`${NAMES} more`);
      // Chromium may split typing into several undo steps when the machine is busy; undo them all.
      for (let i = 0; i < 4 && (await page.inputValue('#ta')) !== NAMES; i++) await page.keyboard.press('Control+Z');
      expect(await page.inputValue('#ta')).toBe(NAMES);
    } finally {
      await page.close();
    }
  });

  it('runs in the top frame only: nothing in same-origin, cross-origin, sandboxed or srcdoc frames, no errors', async () => {
    const page = await extension().context.newPage();
    const { errors, stop } = await collectErrors(page);
    const cdp = await page.context().newCDPSession(page);
    const ourWorlds: string[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.name === 'NHS Context') ourWorlds.push(String(context.auxData?.frameId));
    });
    await cdp.send('Runtime.enable');
    try {
      await page.goto(`${server().origin}/frames.html`);
      await expect
        .poll(async () => (await hookSnapshot(page))?.mentions.length ?? 0, { timeout: 15_000 })
        .toBeGreaterThan(3);
      const frames = page.frames().filter((f) => f !== page.mainFrame());
      expect(frames.length).toBe(5);
      await Promise.all(frames.map((f) => f.waitForLoadState()));
      await new Promise((r) => setTimeout(r, 1000));
      // Each frame did load its article (with the names in it) — and got nothing from us.
      for (const frame of frames)
        expect(await frameState(frame), frame.url()).toEqual({ article: true, highlights: 0, hosts: 0 });
      // One isolated world, in the top frame.
      expect(new Set(ourWorlds).size).toBe(1);

      // A card in the top frame: one host in the tab, none in any frame.
      const at = await pointOf(page, 'article > p', 'Steve Barclay');
      await page.mouse.move(at.x, at.y, { steps: 4 });
      await expect.poll(async () => (await readCard(page)).open, { timeout: 5_000 }).toBe(true);
      expect(await page.evaluate(() => document.querySelectorAll('nhs-context-card').length)).toBe(1);
      for (const frame of frames) expect((await frameState(frame)).hosts, frame.url()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await cdp.detach().catch(() => {});
      await stop();
      await page.close();
    }
  });
});

/** Whether a frame shows its article, and the highlights and card hosts inside it. */
function frameState(frame: Frame): Promise<{ article: boolean; highlights: number; hosts: number }> {
  return frame.evaluate(() => ({
    article: (document.querySelector('article p')?.textContent ?? '').includes('Steve Barclay'),
    highlights: [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].reduce(
      (n, s) => n + s.size,
      0,
    ),
    hosts: document.querySelectorAll('nhs-context-card').length,
  }));
}
