/**
 * The background's pieces wired as entrypoints/background.ts wires them, on fake-indexeddb: the
 * bundled pack, the real store, index, detection and router, without a browser.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import bundledPack from '../../assets/packs/nhs-industrial-action.json';
import { annotate } from '../../lib/detect/annotate.ts';
import { lookupCard } from '../../lib/detect/card-data.ts';
import { FactIndex } from '../../lib/facts/index.ts';
import { timelineFor } from '../../lib/facts/timeline.ts';
import { createManageDeps } from '../../lib/background/manage-deps.ts';
import { createSettingsStore } from '../../lib/settings.ts';
import { memoryArea } from '../helpers/manage-worker.ts';
import { FactStore } from '../../lib/facts/store.ts';
import { createRouter } from '../../lib/background/router.ts';
import { createHandlers } from '../../lib/background/handlers.ts';
import { createFactBase, validBundledPack } from '../../lib/background/fact-base.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const popup = { id: ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN };
const contentScript = { id: ID, url: 'https://www.bbc.co.uk/news/1', tab: { id: 1 }, frameId: 0 };

function startWorker(idb: IDBFactory) {
  const facts = createFactBase({
    openStore: () => FactStore.open('nhs-context', { indexedDB: idb, IDBKeyRange }),
    bundled: () => validBundledPack(bundledPack),
    buildIndex: (packs) => FactIndex.fromPacks(packs),
  });
  const settings = createSettingsStore(memoryArea());
  const handlers = createHandlers({
    index: facts.index,
    listPacks: facts.listPacks,
    annotate,
    lookupCard,
    timeline: timelineFor,
    today: () => '2025-07-25',
    notices: async () => [],
    // The browser side (badge, tabs, scripting) and the network are not reached by these tests.
    tabs: {
      settings,
      setBadge: async () => {},
      sendToTab: async () => false,
      requestTab: async () => undefined,
      broadcast: async () => {},
      injectContentScript: async () => {},
      registerSite: async () => {},
    },
    manage: createManageDeps({
      facts,
      bundled: () => validBundledPack(bundledPack),
      settings,
      fetch: async () => new Response('not found', { status: 404 }),
      policy: { allowLoopbackHttp: false },
      today: () => '2025-07-25',
      app: { name: 'NHS Context', version: '0.0.0-test' },
    }),
  });
  return { facts, route: createRouter(handlers, { extensionId: ID, extensionOrigin: ORIGIN }) };
}

describe('background wiring', () => {
  it('answers a content script lookup from a freshly installed store', async () => {
    const { route } = startWorker(new IDBFactory());
    const reply = await route({ type: 'lookup', query: 'Steve Barclay', date: '2023-08-24' }, contentScript);
    expect(reply.ok).toBe(true);
    const card = reply.ok ? (reply.data as { card: { roleOnDate: string | null } | null }).card : null;
    expect(card?.roleOnDate).toMatch(/Secretary of State for Health and Social Care/);
  });

  it('reports the bundled pack to the popup, and again after the worker restarts', async () => {
    const idb = new IDBFactory();
    const first = startWorker(idb);
    await first.facts.ensureBundled();
    const restarted = startWorker(idb);
    const reply = await restarted.route({ type: 'status' }, popup);
    expect(reply).toMatchObject({
      ok: true,
      data: {
        packs: [{ id: bundledPack.id, version: bundledPack.version, origin: 'bundled' }],
        entityCount: bundledPack.entities.length,
        packVersion: `${bundledPack.id}@${bundledPack.version}`,
      },
    });
  });

  it('refuses status to a content script', async () => {
    const { route } = startWorker(new IDBFactory());
    expect(await route({ type: 'status' }, contentScript)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
