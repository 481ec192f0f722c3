import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CHUNK_SIZE, declareSchema, FactStore } from '../../lib/facts/store.ts';
import type { Annotation } from '../../lib/protocol/annotations.ts';
import { makePack } from './fixtures.ts';

const annotation: Annotation = { id: 'a1', start: 0, end: 3, exact: 'BMA', kind: 'entity', score: 1 };

let stores: FactStore[] = [];
/** A store on its own fresh IndexedDB, so tests cannot see each other's data. */
async function openStore(idb = new IDBFactory(), name = 'nhs-context'): Promise<FactStore> {
  const store = await FactStore.open(name, { indexedDB: idb, IDBKeyRange });
  stores.push(store);
  return store;
}

async function addUserData(store: FactStore): Promise<void> {
  await store.setSetting('sites', ['www.bbc.co.uk']);
  await store.db.flags.add({
    packId: 'nhs',
    recordId: 'nhs-f1',
    note: 'wrong date',
    createdAt: '2026-01-01T00:00:00Z',
  });
  await store.db.kept.add({ url: 'https://www.bbc.co.uk/news/1', annotation, createdAt: '2026-01-01T00:00:00Z' });
}

async function expectUserData(store: FactStore): Promise<void> {
  expect(await store.getSetting('sites')).toEqual(['www.bbc.co.uk']);
  expect(await store.db.flags.count()).toBe(1);
  expect((await store.db.kept.toArray())[0]?.annotation).toEqual(annotation);
}

afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
});

describe('FactStore', () => {
  it('imports a pack and loads it back unchanged', async () => {
    const store = await openStore();
    const pack = makePack('nhs', '1.0.0', 3, CHUNK_SIZE * 2 + 7); // facts span three chunks
    await store.importPack(pack, 'file', { fileName: 'nhs.json' });
    expect(await store.loadPacks()).toEqual([pack]);
    const [listing] = await store.listPacks();
    expect(listing).toMatchObject({
      origin: 'file',
      extra: { fileName: 'nhs.json' },
      counts: { facts: CHUNK_SIZE * 2 + 7 },
    });
    expect(listing?.meta).not.toHaveProperty('facts');
  });

  it('imports the bundled pack only when its version changes, replacing the old records', async () => {
    const store = await openStore();
    expect(await store.ensureBundled(makePack('nhs', '1.0.0', 5, 9))).toEqual({ imported: true });
    expect(await store.ensureBundled(makePack('nhs', '1.0.0', 5, 9))).toEqual({
      imported: false,
      previousVersion: '1.0.0',
    });
    const next = makePack('nhs', '1.1.0', 2, 3); // fewer records: leftovers would show
    expect(await store.ensureBundled(next)).toEqual({ imported: true, previousVersion: '1.0.0' });
    expect(await store.loadPacks()).toEqual([next]);
  });

  it('keeps a newer subscribed copy of the bundled pack', async () => {
    const store = await openStore();
    await store.importPack(makePack('nhs', '1.2.0'), 'subscription', { url: 'https://example.org/nhs.json' });
    expect(await store.ensureBundled(makePack('nhs', '1.1.0'))).toEqual({ imported: false, previousVersion: '1.2.0' });
    expect((await store.loadPacks())[0]?.version).toBe('1.2.0');
  });

  it('leaves user data and other packs untouched when a pack is re-imported or removed', async () => {
    const store = await openStore();
    await addUserData(store);
    const own = makePack('own', '0.1.0');
    await store.importPack(own, 'own');
    await store.ensureBundled(makePack('nhs', '1.0.0'));
    await store.ensureBundled(makePack('nhs', '2.0.0'));
    await expectUserData(store);
    expect(await store.removePack('nhs')).toBe(true);
    expect(await store.removePack('nhs')).toBe(false);
    expect(await store.loadPacks()).toEqual([own]);
    await expectUserData(store);
  });

  it('loads packs in override order: bundled, subscription, file, own', async () => {
    const store = await openStore();
    await store.importPack(makePack('z-own', '1.0.0'), 'own');
    await store.importPack(makePack('b-file', '1.0.0'), 'file');
    await store.importPack(makePack('a-bundled', '1.0.0'), 'bundled');
    expect((await store.loadPacks()).map((p) => p.id)).toEqual(['a-bundled', 'b-file', 'z-own']);
  });

  it('keeps the previous data intact when an import fails midway', async () => {
    const store = await openStore();
    const good = makePack('nhs', '1.0.0', 3, CHUNK_SIZE + 5);
    const other = makePack('other', '1.0.0');
    await store.importPack(good, 'bundled');
    await store.importPack(other, 'file');
    await addUserData(store);
    const bad = makePack('nhs', '2.0.0', 3, CHUNK_SIZE * 3);
    // A function cannot be stored: the write fails after the old chunks were deleted in the same transaction.
    (bad.facts[CHUNK_SIZE * 2 + 1] as unknown as { value: unknown }).value = () => 1;
    await expect(store.importPack(bad, 'bundled')).rejects.toThrow();
    expect(await store.loadPacks()).toEqual([good, other]);
    await expectUserData(store);
  });

  it('keeps user data across a reopen with a new bundled version and across a schema upgrade', async () => {
    const idb = new IDBFactory();
    const first = await openStore(idb);
    await first.ensureBundled(makePack('nhs', '1.0.0'));
    await addUserData(first);
    first.close();

    const second = await openStore(idb); // extension updated: new bundled pack
    expect((await second.ensureBundled(makePack('nhs', '1.1.0'))).imported).toBe(true);
    await expectUserData(second);
    second.close();

    // A future version 2 adds an index; version 1's data must come through.
    const upgraded = new Dexie('nhs-context', { indexedDB: idb, IDBKeyRange });
    declareSchema(upgraded);
    upgraded.version(2).stores({ kept: '++id, url, createdAt, [url+createdAt]' });
    await upgraded.open();
    expect(await upgraded.table('settings').get('sites')).toEqual({ key: 'sites', value: ['www.bbc.co.uk'] });
    expect(await upgraded.table('kept').count()).toBe(1);
    expect(await upgraded.table('packs').count()).toBe(1);
    upgraded.close();
  });

  it('imports 10,000 entities and 100,000 facts within 3 s', async () => {
    const store = await openStore();
    const big = makePack('big', '1.0.0', 10_000, 100_000);
    const t0 = performance.now();
    await store.importPack(big, 'subscription');
    const elapsed = performance.now() - t0;
    expect(elapsed).toBeLessThan(3000);
    const [loaded] = await store.loadPacks();
    expect(loaded?.facts.length).toBe(100_000);
    expect(loaded?.facts[99_999]).toEqual(big.facts[99_999]);
  }, 20_000);
});
