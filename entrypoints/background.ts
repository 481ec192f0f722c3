/**
 * Background wiring: the fact base (store + cached index), the call handlers and the router.
 * Nothing here is state: the service worker can be stopped at any time, and everything it holds
 * in memory is rebuilt from the store when it wakes.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import bundledPack from '../assets/packs/nhs-industrial-action.json';
import { annotate } from '../lib/detect/annotate.ts';
import { lookupCard } from '../lib/detect/cards.ts';
import { FactIndex } from '../lib/facts/index.ts';
import { FactStore } from '../lib/facts/store.ts';
import { createRouter, toMessageListener } from '../lib/router.ts';
import { createFactBase, createHandlers, validBundledPack } from '../lib/service.ts';
import { todayIso } from '../lib/util/dates.ts';

export default defineBackground(() => {
  const facts = createFactBase({
    openStore: () => FactStore.open(),
    bundled: () => validBundledPack(bundledPack),
    buildIndex: (packs) => FactIndex.fromPacks(packs),
  });
  const ensureBundled = () => void facts.ensureBundled().catch((e: unknown) => console.error('bundled pack', e));
  browser.runtime.onInstalled.addListener(ensureBundled);
  browser.runtime.onStartup.addListener(ensureBundled);

  const handlers = createHandlers({
    index: facts.index,
    listPacks: facts.listPacks,
    annotate,
    lookupCard,
    today: () => todayIso(),
  });
  const route = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    onError: (error, type) => console.error(`${type} failed`, error),
  });
  browser.runtime.onMessage.addListener(toMessageListener(route));
});
