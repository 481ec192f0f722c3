import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, useResource } from './harness.ts';

/** The extension API as seen from our own pages, inside `page.evaluate`. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

describe('the built extension in Chromium', () => {
  const extension = useResource(() => launchWithExtension(), { beforeAll, afterAll });

  it('answers a lookup from an extension page with the role held on the date', async () => {
    const browser = extension();
    const page = await browser.context.newPage();
    try {
      await page.goto(browser.url('popup.html'));
      const reply = await page.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'lookup', query: 'Steve Barclay', date: '2023-08-24' }),
      );
      expect(reply).toMatchObject({ ok: true });
      const card = (reply as { data: { card: { name: string; roleOnDate: string | null } | null } }).data.card;
      expect(card?.name).toMatch(/Barclay/);
      expect(card?.roleOnDate).toMatch(/Secretary of State for Health and Social Care/);
    } finally {
      await page.close();
    }
  });

  it('shows the bundled pack and its version in the popup', async () => {
    const browser = extension();
    const page = await browser.context.newPage();
    try {
      await page.goto(browser.url('popup.html'));
      const status = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'status' }));
      const pack = (status as { data: { packs: { name: string; version: string }[] } }).data.packs[0]!;
      await expect.poll(() => page.locator('.pack-version').first().textContent()).toBe(`version ${pack.version}`);
      expect(await page.locator('.pack-name').first().textContent()).toBe(pack.name);
      expect(pack.version).toMatch(/^\d+\.\d+\.\d+$/);
    } finally {
      await page.close();
    }
  });

  it('refuses an unknown call with an error value', async () => {
    const browser = extension();
    const page = await browser.context.newPage();
    try {
      await page.goto(browser.url('popup.html'));
      const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'dropDatabase' }));
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    } finally {
      await page.close();
    }
  });
});
