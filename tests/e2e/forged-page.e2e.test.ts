/**
 * A hostile page cannot drive the content script: it registers no `window` `message` listener, and
 * a page that posts every message shape it can guess and dispatches forged DOM events — WXT's own
 * event names included (node_modules/wxt/dist/utils/content-script-context.mjs and
 * internal/custom-events.mjs: `<extension id>:content:wxt:content-script-started` and
 * `…:wxt:locationchange`) — and synthetic (untrusted) keyboard and pointer input changes nothing:
 * the same highlights, no card, no keyboard navigation, the same settings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from '../../lib/protocol/messages.ts';
import { launchWithExtension, ROOT, serve, useResource } from './harness.ts';
import { highlightTexts, hookSnapshot, pointOf, readCard } from './page-probe.ts';

const article = readFileSync(join(ROOT, 'tests/fixtures/seed-article.html'), 'utf8');

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Everything observable about the extension in the page. */
async function observe(page: Page) {
  const snapshot = await hookSnapshot(page);
  const texts = await highlightTexts(page);
  return {
    mentions: snapshot?.mentions.map((m) => `${m.kind}:${m.exact}`) ?? null,
    highlights: Object.fromEntries(Object.entries(texts).map(([name, list]) => [name, list.map((t) => t.text)])),
    openCard: snapshot?.openCard ?? null,
    navigation: snapshot?.navigation ?? null,
    hosts: await page.evaluate(() => document.querySelectorAll('nhs-context-card').length),
    card: (await readCard(page)).open,
  };
}

/** Every message shape worth guessing: our requests and tab messages, replies, WXT's own. */
function guessedMessages(extensionId: string): unknown[] {
  const types = [...Object.keys(calls), 'nhs-context:navigate', 'nhs-context:refresh', 'navigate', 'refresh'];
  const wxtStarted = `${extensionId}:content:wxt:content-script-started`;
  return [
    ...types.map((type) => ({ type })),
    ...types.map((type) => ({
      type,
      settings: { paused: true },
      id: 'bma',
      count: 999,
      tabId: 0,
      origin: 'https://evil.example',
    })),
    { type: 'hideOnSite', id: 'british-medical-association' },
    {
      type: 'setSettings',
      settings: {
        paused: true,
        markAll: false,
        kinds: { entity: false, event: false, claim: false },
        disabledSites: [],
        hidden: {},
      },
    },
    {
      ok: true,
      data: { enabled: false, markAll: false, kinds: { entity: false, event: false, claim: false }, hiddenIds: [] },
    },
    { type: wxtStarted, contentScriptName: 'content', messageId: 'forged' },
    { type: 'wxt:content-script-started', contentScriptName: 'content', messageId: 'forged' },
    { event: 'wxt:locationchange', newUrl: 'https://evil.example/' },
    'nhs-context:navigate',
    JSON.stringify({ type: 'nhs-context:refresh' }),
  ];
}

/**
 * Names of DOM events to forge on document and window (the test build's own hook excluded; WXT's
 * exact stop event has a test of its own below).
 */
function forgedEventNames(extensionId: string): string[] {
  const wxt = ['wxt:content-script-started', 'wxt:locationchange'];
  return [
    `${extensionId}:content:wxt:locationchange`,
    ...wxt.map((name) => `${extensionId}:${name}`),
    ...wxt,
    'nhs-context:navigate',
    'nhs-context:refresh',
    'nhs-context-card',
    'popstate',
    'hashchange',
    'visibilitychange',
    'pageshow',
  ];
}

describe('a page that forges messages and events', () => {
  const server = useResource(() => serve({ '/article.html': { body: article } }), { beforeAll, afterAll });
  const extension = useResource(() => launchWithExtension(), { beforeAll, afterAll });

  async function openArticle(): Promise<Page> {
    const page = await extension().context.newPage();
    await page.goto(`${server().origin}/article.html`);
    await expect
      .poll(async () => (await hookSnapshot(page))?.mentions.length ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(5);
    return page;
  }

  it('the content script registers no message listener on window (and none outside its own page events)', async () => {
    const page = await openArticle();
    try {
      const cdp = await page.context().newCDPSession(page);
      const listenersOn = async (expression: string) => {
        const { result } = await cdp.send('Runtime.evaluate', { expression });
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
        return listeners.map((l) => l.type);
      };
      // DevTools lists every world's listeners; the page itself registers none in this fixture.
      const onWindow = await listenersOn('window');
      expect(onWindow).not.toContain('message');
      expect(onWindow).not.toContain('messageerror');
      expect(await listenersOn('document')).not.toContain('message');
      await cdp.detach();
    } finally {
      await page.close();
    }
  });

  it('posted messages, forged DOM events and untrusted input change nothing', async () => {
    const { extensionId } = extension();
    const page = await openArticle();
    try {
      const settingsBefore = await extensionSettings();
      const before = await observe(page);
      expect(before.mentions!.length).toBeGreaterThan(5);
      const at = await pointOf(page, 'article p', 'Steve Barclay');

      await page.evaluate(
        async ({ messages, names, at }) => {
          const settle = () => new Promise((r) => setTimeout(r, 50));
          for (const message of messages) {
            window.postMessage(message, '*');
            window.parent.postMessage(message, '*');
          }
          await settle();
          const detail = { contentScriptName: 'content', messageId: 'forged', newUrl: location.href };
          for (const name of names) {
            for (const target of [document, window, document.documentElement]) {
              target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
              target.dispatchEvent(new Event(name, { bubbles: true }));
            }
          }
          await settle();
          // Synthetic input: hover and press on a highlighted name, the shortcut, navigation keys.
          const target = document.elementFromPoint(at.x, at.y) ?? document.body;
          const point = { clientX: at.x, clientY: at.y, bubbles: true, composed: true };
          for (const type of ['pointerover', 'pointermove', 'mouseover', 'mousemove']) {
            target.dispatchEvent(new PointerEvent(type, { ...point, pointerType: 'mouse' }));
          }
          target.dispatchEvent(new PointerEvent('pointerdown', { ...point, pointerType: 'touch' }));
          target.dispatchEvent(new MouseEvent('click', point));
          for (const key of ['N', 'n', 'j', 'k', 'ArrowDown', 'Enter', 'Escape', 'Tab', 'h']) {
            for (const type of ['keydown', 'keyup']) {
              const init = {
                key,
                code: `Key${key.toUpperCase()}`,
                altKey: true,
                shiftKey: true,
                bubbles: true,
                composed: true,
              };
              window.dispatchEvent(new KeyboardEvent(type, init));
              document.dispatchEvent(new KeyboardEvent(type, init));
              document.body.dispatchEvent(new KeyboardEvent(type, { ...init, altKey: false, shiftKey: false }));
            }
          }
          await settle();
        },
        { messages: guessedMessages(extensionId), names: forgedEventNames(extensionId), at },
      );
      // Long enough for a debounced re-read or a navigation re-run to have happened.
      await new Promise((r) => setTimeout(r, 1500));

      const after = await observe(page);
      expect(after).toEqual(before);
      expect(after.openCard).toBeNull();
      expect(after.navigation?.active).toBe(false);
      expect(await extensionSettings()).toEqual(settingsBefore);
    } finally {
      await page.close();
    }
  });

  it("WXT's own stop event, forged with the right name and detail, does not stop the content script", async () => {
    const { extensionId } = extension();
    const page = await openArticle();
    try {
      const before = await observe(page);
      await page.evaluate((name) => {
        const detail = { contentScriptName: 'content', messageId: 'forged' };
        document.dispatchEvent(new CustomEvent(name, { detail }));
      }, `${extensionId}:content:wxt:content-script-started`);
      await new Promise((r) => setTimeout(r, 1500));
      expect(await observe(page)).toEqual(before);
    } finally {
      await page.close();
    }
  });

  it('keeps the card closed to the page, and gives the page no channel to the extension', async () => {
    const { extensionId } = extension();
    const page = await openArticle();
    try {
      const at = await pointOf(page, 'article p', 'Steve Barclay');
      await page.mouse.move(at.x - 30, at.y + 30);
      await page.mouse.move(at.x, at.y, { steps: 4 });
      await expect.poll(async () => (await readCard(page)).open, { timeout: 5_000 }).toBe(true);
      const seen = await page.evaluate(async (id) => {
        const host = document.querySelector('nhs-context-card') as HTMLElement;
        const runtime = (
          globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }
        ).chrome?.runtime;
        let reply: string;
        try {
          reply = runtime?.sendMessage
            ? JSON.stringify(await runtime.sendMessage(id, { type: 'status' }))
            : 'no runtime';
        } catch (error) {
          reply = `refused: ${String(error)}`;
        }
        return {
          shadowRoot: host.shadowRoot,
          text: host.textContent,
          children: host.children.length,
          // A closed root cannot be re-opened, and no extension file is reachable from the page.
          attachAgain: (() => {
            try {
              host.attachShadow({ mode: 'open' });
              return 'attached';
            } catch {
              return 'refused';
            }
          })(),
          resource: await fetch(`chrome-extension://${id}/manifest.json`).then(
            () => 'loaded',
            () => 'blocked',
          ),
          reply,
        };
      }, extensionId);
      expect(seen).toEqual({
        shadowRoot: null,
        text: '',
        children: 0,
        attachAgain: 'refused',
        resource: 'blocked',
        reply: expect.stringMatching(/^(no runtime|refused: )/),
      });
      expect((await readCard(page)).open).toBe(true);
    } finally {
      await page.close();
    }
  });

  /** The reader's settings, read from an extension page. */
  async function extensionSettings(): Promise<unknown> {
    const page = await extension().context.newPage();
    try {
      await page.goto(extension().url('popup.html'));
      return await page.evaluate(() => chrome.runtime.sendMessage({ type: 'getSettings' }));
    } finally {
      await page.close();
    }
  }
});
