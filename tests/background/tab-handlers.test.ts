import { describe, expect, it, vi } from 'vitest';
import { annotate } from '../../lib/detect/annotate.ts';
import { bundledIndex, fixture, textPage } from '../helpers/pack.ts';
import type { CallContext } from '../../lib/background/router.ts';
import { createSettingsStore, DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { badgeText, createTabHandlers, type TabServiceDeps } from '../../lib/background/tab-handlers.ts';

/** A real annotate result, as a tab's content script holds it. */
function seedResult() {
  return annotate(textPage(fixture('seed-article.txt'), '2023-08-24'), bundledIndex(), { today: '2026-11-24' });
}

function deps(): TabServiceDeps & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    settings: createSettingsStore({
      get: async (key) => (key in data ? { [key]: data[key] } : {}),
      set: async (items) => void Object.assign(data, items),
    }),
    setBadge: vi.fn(async () => {}),
    sendToTab: vi.fn(async () => true),
    requestTab: vi.fn(async (_tabId: number, message: { type: string }) =>
      message.type === 'nhs-context:navigate' ? { focused: true } : { result: seedResult(), text: 'Article text' },
    ),
    broadcast: vi.fn(async () => {}),
    injectContentScript: vi.fn(async () => {}),
    registerSite: vi.fn(async () => {}),
  };
}

const contentScript = (url: string, tab: unknown = { id: 7 }): CallContext => ({
  senderClass: 'content-script',
  sender: { id: 'ext', url, tab, frameId: 0 },
});
const popup: CallContext = {
  senderClass: 'extension-page',
  sender: { id: 'ext', url: 'chrome-extension://ext/popup.html' },
};

describe('tab handlers', () => {
  it('hides an id on the sender’s own site, whatever the page might claim', async () => {
    const d = deps();
    const handlers = createTabHandlers(d);
    const reply = await handlers.hideOnSite(
      { type: 'hideOnSite', id: 'steve-barclay' },
      contentScript('https://www.bbc.co.uk/news/1'),
    );
    expect(reply).toEqual({ hiddenIds: ['steve-barclay'] });
    const forBbc = await handlers.contentSettings({ type: 'contentSettings' }, contentScript('https://bbc.co.uk/x'));
    const forSky = await handlers.contentSettings({ type: 'contentSettings' }, contentScript('https://news.sky.com/x'));
    expect([forBbc.hiddenIds, forSky.hiddenIds]).toEqual([['steve-barclay'], []]);
  });

  it('sets the badge of the sender’s own tab', async () => {
    const d = deps();
    await createTabHandlers(d).setBadge({ type: 'setBadge', count: 12 }, contentScript('https://www.bbc.co.uk/'));
    expect(d.setBadge).toHaveBeenCalledWith(7, '12');
    await expect(
      createTabHandlers(d).setBadge({ type: 'setBadge', count: 1 }, contentScript('https://www.bbc.co.uk/', null)),
    ).rejects.toThrow(/no sender tab/);
  });

  it('saves settings and tells open pages to refresh', async () => {
    const d = deps();
    const saved = await createTabHandlers(d).setSettings(
      { type: 'setSettings', settings: { ...DEFAULT_SETTINGS, paused: true } },
      popup,
    );
    expect(saved.paused).toBe(true);
    expect(d.broadcast).toHaveBeenCalledWith({ type: 'nhs-context:refresh' });
    expect((await createTabHandlers(d).getSettings({ type: 'getSettings' }, popup)).paused).toBe(true);
  });

  it('passes the popup’s tab actions on', async () => {
    const d = deps();
    const handlers = createTabHandlers(d);
    expect(await handlers.navigateTab({ type: 'navigateTab', tabId: 3 }, popup)).toEqual({ sent: true });
    expect(d.sendToTab).toHaveBeenCalledWith(3, { type: 'nhs-context:navigate' });
    expect(await handlers.annotateTab({ type: 'annotateTab', tabId: 3 }, popup)).toEqual({ injected: true });
    expect(d.injectContentScript).toHaveBeenCalledWith(3);
    expect(await handlers.alwaysOnSite({ type: 'alwaysOnSite', origin: 'https://example.org' }, popup)).toEqual({
      registered: true,
    });
    expect(d.registerSite).toHaveBeenCalledWith('https://example.org');
  });
});

describe('badgeText', () => {
  it.each([
    [0, ''],
    [1, '1'],
    [99, '99'],
    [100, '99+'],
  ])('%i → %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });
});

describe('the popup reads and steers a tab', () => {
  it('asks the tab for its result and passes on what it says', async () => {
    const d = deps();
    const handlers = createTabHandlers(d);
    expect(await handlers.tabResult({ type: 'tabResult', tabId: 7 }, popup)).toEqual({
      result: seedResult(),
      text: 'Article text',
    });
    expect(d.requestTab).toHaveBeenCalledWith(7, { type: 'nhs-context:result' });
  });

  it('refuses a result that is not an annotate result, saying where, and drops keys it does not know', async () => {
    const d = deps();
    const broken = seedResult();
    (broken.annotations[0] as { start: unknown }).start = 'soon';
    (d.requestTab as ReturnType<typeof vi.fn>).mockResolvedValueOnce({ result: broken, text: 'x' });
    await expect(createTabHandlers(d).tabResult({ type: 'tabResult', tabId: 7 }, popup)).rejects.toThrow(
      "the page's result does not match its schema at result.annotations.0.start",
    );
    (d.requestTab as ReturnType<typeof vi.fn>).mockResolvedValueOnce({ result: seedResult(), text: 'x', extra: 1 });
    const reply = await createTabHandlers(d).tabResult({ type: 'tabResult', tabId: 7 }, popup);
    expect(Object.keys(reply).sort()).toEqual(['result', 'text']);
  });

  it('reports no result when the tab has no content script', async () => {
    const d = deps();
    (d.requestTab as ReturnType<typeof vi.fn>).mockResolvedValue(undefined);
    expect(await createTabHandlers(d).tabResult({ type: 'tabResult', tabId: 7 }, popup)).toEqual({
      result: null,
      text: '',
    });
  });

  it('asks the tab to focus a mention', async () => {
    const d = deps();
    expect(
      await createTabHandlers(d).focusMention({ type: 'focusMention', tabId: 7, id: 'entity-1-2' }, popup),
    ).toEqual({ focused: true });
    expect(d.requestTab).toHaveBeenCalledWith(7, { type: 'nhs-context:navigate', id: 'entity-1-2' });
  });
});
