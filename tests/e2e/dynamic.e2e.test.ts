/**
 * Pages that change under the content script: an article that arrives a second after load, an
 * in-site navigation (history.pushState) to a second article, and the popup's "Annotate this page"
 * on a page where the script already runs (the new copy replaces the old one).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, newsSiteArgs, ROOT, serveHttps, useResource } from './harness.ts';
import { highlightTexts, hookSnapshot } from './page-probe.ts';

const HOST = 'www.theguardian.com';
const seed = readFileSync(join(ROOT, 'tests/fixtures/seed-article.html'), 'utf8');
const seedArticle = seed.slice(seed.indexOf('<article>'), seed.indexOf('</article>') + '</article>'.length);
const seedHead = seed.slice(0, seed.indexOf('<body>'));

/** The seed article's head, and a body whose article is inserted one second after load. */
const late = `${seedHead}<body><main id="app"><p>Loading…</p></main>
<script>
  const article = ${JSON.stringify(seedArticle)};
  setTimeout(() => { document.getElementById('app').innerHTML = article; }, 1000);
</script></body></html>`;

const second = `<article id="second"><h1>Resident doctors in England announce five-day strike</h1>
<p>The British Medical Association said resident doctors would walk out for five days.</p>
<p>Health Secretary Wes Streeting said the strike was unnecessary and urged the BMA to return to talks.</p>
</article>`;

/** The seed article, with an in-site link that swaps in a second article through history.pushState. */
const spa = seed.replace(
  '</body>',
  `<script>
  window.goToSecond = () => {
    history.pushState({}, '', '/uk-news/second');
    document.querySelector('article').outerHTML = ${JSON.stringify(second)};
  };
</script></body>`,
);

/** How many copies of the content script answer the test hook (in the page). */
function repliesToOneRequest(): Promise<number> {
  return new Promise((resolve) => {
    let count = 0;
    const listener = () => (count += 1);
    document.addEventListener('nhs-context-test-reply', listener);
    document.dispatchEvent(new CustomEvent('nhs-context-test', { detail: 'state' }));
    setTimeout(() => {
      document.removeEventListener('nhs-context-test-reply', listener);
      resolve(count);
    }, 300);
  });
}

declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

describe('pages that change', () => {
  const server = useResource(
    () => serveHttps({ '/uk-news/late': { body: late }, '/uk-news/first': { body: spa } }, HOST),
    { beforeAll, afterAll },
  );
  const extension = useResource(() => launchWithExtension(newsSiteArgs(HOST, server().port)), { beforeAll, afterAll });

  const names = async (page: Parameters<typeof hookSnapshot>[0]) =>
    (await hookSnapshot(page))?.mentions.map((m) => m.name) ?? [];

  it('annotates an article that arrives a second after load', async () => {
    const page = await extension().context.newPage();
    try {
      await page.goto(`https://${HOST}/uk-news/late`);
      await expect.poll(() => names(page), { timeout: 15_000 }).toContain('Steve Barclay');
      const texts = await highlightTexts(page);
      expect(texts['nhs-context-entity']!.length).toBeGreaterThan(5);
      expect(texts['nhs-context-entity']!.every((t) => t.inside)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('starts over after an in-site navigation: the second article is annotated, the first one’s highlights are gone', async () => {
    const page = await extension().context.newPage();
    try {
      await page.goto(`https://${HOST}/uk-news/first`);
      await expect.poll(() => names(page), { timeout: 15_000 }).toContain('Steve Barclay');
      await page.evaluate(() => (window as unknown as { goToSecond: () => void }).goToSecond());
      await expect
        .poll(async () => (await hookSnapshot(page))?.url, { timeout: 15_000 })
        .toBe(`https://${HOST}/uk-news/second`);
      const after = await names(page);
      expect(after).toContain('Wes Streeting');
      expect(after).not.toContain('Steve Barclay');
      const texts = await highlightTexts(page, '#second');
      const all = [...texts['nhs-context-entity']!, ...texts['nhs-context-event']!, ...texts['nhs-context-claim']!];
      expect(all.length).toBeGreaterThan(0);
      expect(all.every((t) => t.inside)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('“Annotate this page” on a page already annotated replaces the running copy cleanly', async () => {
    const page = await extension().context.newPage();
    const popup = await extension().context.newPage();
    try {
      await page.goto(`https://${HOST}/uk-news/first`);
      await expect.poll(() => names(page), { timeout: 15_000 }).toContain('Steve Barclay');
      const before = await highlightTexts(page);
      const first = (await hookSnapshot(page))!.instance;
      await popup.goto(extension().url('popup.html'));
      const reply = await popup.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        return chrome.runtime.sendMessage({ type: 'annotateTab', tabId: tab!.id });
      }, `https://${HOST}/uk-news/first`);
      expect(reply).toEqual({ ok: true, data: { injected: true } });
      await expect
        .poll(async () => (await highlightTexts(page))['nhs-context-entity']!.length, { timeout: 15_000 })
        .toBe(before['nhs-context-entity']!.length);
      expect((await hookSnapshot(page))!.instance).not.toBe(first);
      expect(await page.evaluate(repliesToOneRequest)).toBe(1);
      expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
      expect(await page.evaluate(() => document.querySelectorAll('nhs-context-card').length)).toBeLessThanOrEqual(1);
    } finally {
      await popup.close();
      await page.close();
    }
  });
});
