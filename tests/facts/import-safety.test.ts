/**
 * Data safety of pack imports (Dexie on fake-indexeddb): one transaction with nothing else awaited
 * inside, all-or-nothing for a 10,000-record pack whose last record is bad, a clear "storage full"
 * error with nothing partial when the quota runs out, and a database deleted underneath rebuilt
 * from the bundled pack with a notice.
 */
import { IDBDatabase, IDBFactory, IDBKeyRange, IDBObjectStore, IDBTransaction } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FactIndex } from '../../lib/facts/index.ts';
import { createFactBaseMarks, RESET_NOTICE } from '../../lib/facts/marks.ts';
import { parsePackText } from '../../lib/facts/packs.ts';
import { FactStore, isQuotaExceeded, StorageFullError } from '../../lib/facts/store.ts';
import { createPageHandlers } from '../../lib/background/handlers.ts';
import { createFactBase } from '../../lib/background/fact-base.ts';
import type { SettingsArea } from '../../lib/settings.ts';
import { makePack } from './fixtures.ts';

let stores: FactStore[] = [];
afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
});
async function openStore(idb = new IDBFactory()): Promise<FactStore> {
  const store = await FactStore.open('nhs-context', { indexedDB: idb, IDBKeyRange });
  stores.push(store);
  return store;
}

/** Every row of every table, for before/after comparisons. */
async function snapshot(store: FactStore): Promise<unknown> {
  return Object.fromEntries(await Promise.all(store.db.tables.map(async (t) => [t.name, await t.toArray()])));
}

/**
 * Make the `n`-th add/put from now fail the way a browser does when the quota runs out: the
 * request fires an error event with a QuotaExceededError and the transaction aborts. (This reaches
 * into fake-indexeddb 6's queue of pending requests, the one place to inject an asynchronous failure.)
 */
function failWriteWithQuota(n: number): void {
  let count = 0;
  for (const method of ['add', 'put'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = original.apply(this, args as [unknown, IDBValidKey?]);
      if (++count === n) {
        const queue = (this.transaction as unknown as { _requests: { operation: () => unknown }[] })._requests;
        queue[queue.length - 1]!.operation = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      }
      return request;
    });
  }
}

describe('pack import is one transaction', () => {
  it('opens exactly one read-write transaction, over packs and chunks, and makes every request in it', async () => {
    // Dexie binds `transaction` when it opens the database: spy first.
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const store = await openStore();
    await store.importPack(makePack('nhs', '1.0.0', 50, 5000), 'file');
    transactions.mockClear();
    const requestsOn = new Set<unknown>();
    for (const method of [
      'add',
      'put',
      'delete',
      'clear',
      'openCursor',
      'openKeyCursor',
      'get',
      'getAll',
      'count',
    ] as const) {
      const original = IDBObjectStore.prototype[method] as (...a: unknown[]) => unknown;
      vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
        this: IDBObjectStore,
        ...args: unknown[]
      ) {
        requestsOn.add(this.transaction);
        return original.apply(this, args);
      } as never);
    }
    // Nothing outside IndexedDB may be awaited while the transaction is open: it would let
    // IndexedDB commit early and split the import in two.
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const fetches = vi.spyOn(globalThis, 'fetch');

    await store.importPack(makePack('nhs', '2.0.0', 50, 5000), 'file');

    expect(transactions).toHaveBeenCalledTimes(1);
    const [scope, mode] = transactions.mock.calls[0]!;
    expect([...(Array.isArray(scope) ? scope : [scope])].sort()).toEqual(['chunks', 'packs']);
    expect(mode).toBe('readwrite');
    expect(requestsOn.size).toBe(1);
    expect([...requestsOn][0]).toBeInstanceOf(IDBTransaction);
    expect(timers).not.toHaveBeenCalled();
    expect(fetches).not.toHaveBeenCalled();
  });
});

describe('all or nothing', () => {
  it('a 10,000-record pack whose last record is invalid is refused, naming that record, and writes nothing', async () => {
    const store = await openStore();
    const previous = makePack('nhs', '1.0.0', 3, 10);
    await store.importPack(previous, 'file');
    const before = await snapshot(store);

    const pack = makePack('nhs', '2.0.0', 100, 9_899); // 100 + 1 event + 9,899 facts = 10,000 records
    const last = pack.facts[9_898]!;
    last.sources = [{ ...last.sources[0]!, url: 'javascript:alert(1)' }];
    const result = parsePackText(JSON.stringify(pack));
    expect(result).toEqual({
      ok: false,
      errors: [{ path: '$.facts[9898].sources[0].url', message: 'expected an http(s) URL' }],
    });
    if (result.ok) await store.importPack(result.pack, 'file'); // what every import path does
    expect(await snapshot(store)).toEqual(before);
  });

  it('a 10,000-record pack whose last record cannot be stored leaves the previous pack exactly as it was', async () => {
    const store = await openStore();
    await store.importPack(makePack('nhs', '1.0.0', 3, 10), 'file');
    await store.setSetting('kept', 'user data');
    const before = await snapshot(store);
    const pack = makePack('nhs', '2.0.0', 100, 9_899);
    (pack.facts[9_898] as unknown as { value: unknown }).value = () => 'not cloneable';
    await expect(store.importPack(pack, 'file')).rejects.toThrow();
    expect(await snapshot(store)).toEqual(before);
  });
});

describe('quota exceeded', () => {
  it('fails with a clear "storage full" error and keeps nothing partial', async () => {
    const store = await openStore();
    await store.importPack(makePack('nhs', '1.0.0', 3, 10), 'file');
    const before = await snapshot(store);
    failWriteWithQuota(3); // the third chunk of the new pack
    const error = await store.importPack(makePack('nhs', '2.0.0', 10, 10_000), 'file').catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(/^Storage full: .*nothing was saved/);
    expect(await snapshot(store)).toEqual(before);
    // And the store still works once space is back.
    await store.importPack(makePack('nhs', '3.0.0', 3, 10), 'file');
    expect((await store.loadPacks())[0]!.version).toBe('3.0.0');
  });

  it('reports a synchronous quota failure, and one on the last write, the same way', async () => {
    const store = await openStore();
    const before = await snapshot(store);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    await expect(store.importPack(makePack('nhs', '1.0.0'), 'file')).rejects.toBeInstanceOf(StorageFullError);
    await expect(store.setSetting('a', 1)).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await snapshot(store)).toEqual(before);
  });

  it('recognises quota errors however Dexie wraps them, and nothing else', () => {
    const quota = new DOMException('q', 'QuotaExceededError');
    expect(isQuotaExceeded(quota)).toBe(true);
    expect(isQuotaExceeded({ name: 'BulkError', failures: [new Error('x'), quota] })).toBe(true);
    expect(isQuotaExceeded({ name: 'BulkError', failures: { 3: quota } })).toBe(true);
    expect(isQuotaExceeded({ name: 'AbortError', inner: { name: 'NS_ERROR_DOM_QUOTA_REACHED' } })).toBe(true);
    expect(isQuotaExceeded(new Error('x', { cause: quota }))).toBe(true);
    expect(isQuotaExceeded(new DOMException('x', 'DataCloneError'))).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop;
    expect(isQuotaExceeded(loop)).toBe(false);
  });
});

describe('a database deleted underneath', () => {
  function memoryArea(): SettingsArea {
    const data: Record<string, unknown> = {};
    return {
      get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
      set: async (items) => void Object.assign(data, structuredClone(items)),
    };
  }

  function worker(idb: IDBFactory, area: SettingsArea) {
    const marks = createFactBaseMarks(area);
    const facts = createFactBase({
      openStore: () => openStore(idb),
      bundled: () => makePack('bundled', '1.0.0', 3, 5),
      buildIndex: (packs) => FactIndex.fromPacks(packs),
      marks,
    });
    const handlers = createPageHandlers({
      index: facts.index,
      listPacks: facts.listPacks,
      annotate: () => ({ page: {}, annotations: [], cards: [], claims: [] }) as never,
      lookupCard: () => null,
      timeline: () => [],
      today: () => '2025-07-25',
      notices: marks.notices,
      keep: async () => false,
    });
    return { facts, status: () => handlers.status({ type: 'status' }, { senderClass: 'extension-page', sender: {} }) };
  }

  const deleteDatabase = (idb: IDBFactory) =>
    new Promise<void>((done, fail) => {
      const req = idb.deleteDatabase('nhs-context');
      req.onsuccess = () => done();
      req.onerror = () => fail(req.error);
    });

  it('a fresh install fills the store without a notice', async () => {
    const status = await worker(new IDBFactory(), memoryArea()).status();
    expect(status.packs.map((p) => p.id)).toEqual(['bundled']);
    expect(status.notices).toBeUndefined();
  });

  it('while the worker runs: recreated, the bundled pack re-imported, and a notice', async () => {
    const idb = new IDBFactory();
    const area = memoryArea();
    const w = worker(idb, area);
    await w.facts.ensureBundled();
    const store = await openStore(idb);
    await store.importPack(makePack('mine', '1.0.0'), 'own');
    store.close();
    w.facts.invalidate();
    expect((await w.status()).packs.map((p) => p.id)).toEqual(['bundled', 'mine']);

    // Dexie says it is closing for the deletion; that is the expected path, not noise to show.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await deleteDatabase(idb);

    const status = await w.status();
    expect(status.packs.map((p) => p.id)).toEqual(['bundled']);
    expect(status.entityCount).toBe(3);
    expect(status.notices).toEqual([RESET_NOTICE]);
  });

  it('while the worker was stopped: the next worker rebuilds it and leaves a notice', async () => {
    const idb = new IDBFactory();
    const area = memoryArea();
    await worker(idb, area).facts.ensureBundled();
    for (const s of stores) s.close();
    await deleteDatabase(idb);

    const next = worker(idb, area);
    await next.facts.ensureBundled(); // runtime.onStartup
    const status = await next.status();
    expect(status.packs.map((p) => p.id)).toEqual(['bundled']);
    expect(status.notices).toEqual([RESET_NOTICE]);
  });
});
