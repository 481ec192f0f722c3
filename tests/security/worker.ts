/**
 * The background wired as entrypoints/background.ts wires it — real router, real handlers, real
 * Dexie store on a fresh fake-indexeddb, real settings store — with every side effect counted:
 * IndexedDB opens and transactions, storage reads and writes, badge and tab calls. The security
 * tests use it to prove that a refused message touches nothing at all.
 */
import { IDBDatabase, IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { vi } from 'vitest';
import { annotate } from '../../lib/detect/annotate.ts';
import { lookupCard } from '../../lib/detect/card-data.ts';
import { FactIndex } from '../../lib/facts/index.ts';
import { timelineFor } from '../../lib/facts/timeline.ts';
import { FactStore } from '../../lib/facts/store.ts';
import { calls, type CallName, type SenderInfo } from '../../lib/protocol/messages.ts';
import { createRouter } from '../../lib/background/router.ts';
import { createHandlers } from '../../lib/background/handlers.ts';
import { createFactBase } from '../../lib/background/fact-base.ts';
import { createSettingsStore, DEFAULT_SETTINGS, type SettingsArea } from '../../lib/settings.ts';
import type { TabServiceDeps } from '../../lib/background/tab-handlers.ts';
import { richPack } from '../facts/fixtures.ts';
import { MANAGE_SAMPLE_REQUESTS } from '../helpers/manage-samples.ts';
import { createManageDeps } from '../../lib/background/manage-deps.ts';

export const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXT_ORIGIN = `chrome-extension://${EXT_ID}`;
const FOREIGN_ID = 'zyxwvutsrqponmlkzyxwvutsrqponmlk';

/** The four classes of sender the issue names; "missing fields" has several shapes, all refused. */
export const SENDERS = {
  'extension page': [{ id: EXT_ID, url: `${EXT_ORIGIN}/popup.html`, origin: EXT_ORIGIN }],
  'content script': [
    {
      id: EXT_ID,
      url: 'https://www.bbc.co.uk/news/health-1',
      origin: 'https://www.bbc.co.uk',
      tab: { id: 7 },
      frameId: 0,
    },
  ],
  'foreign extension': [
    { id: FOREIGN_ID, url: `chrome-extension://${FOREIGN_ID}/a.html`, origin: `chrome-extension://${FOREIGN_ID}` },
    // Another extension's content script in the same kind of tab.
    { id: FOREIGN_ID, url: 'https://www.bbc.co.uk/news/health-1', tab: { id: 7 }, frameId: 0 },
    // Another extension framing one of our pages cannot borrow our id: its origin gives it away.
    { id: EXT_ID, url: `${EXT_ORIGIN}/popup.html`, origin: `chrome-extension://${FOREIGN_ID}` },
  ],
  'missing fields': [
    {},
    { id: EXT_ID },
    { url: `${EXT_ORIGIN}/popup.html`, origin: EXT_ORIGIN },
    // A web page (externally_connectable) has no extension id.
    { url: 'https://www.bbc.co.uk/', origin: 'https://www.bbc.co.uk', tab: { id: 7 } },
    // Our id and a web URL, but no tab: not a content script.
    { id: EXT_ID, url: 'https://www.bbc.co.uk/news/health-1' },
    { id: EXT_ID, url: 'not a url', tab: { id: 7 } },
    { id: EXT_ID, url: 'file:///etc/passwd', tab: { id: 7 } },
  ],
} as const satisfies Record<string, readonly SenderInfo[]>;
export type SenderName = keyof typeof SENDERS;

const page = {
  url: 'https://www.bbc.co.uk/news/health-1',
  title: 'Doctors strike',
  publishedFrom: 'none',
  text: 'The BMA said Jo Bloggs would lead the strike.',
  blocks: [[0, 45]],
};

/**
 * One valid request per call. `satisfies Record<CallName, …>` makes a new call in lib/protocol/messages.ts a
 * type error here until it has a sample — so the router table below cannot forget it.
 */
export const SAMPLE_REQUESTS = {
  annotate: { type: 'annotate', page },
  lookup: { type: 'lookup', query: 'BMA', date: '2023-08-24' },
  contentSettings: { type: 'contentSettings' },
  hideOnSite: { type: 'hideOnSite', id: 'bma' },
  setBadge: { type: 'setBadge', count: 3 },
  status: { type: 'status' },
  getSettings: { type: 'getSettings' },
  setSettings: { type: 'setSettings', settings: { ...DEFAULT_SETTINGS, markAll: true } },
  navigateTab: { type: 'navigateTab', tabId: 7 },
  tabResult: { type: 'tabResult', tabId: 7 },
  focusMention: { type: 'focusMention', tabId: 7, id: 'entity-1-2' },
  timeline: { type: 'timeline', groups: ['consultants'], date: '2023-08-24' },
  annotateTab: { type: 'annotateTab', tabId: 7 },
  alwaysOnSite: { type: 'alwaysOnSite', origin: 'https://example.org' },
  ...MANAGE_SAMPLE_REQUESTS,
} satisfies { [K in CallName]: { type: K } & Record<string, unknown> };

/** Every call name, from the protocol itself. */
export const CALL_NAMES = Object.keys(calls) as CallName[];

/** A memory `storage.local` whose reads and writes are counted. */
function memoryArea(): SettingsArea & { get: ReturnType<typeof vi.fn>; set: ReturnType<typeof vi.fn> } {
  const data: Record<string, unknown> = {};
  return {
    get: vi.fn(async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {})),
    set: vi.fn(async (items: Record<string, unknown>) => {
      Object.assign(data, structuredClone(items));
    }),
  };
}

/** Counts every IndexedDB open and transaction made by anything (fake-indexeddb's classes). */
export function spyOnIndexedDb() {
  const open = vi.spyOn(IDBFactory.prototype, 'open');
  const deleteDatabase = vi.spyOn(IDBFactory.prototype, 'deleteDatabase');
  const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
  return {
    count: () => open.mock.calls.length + deleteDatabase.mock.calls.length + transaction.mock.calls.length,
    restore: () => {
      open.mockRestore();
      deleteDatabase.mockRestore();
      transaction.mockRestore();
    },
  };
}

/**
 * A fresh background on a fresh database. `sideEffects()` is the number of database operations,
 * storage reads/writes and browser calls made since it started; `handlerRuns()` the number of
 * pipeline calls (annotate, lookup).
 */
export function startSpiedWorker() {
  const idb = new IDBFactory();
  const db = spyOnIndexedDb();
  const area = memoryArea();
  const tabs = {
    settings: createSettingsStore(area),
    setBadge: vi.fn(async () => {}),
    sendToTab: vi.fn(async () => true),
    requestTab: vi.fn(async () => undefined),
    broadcast: vi.fn(async () => {}),
    injectContentScript: vi.fn(async () => {}),
    registerSite: vi.fn(async () => {}),
  } satisfies TabServiceDeps;
  const openStore = vi.fn(() => FactStore.open('nhs-context', { indexedDB: idb, IDBKeyRange }));
  const facts = createFactBase({
    openStore,
    bundled: () => richPack(),
    buildIndex: (packs) => FactIndex.fromPacks(packs),
  });
  const pipeline = { annotate: vi.fn(annotate), lookupCard: vi.fn(lookupCard) };
  // The network (pack subscriptions) is a side effect too; nothing here ever reaches a real one.
  const fetch = vi.fn(async () => new Response('not found', { status: 404 }));
  const manage = createManageDeps({
    facts,
    bundled: () => richPack(),
    settings: tabs.settings,
    fetch,
    policy: { allowLoopbackHttp: false },
    today: () => '2025-07-25',
    now: () => new Date('2025-07-25T12:00:00Z'),
    app: { name: 'NHS Context', version: '0.0.0-test' },
  });
  const handlers = createHandlers({
    index: facts.index,
    listPacks: facts.listPacks,
    ...pipeline,
    timeline: timelineFor,
    today: () => '2025-07-25',
    notices: async () => [],
    tabs,
    manage,
  });
  const onError = vi.fn();
  const route = createRouter(handlers, { extensionId: EXT_ID, extensionOrigin: EXT_ORIGIN, onError });
  const browserCalls = [
    tabs.setBadge,
    tabs.sendToTab,
    tabs.requestTab,
    tabs.broadcast,
    tabs.injectContentScript,
    tabs.registerSite,
    fetch,
  ];
  return {
    route,
    onError,
    openStore,
    sideEffects: () =>
      db.count() +
      openStore.mock.calls.length +
      area.get.mock.calls.length +
      area.set.mock.calls.length +
      browserCalls.reduce((n, f) => n + f.mock.calls.length, 0),
    handlerRuns: () => pipeline.annotate.mock.calls.length + pipeline.lookupCard.mock.calls.length,
    writes: () => area.set.mock.calls.length + browserCalls.reduce((n, f) => n + f.mock.calls.length, 0),
    stop: () => db.restore(),
  };
}
