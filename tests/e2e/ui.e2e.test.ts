/**
 * The reader's view in Chromium, judged as a user would: the open card fits a 380×500 box without
 * scrolling and keeps its close button in view; each popup tab fits the popup's 600 px; the
 * shortcut is really bound and the popup shows that binding; the card follows a dark page under a
 * light OS setting; in forced colours each highlight kind has its own non-colour cue; axe-core
 * (colour contrast included) finds nothing on the card (light, dark, forced), popup or options.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, newsSiteArgs, ROOT, serveHttps, useResource } from './harness.ts';
import { copyCardForAxe, hookSnapshot, onCardRoot, pointOf, readCard } from './page-probe.ts';

const HOST = 'www.theguardian.com';
const PATH = '/society/2023/aug/24/consultants-strike';
const ARTICLE_URL = `https://${HOST}${PATH}`;
const seed = readFileSync(join(ROOT, 'tests/fixtures/seed-article.html'), 'utf8');
/** The same article on a site with a dark design of its own. */
const dark = seed.replace('</head>', '<style>html,body{background:#121212;color:#e8e8e8}a{color:#9cf}</style></head>');
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
};

async function axeViolations(page: Page, selector: string | null, rules: Record<string, { enabled: boolean }> = {}) {
  // Evaluated through the DevTools protocol: extension pages' CSP refuses an inline script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(
    async ({ selector, rules }) => {
      const axe = (window as unknown as { axe: { run(c: unknown, o?: unknown): Promise<{ violations: unknown[] }> } })
        .axe;
      const result = await axe.run(selector ? document.querySelector(selector) : document, { rules });
      return result.violations.map((v) => JSON.stringify(v).slice(0, 500));
    },
    { selector, rules },
  );
}

/** The card's box, how far its content scrolls, and whether its close button is within it and in view. */
function cardGeometry(page: Page) {
  return onCardRoot<{
    width: number;
    height: number;
    scroll: number;
    client: number;
    closeVisible: boolean;
    bg: string;
  }>(
    page,
    `function () {
      const c = this.querySelector('.card');
      const r = c.getBoundingClientRect();
      const b = this.querySelector('.close').getBoundingClientRect();
      const closeVisible = b.top >= r.top && b.bottom <= r.bottom && b.top >= 0 && b.bottom <= innerHeight && b.width > 0;
      return { width: r.width, height: r.height, scroll: c.scrollHeight, client: c.clientHeight, closeVisible, bg: getComputedStyle(c).backgroundColor };
    }`,
  );
}

/** Hover a name whose mention sits near the top of the viewport, so the card has its full height below. */
async function openCardFor(page: Page, selector: string, name: string) {
  const first = await pointOf(page, selector, name);
  await page.evaluate((dy) => window.scrollBy({ top: dy, behavior: 'instant' }), first.y - 60);
  const at = await pointOf(page, selector, name, false);
  await page.mouse.move(at.x - 30, at.y + 40);
  await page.mouse.move(at.x, at.y, { steps: 4 });
  await expect.poll(async () => (await readCard(page)).label, { timeout: 10_000 }).toBe(name);
}

const luminance = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return 0.299 * r! + 0.587 * g! + 0.114 * b!;
};

describe('cards, popup and options as a reader sees them', () => {
  const server = useResource(() => serveHttps({ [PATH]: { body: seed }, '/dark': { body: dark } }, HOST), {
    beforeAll,
    afterAll,
  });
  const extension = useResource(() => launchWithExtension(newsSiteArgs(HOST, server().port)), { beforeAll, afterAll });

  async function article(url = ARTICLE_URL) {
    const page = await extension().context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    await page.goto(url);
    await expect
      .poll(async () => (await hookSnapshot(page))?.mentions.length ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(5);
    return page;
  }

  it("opens Barclay's card at 380×500 without scrolling, the consultants' meeting among its first facts", async () => {
    const page = await article();
    try {
      await openCardFor(page, 'article p', 'Steve Barclay');
      const box = (await cardGeometry(page))!;
      expect(box.width).toBeLessThanOrEqual(380);
      expect(box.height).toBeLessThanOrEqual(500);
      expect(box.scroll).toBeLessThanOrEqual(box.client);
      expect(box.closeVisible).toBe(true);
      const facts = await onCardRoot<string[]>(
        page,
        `function () { return [...this.querySelectorAll('.card > ul.facts > li .statement')].map((p) => p.textContent); }`,
      );
      expect(facts!.slice(0, 2)).toContain('Last met the BMA consultants committee: 27 March 2023');
      expect((await readCard(page)).text).toContain('More facts');
      expect(await axeViolations(page, await copyCardForAxe(page), { region: { enabled: false } })).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('keeps the heading and close button in view when a long card scrolls', async () => {
    const page = await article();
    try {
      await page.setViewportSize({ width: 1000, height: 400 });
      await openCardFor(page, 'article p', 'Steve Barclay');
      await onCardRoot(
        page,
        `function () { this.querySelector('details.more').open = true; this.querySelector('.card').scrollTop = 10000; return true; }`,
      );
      const box = (await cardGeometry(page))!;
      expect(box.scroll).toBeGreaterThan(box.client);
      expect(box.closeVisible).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('follows a dark page under a light OS setting, with contrast axe accepts', async () => {
    const page = await article(`https://${HOST}/dark`);
    try {
      await openCardFor(page, 'article p', 'Steve Barclay');
      expect(luminance((await cardGeometry(page))!.bg)).toBeLessThan(80);
      const copy = await copyCardForAxe(page);
      // The copy sits in the same dark page: the card's own scheme decides its colours.
      expect(await axeViolations(page, copy, { region: { enabled: false } })).toEqual([]);
      await page.screenshot({ path: join(ROOT, 'demo-output', 'e2e-dark-card.png') });
    } finally {
      await page.close();
    }
  });

  it('gives each highlight kind its own non-colour cue in forced colours, and the card stays readable', async () => {
    const page = await article();
    try {
      await page.emulateMedia({ forcedColors: 'active' });
      const styles = await page.evaluate(() => {
        const sheet = [...document.adoptedStyleSheets].find((s) =>
          [...s.cssRules].some((r) => r.cssText.includes('nhs-context-entity')),
        )!;
        const media = [...sheet.cssRules].find(
          (r) => r instanceof CSSMediaRule && r.conditionText.includes('forced-colors'),
        ) as CSSMediaRule;
        const out: Record<string, string> = {};
        for (const r of media.cssRules) {
          const rule = r as CSSStyleRule;
          const name = /nhs-context-(\w+)/.exec(rule.selectorText)?.[1];
          if (name)
            out[name] =
              `${rule.style.textDecorationLine} ${rule.style.textDecorationStyle} ${rule.style.backgroundColor}`;
        }
        return out;
      });
      const cues = ['entity', 'quiet', 'event', 'claim'].map((k) => styles[k]);
      expect(new Set(cues).size).toBe(4);
      expect(styles.event).toContain('dotted');
      expect(styles.claim).toContain('wavy');
      await openCardFor(page, 'article p', 'Steve Barclay');
      expect(await axeViolations(page, await copyCardForAxe(page), { region: { enabled: false } })).toEqual([]);
      await page.screenshot({ path: join(ROOT, 'demo-output', 'e2e-forced.png') });
    } finally {
      await page.close();
    }
  });

  it('binds the shortcut in Chromium and shows that binding in the popup; each tab fits 600 px; axe is clean', async () => {
    const bound = await extension().worker.evaluate(async () => chrome.commands.getAll());
    const shortcut = bound.find((c) => c.name === 'navigate-mentions')?.shortcut;
    expect(shortcut).toBeTruthy();
    const page = await article();
    const popup = await extension().context.newPage();
    try {
      await popup.setViewportSize({ width: 412, height: 600 });
      await popup.goto(extension().url('popup.html'));
      const tabId = await popup.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, ARTICLE_URL);
      await popup.goto(extension().url(`popup.html?tab=${tabId}`));
      await expect.poll(() => popup.locator('kbd').textContent(), { timeout: 10_000 }).toBe(shortcut);
      // Annotated already: once the popup has the page's state, no "Annotate this page" here.
      await expect.poll(() => popup.getByRole('tab', { name: /Mentions/ }).count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => popup.getByRole('button', { name: 'Annotate this page' }).count()).toBe(0);
      const bodySize = await popup.evaluate(() =>
        parseFloat(getComputedStyle(document.querySelector('.counts')!).fontSize),
      );
      expect(bodySize).toBeGreaterThanOrEqual(13);
      for (const tab of ['Mentions', 'Timeline', 'Claims', 'Export']) {
        await popup.getByRole('tab', { name: new RegExp(tab) }).click();
        await expect.poll(() => popup.locator(`#panel-${tab}`).isVisible()).toBe(true);
        await popup.waitForTimeout(200);
        const height = await popup.evaluate(() => document.documentElement.scrollHeight);
        expect(height, `${tab} tab`).toBeLessThanOrEqual(600);
        expect(await axeViolations(popup, null), `${tab} tab`).toEqual([]);
      }
      // One row per claim: "Health Secretary Steve Barclay" is checked twice on the page.
      await popup.getByRole('tab', { name: /Claims/ }).click();
      const quotes = await popup.locator('.claims .quote').allTextContents();
      expect(new Set(quotes).size).toBe(quotes.length);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  it('offers the options through a sidebar, with no axe violation', async () => {
    const options = await extension().context.newPage();
    try {
      await options.goto(extension().url('options.html'));
      await options
        .getByRole('navigation', { name: 'Settings sections' })
        .getByRole('button', { name: 'Backup and restore' })
        .click();
      await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('backup-title');
      await options.getByRole('button', { name: 'Search' }).first().click();
      await options.getByLabel(/Name, event or words of a fact/).fill('consultants strike august');
      await options.locator('#search form button[type=submit]').click();
      const hit = options.locator('.search-hit[data-id="consultants-strike-2023-08"]');
      await expect.poll(() => hit.count(), { timeout: 10_000 }).toBe(1);
      // No "as of" date: dates, not "N days before this article".
      expect(await hit.textContent()).not.toContain('this article');
      expect(await hit.textContent()).toContain('2023');
      expect(await axeViolations(options, null)).toEqual([]);
    } finally {
      await options.close();
    }
  });
});
