/**
 * A background wired as entrypoints/background.ts wires it, with the management calls: real
 * router, handlers, Dexie store (fake-indexeddb), settings store (memory), a fake `fetch` and a
 * settable clock. `call` sends as the options page; `fromPage` as a content script.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { vi } from 'vitest';
import { annotate } from '../../lib/detect/annotate.ts';
import { lookupCard } from '../../lib/detect/card-data.ts';
import type { FetchLike } from '../../lib/facts/fetch-pack.ts';
import { FactIndex } from '../../lib/facts/index.ts';
import { timelineFor } from '../../lib/facts/timeline.ts';
import type { Pack } from '../../lib/facts/schema.ts';
import { FactStore } from '../../lib/facts/store.ts';
import { createManageDeps } from '../../lib/background/manage-deps.ts';
import type { CallName, Reply, ReplyOf, RequestOf } from '../../lib/protocol/messages.ts';
import { createRouter } from '../../lib/background/router.ts';
import { createHandlers } from '../../lib/background/handlers.ts';
import { createFactBase } from '../../lib/background/fact-base.ts';
import { createSettingsStore, type SettingsArea } from '../../lib/settings.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
export const OPTIONS_PAGE = { id: ID, url: `${ORIGIN}/options.html`, origin: ORIGIN };
export const CONTENT_SCRIPT = { id: ID, url: 'https://www.bbc.co.uk/news/health-1', tab: { id: 3 }, frameId: 0 };

/** A storage area in memory (one per install). */
export function memoryArea(): SettingsArea {
  const data: Record<string, unknown> = {};
  return {
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => {
      Object.assign(data, structuredClone(items));
    },
  };
}

export interface WorkerOptions {
  bundled: () => Pack;
  idb?: IDBFactory;
  area?: SettingsArea;
  fetch?: FetchLike;
  today?: string;
}

/** Starts a background; pass the same `idb` and `area` to simulate a restarted worker. */
export function startManageWorker(opts: WorkerOptions) {
  const idb = opts.idb ?? new IDBFactory();
  const area = opts.area ?? memoryArea();
  const today = opts.today ?? '2025-07-25';
  let now = new Date(`${today}T12:00:00Z`);
  const fetch = vi.fn<FetchLike>(opts.fetch ?? (async () => new Response('not found', { status: 404 })));
  const stores: FactStore[] = [];
  const facts = createFactBase({
    openStore: async () => {
      const store = await FactStore.open('nhs-context', { indexedDB: idb, IDBKeyRange });
      stores.push(store);
      return store;
    },
    bundled: opts.bundled,
    buildIndex: (packs) => FactIndex.fromPacks(packs),
  });
  const settings = createSettingsStore(area);
  const manage = createManageDeps({
    facts,
    bundled: opts.bundled,
    settings,
    fetch,
    policy: { allowLoopbackHttp: false },
    today: () => today,
    now: () => now,
    app: { name: 'NHS Context', version: '0.1.0' },
  });
  const handlers = createHandlers({
    index: facts.index,
    listPacks: facts.listPacks,
    annotate,
    lookupCard,
    timeline: timelineFor,
    today: () => today,
    notices: async () => [],
    // Settings calls, with the browser side (badge, tabs, scripting) stubbed.
    tabs: {
      settings,
      setBadge: vi.fn(async () => {}),
      sendToTab: vi.fn(async () => true),
      requestTab: vi.fn(async () => undefined),
      broadcast: vi.fn(async () => {}),
      injectContentScript: vi.fn(async () => {}),
      registerSite: vi.fn(async () => {}),
    },
    manage,
  });
  const route = createRouter(handlers, { extensionId: ID, extensionOrigin: ORIGIN });
  const send = async (request: { type: string }, sender: object): Promise<unknown> => {
    const reply = (await route(request, sender)) as Reply;
    if (!reply.ok) throw new Error(`${request.type}: ${reply.error.code}: ${reply.error.message}`);
    return reply.data;
  };
  return {
    idb,
    area,
    fetch,
    settings,
    facts,
    route,
    /** As the options page; throws on an error reply. */
    call: <K extends CallName>(request: RequestOf<K> & { type: K }) =>
      send(request, OPTIONS_PAGE) as Promise<ReplyOf<K>>,
    /** As a content script; throws on an error reply. */
    fromPage: <K extends CallName>(request: RequestOf<K> & { type: K }, sender?: object) =>
      send(request, sender ?? CONTENT_SCRIPT) as Promise<ReplyOf<K>>,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
    close: () => stores.forEach((s) => s.close()),
  };
}
