/**
 * The in-page experience on the seed article, served over HTTPS under a listed news hostname
 * (www.bbc.co.uk resolved to loopback): highlights, hover cards, keyboard navigation, axe-core on
 * the card, and a screenshot of the open card (demo-output/e2e-card.png).
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, newsSiteArgs, ROOT, serveHttps, useResource } from './harness.ts';
import { copyCardForAxe, highlightTexts, hookSnapshot, pointOf, readCard } from './page-probe.ts';

const HOST = 'www.bbc.co.uk';
const ARTICLE_URL = `https://${HOST}/news/health-66600000`;
/** The README's picture (card beside popup) comes from `npm run screenshots`; this one is the test's own. */
const SCREENSHOT = join(ROOT, 'demo-output', 'e2e-card.png');

/**
 * The seed article, plus a script that records the body's markup and text once the document is
 * parsed (DOMContentLoaded), before the content script runs (document_idle comes after it).
 */
const seed = readFileSync(join(ROOT, 'tests/fixtures/seed-article.html'), 'utf8').replace(
  '<head>',
  `<head><script>document.addEventListener('DOMContentLoaded', () => {
    window.__before = { html: new XMLSerializer().serializeToString(document.body), text: document.body.innerText };
  });</script>`,
);

declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

describe('the seed article under a listed news hostname', () => {
  const server = useResource(() => serveHttps({ '/news/health-66600000': { body: seed } }, HOST), {
    beforeAll,
    afterAll,
  });
  const extension = useResource(() => launchWithExtension(newsSiteArgs(HOST, server().port)), { beforeAll, afterAll });

  async function openArticle() {
    const page = await extension().context.newPage();
    await page.goto(ARTICLE_URL);
    await expect
      .poll(async () => (await hookSnapshot(page))?.mentions.length ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(5);
    return page;
  }

  it('highlights the article’s mentions, not the sidebar or comments, and leaves the DOM as it was', async () => {
    const page = await openArticle();
    try {
      const texts = await highlightTexts(page);
      const painted = [...texts['nhs-context-entity']!, ...texts['nhs-context-event']!, ...texts['nhs-context-claim']!];
      const words = painted.map((p) => p.text);
      expect(words).toEqual(
        expect.arrayContaining(['Steve Barclay', 'Wes Streeting', 'British Medical Association', 'Will Quince']),
      );
      expect(painted.every((p) => p.inside)).toBe(true);
      expect(words.some((w) => /Barclays|quince|Reader comment/.test(w))).toBe(false);
      const dom = await page.evaluate(() => ({
        html: new XMLSerializer().serializeToString(document.body),
        text: document.body.innerText,
        before: (window as unknown as { __before: { html: string; text: string } }).__before,
        ran: (window as unknown as { __pageScriptRan?: boolean }).__pageScriptRan,
        extraNodes: document.querySelectorAll('mark, nhs-context-card').length,
      }));
      expect(dom.ran).toBe(true);
      expect(dom.html).toBe(dom.before.html);
      expect(dom.text).toBe(dom.before.text);
      expect(dom.extraNodes).toBe(0);
      // The bench's measurement: extract and paint again, without asking the background.
      const measured = (await hookSnapshot(page, 'measure'))!;
      expect(measured.timings).toMatchObject({ annotateMs: 0, mentions: measured.mentions.length });
      console.log(`seed article, main thread: ${JSON.stringify(measured.timings)}`);
    } finally {
      await page.close();
    }
  });

  it('shows Steve Barclay’s role on the article’s date with a source link on hover, and saves a screenshot', async () => {
    const page = await openArticle();
    try {
      // Reduced motion: the card appears without its fade, so the screenshot catches it whole.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.setViewportSize({ width: 960, height: 600 });
      await pointOf(page, 'article p', 'Steve Barclay');
      await page.evaluate(() => window.scrollBy(0, -160));
      const at = await pointOf(page, 'article p', 'Steve Barclay', false);
      await page.mouse.move(at.x - 40, at.y + 30);
      await page.mouse.move(at.x, at.y, { steps: 4 });
      await expect.poll(async () => (await readCard(page)).label, { timeout: 10_000 }).toBe('Steve Barclay');
      const card = await readCard(page);
      expect(card.role).toBe('dialog');
      expect(card.text).toContain('Secretary of State for Health and Social Care, on 24 August 2023');
      expect(card.text).toContain('Last met the BMA consultants committee: 27 March 2023');
      expect(card.links.length).toBeGreaterThan(0);
      for (const link of card.links) {
        expect(link.href).toMatch(/^https?:\/\//);
        expect(link.rel).toBe('noopener noreferrer');
        expect(link.target).toBe('_blank');
      }
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
      console.log(`screenshot: ${SCREENSHOT} (${Math.round(statSync(SCREENSHOT).size / 1024)} KB)`);
    } finally {
      await page.close();
    }
  });

  it('shows the last ministerial meeting with consultants and how long before the article it was', async () => {
    const page = await openArticle();
    try {
      // The first mention of consultants in the article (only the first is marked) is in the headline.
      const at = await pointOf(page, 'h1', 'consultants');
      await page.mouse.move(at.x, at.y, { steps: 3 });
      await expect.poll(async () => (await readCard(page)).label, { timeout: 10_000 }).toBe('Consultants');
      const card = await readCard(page);
      expect(card.text).toContain('Last met Steve Barclay: 27 March 2023');
      expect(card.text).toContain('150 days before this article');
      // The pointer leaves: the card closes after its grace period.
      await page.mouse.move(5, 5, { steps: 2 });
      await expect.poll(async () => (await readCard(page)).open, { timeout: 10_000 }).toBe(false);
      // Open again, then scroll the mention out of view: the card closes.
      await page.mouse.move(at.x + 10, at.y, { steps: 3 });
      await expect.poll(async () => (await readCard(page)).open, { timeout: 10_000 }).toBe(true);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(async () => (await readCard(page)).open, { timeout: 10_000 }).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('navigates by keyboard from the popup’s call: next, next, Enter pins, Esc leaves and gives focus back', async () => {
    const page = await openArticle();
    const popup = await extension().context.newPage();
    try {
      await page.evaluate(() => (document.querySelector('header nav a') as HTMLElement).focus());
      await popup.goto(extension().url('popup.html'));
      const { reply, badge } = await popup.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        const badge = await chrome.action.getBadgeText({ tabId: tab!.id! });
        return { reply: await chrome.runtime.sendMessage({ type: 'navigateTab', tabId: tab!.id }), badge };
      }, ARTICLE_URL);
      expect(reply).toEqual({ ok: true, data: { sent: true } });
      await page.bringToFront();
      const total = (await hookSnapshot(page))!.mentions.length;
      expect(badge).toBe(String(total));
      await expect.poll(async () => (await readCard(page)).live).toMatch(new RegExp(`^Mention 1 of ${total}: `));
      await page.keyboard.press('n');
      await page.keyboard.press('Tab');
      const third = (await hookSnapshot(page))!;
      const name = third.mentions[2]!.name;
      expect(third.navigation).toEqual({ active: true, index: 2 });
      await expect.poll(async () => (await readCard(page)).live).toBe(`Mention 3 of ${total}: ${name}`);
      expect((await readCard(page)).label).toBe(name);
      expect((await highlightTexts(page))['nhs-context-current']).toEqual([
        { text: third.mentions[2]!.exact, inside: true },
      ]);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await readCard(page)).focused).toBe('card');
      expect((await hookSnapshot(page))!.pinned).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await readCard(page)).open).toBe(false);
      expect((await highlightTexts(page))['nhs-context-current']).toEqual([]);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Home');
      expect((await hookSnapshot(page))!.navigation.active).toBe(false);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  it('axe-core finds no violation in an open card', async () => {
    const page = await openArticle();
    try {
      const at = await pointOf(page, 'h1', 'consultants');
      await page.mouse.move(at.x, at.y, { steps: 3 });
      await expect.poll(async () => (await readCard(page)).open, { timeout: 10_000 }).toBe(true);
      const selector = await copyCardForAxe(page);
      await page.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8') });
      const violations = await page.evaluate(async (selector) => {
        const axe = (window as unknown as { axe: { run(c: unknown, o?: unknown): Promise<{ violations: unknown[] }> } })
          .axe;
        // `region` is about a whole page's landmarks; the card is a dialog floating over the page.
        const result = await axe.run(document.querySelector(selector), { rules: { region: { enabled: false } } });
        return result.violations.map((v) => JSON.stringify(v).slice(0, 600));
      }, selector);
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
