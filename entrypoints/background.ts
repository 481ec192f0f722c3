/**
 * Background wiring: the fact base (store + cached index), the call handlers and the router.
 * Nothing here is state: the service worker can be stopped at any time, and everything it holds
 * in memory is rebuilt from the store when it wakes.
 */
import '../lib/zod-jitless.ts';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import bundledPack from '../assets/packs/nhs-industrial-action.json';
import { annotate } from '../lib/detect/annotate.ts';
import { lookupCard } from '../lib/detect/card-data.ts';
import { timelineFor } from '../lib/facts/timeline.ts';
import { FactIndex } from '../lib/facts/index.ts';
import { createFactBaseMarks } from '../lib/facts/marks.ts';
import { FactStore } from '../lib/facts/store.ts';
import { installStoreTestHook } from '../lib/facts/test-hook.ts';
import { createManageDeps, type ManageDeps } from '../lib/background/manage-deps.ts';
import { optionsHash, SEARCH_MENU_ID, UPDATE_ALARM, UPDATE_ALARM_PERIOD_MINUTES } from '../lib/options-links.ts';
import { createRouter, toMessageListener } from '../lib/background/router.ts';
import { createHandlers } from '../lib/background/handlers.ts';
import { createFactBase, validBundledPack } from '../lib/background/fact-base.ts';
import { createSettingsStore } from '../lib/settings.ts';
import type { TabServiceDeps } from '../lib/background/tab-handlers.ts';
import { NAVIGATE_COMMAND } from '../lib/sites.ts';
import { todayIso } from '../lib/util/dates.ts';

export default defineBackground(() => {
  const marks = createFactBaseMarks(browser.storage.local);
  const facts = createFactBase({
    openStore: () => FactStore.open(),
    bundled: () => validBundledPack(bundledPack),
    buildIndex: (packs) => FactIndex.fromPacks(packs),
    marks,
  });
  const ensureBundled = () => void facts.ensureBundled().catch((e: unknown) => console.error('bundled pack', e));
  browser.runtime.onInstalled.addListener(ensureBundled);
  browser.runtime.onStartup.addListener(ensureBundled);
  // Test builds only: lets tests/e2e/worker-stop.e2e.test.ts start a large import (dropped otherwise).
  if (import.meta.env.NHS_CONTEXT_TEST) installStoreTestHook(() => FactStore.open());

  const tabs = tabDeps();
  const manage = createManageDeps({
    facts,
    bundled: () => validBundledPack(bundledPack),
    settings: tabs.settings,
    // The only network requests: the pack subscriptions the reader asked for.
    fetch: (url, init) => fetch(url, init),
    // Plain http only to loopback, and only in test builds (lib/facts/fetch-pack.ts).
    policy: { allowLoopbackHttp: import.meta.env.NHS_CONTEXT_TEST === true },
    today: () => todayIso(),
    app: { name: 'NHS Context', version: browser.runtime.getManifest().version },
    onSettingsChanged: () => tabs.broadcast({ type: 'nhs-context:refresh' }),
  });
  wireManagement(manage);

  const handlers = createHandlers({
    index: facts.index,
    listPacks: facts.listPacks,
    annotate,
    lookupCard,
    timeline: timelineFor,
    today: () => todayIso(),
    tabs,
    notices: marks.notices,
    manage,
  });
  const route = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    onError: (error, type) => console.error(`${type} failed`, error),
  });
  browser.runtime.onMessage.addListener(toMessageListener(route));
  browser.commands?.onCommand.addListener((command, tab) => void onCommand(command, tab?.id));
  // A new page in a tab starts without a count; its content script sets one when it has painted.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    actionApi()
      .setBadgeText({ tabId, text: '' })
      .catch(() => {});
  });
});

/** `action` (MV3) or `browserAction` (Firefox's MV2 build). */
const actionApi = () => browser.action ?? browser.browserAction;

/**
 * Subscription updates (an alarm asks which are due), the context-menu search on selected text,
 * and the options page's first-run notice on install.
 */
function wireManagement(manage: ManageDeps): void {
  const setUp = async () => {
    if (!(await browser.alarms.get(UPDATE_ALARM))) {
      await browser.alarms.create(UPDATE_ALARM, { delayInMinutes: 1, periodInMinutes: UPDATE_ALARM_PERIOD_MINUTES });
    }
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({ id: SEARCH_MENU_ID, title: 'Search NHS Context for “%s”', contexts: ['selection'] });
  };
  const log = (what: string) => (e: unknown) => console.error(what, e);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    setUp().catch(log('set-up'));
    if (reason === 'install') void openOptions(optionsHash({ view: 'welcome' })).catch(log('first run'));
  });
  browser.runtime.onStartup.addListener(() => void setUp().catch(log('set-up')));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) manage.subscriptions.updateDue().catch(log('subscriptions'));
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== SEARCH_MENU_ID || !info.selectionText) return;
    void openOptions(optionsHash({ view: 'search', query: info.selectionText })).catch(log('search'));
  });
}

/** Opens the options page in a tab, at a fragment. */
async function openOptions(hash: string): Promise<void> {
  await browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}${hash}` });
}

/** The content script's file in both builds (WXT names it after its entrypoint folder). */
const CONTENT_SCRIPT = '/content-scripts/content.js';

/** The browser operations behind settings, the badge and the popup's tab actions. */
function tabDeps(): TabServiceDeps {
  const action = actionApi();
  const sendToTab: TabServiceDeps['sendToTab'] = (tabId, message) =>
    browser.tabs.sendMessage(tabId, message).then(
      () => true,
      () => false,
    );
  return {
    settings: createSettingsStore(browser.storage.local),
    setBadge: async (tabId, text) => {
      await action.setBadgeText({ tabId, text });
      if (text) await action.setBadgeBackgroundColor({ tabId, color: '#005eb8' });
    },
    sendToTab,
    requestTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined),
    broadcast: async (message) => {
      const tabs = await browser.tabs.query({});
      await Promise.all(tabs.map((tab) => (tab.id === undefined ? false : sendToTab(tab.id, message))));
    },
    injectContentScript: async (tabId) => {
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    },
    registerSite: async (origin) => {
      const id = `site:${origin}`;
      const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
      if (existing.length > 0) return;
      await browser.scripting.registerContentScripts([
        { id, matches: [`${origin}/*`], js: [CONTENT_SCRIPT], runAt: 'document_idle', allFrames: false },
      ]);
    },
  };
}

/** The keyboard shortcut (manifest `commands`): start mention navigation in the active tab. */
async function onCommand(command: string, tabId: number | undefined): Promise<void> {
  if (command !== NAVIGATE_COMMAND) return;
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id !== undefined) await browser.tabs.sendMessage(id, { type: 'nhs-context:navigate' }).catch(() => {});
}
