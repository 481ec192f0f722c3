/**
 * Settings end to end: "Copy as citation" and "Not this — hide on this site" from the card, pause and mark-all from an
 * extension page (open pages repaint), and "Always on this site" registering the content script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { launchWithExtension, newsSiteArgs, ROOT, serveHttps, useResource } from './harness.ts';
import { hookSnapshot, onCardRoot, pointOf, readCard } from './page-probe.ts';

const HOST = 'news.sky.com';
const URL = `https://${HOST}/story/doctors-1`;
const seed = readFileSync(join(ROOT, 'tests/fixtures/seed-article.html'), 'utf8');

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
};

/** Click an element inside the card's closed shadow root, as a reader would. */
async function clickInCard(page: Page, selector: string) {
  const at = await onCardRoot<{ x: number; y: number }>(
    page,
    `function () {
      const r = this.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }`,
  );
  await page.mouse.move(at!.x, at!.y, { steps: 3 });
  await page.mouse.click(at!.x, at!.y);
}

describe('settings', () => {
  const server = useResource(() => serveHttps({ '/story/doctors-1': { body: seed } }, HOST), { beforeAll, afterAll });
  const extension = useResource(() => launchWithExtension(newsSiteArgs(HOST, server().port)), { beforeAll, afterAll });

  const mentionNames = async (page: Page) => (await hookSnapshot(page))?.mentions.map((m) => m.name) ?? [];
  const fromPopup = async (message: unknown) => {
    const popup = await extension().context.newPage();
    try {
      await popup.goto(extension().url('popup.html'));
      return await popup.evaluate((m) => chrome.runtime.sendMessage(m), message);
    } finally {
      await popup.close();
    }
  };

  it('hides an entity on this site from the card, and shows it again when the settings are reset', async () => {
    const page = await extension().context.newPage();
    try {
      await page.goto(URL);
      await expect.poll(() => mentionNames(page), { timeout: 15_000 }).toContain('Steve Barclay');
      const at = await pointOf(page, 'article p', 'Steve Barclay');
      await page.mouse.move(at.x, at.y, { steps: 3 });
      await expect.poll(async () => (await readCard(page)).label, { timeout: 10_000 }).toBe('Steve Barclay');
      await extension().context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `https://${HOST}` });
      await clickInCard(page, 'button.copy');
      await expect.poll(async () => (await readCard(page)).text).toContain('Citation copied.');
      const citation = await page.evaluate(() => navigator.clipboard.readText());
      expect(citation).toMatch(/^Steve Barclay: Secretary of State for Health and Social Care on 24 August 2023\./);
      expect(citation).toContain(URL);
      await clickInCard(page, 'button.hide');
      await expect.poll(() => mentionNames(page)).not.toContain('Steve Barclay');
      expect((await readCard(page)).live).toMatch(/Steve Barclay is hidden on this site/);
      const settings = (await fromPopup({ type: 'getSettings' })) as { data: typeof DEFAULT_SETTINGS };
      expect(settings.data.hidden).toEqual([{ site: HOST, ids: ['steve-barclay'] }]);
      await fromPopup({ type: 'setSettings', settings: DEFAULT_SETTINGS });
      await expect.poll(() => mentionNames(page)).toContain('Steve Barclay');
    } finally {
      await page.close();
    }
  });

  it('pause clears open pages; mark-all marks every mention', async () => {
    const page = await extension().context.newPage();
    try {
      await page.goto(URL);
      await expect.poll(async () => (await mentionNames(page)).length, { timeout: 15_000 }).toBeGreaterThan(5);
      const firstOnly = (await mentionNames(page)).length;
      await fromPopup({ type: 'setSettings', settings: { ...DEFAULT_SETTINGS, paused: true } });
      await expect.poll(async () => (await mentionNames(page)).length).toBe(0);
      await fromPopup({ type: 'setSettings', settings: { ...DEFAULT_SETTINGS, markAll: true } });
      await expect.poll(async () => (await mentionNames(page)).length).toBeGreaterThan(firstOnly);
      await fromPopup({ type: 'setSettings', settings: DEFAULT_SETTINGS });
      await expect.poll(async () => (await mentionNames(page)).length).toBe(firstOnly);
    } finally {
      await page.close();
    }
  });

  it('“Always on this site” registers the content script for the origin', async () => {
    const reply = await fromPopup({ type: 'alwaysOnSite', origin: `https://${HOST}` });
    expect(reply).toEqual({ ok: true, data: { registered: true } });
    const popup = await extension().context.newPage();
    try {
      await popup.goto(extension().url('popup.html'));
      const scripts = await popup.evaluate(() => chrome.scripting.getRegisteredContentScripts());
      expect(scripts).toEqual([
        expect.objectContaining({ id: `site:https://${HOST}`, matches: [`https://${HOST}/*`] }),
      ]);
    } finally {
      await popup.close();
    }
  });
});
