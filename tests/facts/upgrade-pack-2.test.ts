/**
 * An extension update from pack 1.0 (format 1) to 2.0 (format 2) keeps everything a reader made.
 * `migrations/store-pack-1.0.json` is a database written by the code that shipped pack 1.0 (commit
 * ecd9e40; how: migrations/store-pack-1.0.make.ts.txt): the bundled pack, a subscribed pack, own
 * facts, flags, a kept article, the subscription record and the reader's settings, plus a backup
 * file that code wrote. Here today's code opens it the way the background does and upgrades it.
 */
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { planRestore } from '../../lib/background/backup.ts';
import { FactIndex } from '../../lib/facts/index.ts';
import { createFactBaseMarks } from '../../lib/facts/marks.ts';
import { listFlags, readOwnPack } from '../../lib/facts/own-store.ts';
import type { Pack } from '../../lib/facts/schema.ts';
import { declareSchema, FactStore } from '../../lib/facts/store.ts';
import { readSubscriptions } from '../../lib/facts/subscription-store.ts';
import { allKept, exportKept } from '../../lib/background/kept.ts';
import { createFactBase, validBundledPack } from '../../lib/background/fact-base.ts';
import { createSettingsStore } from '../../lib/settings.ts';

type Row = Record<string, unknown>;
interface Written {
  storageLocal: Record<string, unknown>;
  tables: Record<string, Row[]>;
  backup: string;
}
const written = JSON.parse(
  readFileSync(new URL('./migrations/store-pack-1.0.json', import.meta.url), 'utf8'),
) as Written;
const bundled = validBundledPack(
  JSON.parse(readFileSync(new URL('../../assets/packs/nhs-industrial-action.json', import.meta.url), 'utf8')),
);

/** The old database, written row for row into a fresh IndexedDB. */
async function oldDatabase(): Promise<IDBFactory> {
  const idb = new IDBFactory();
  const db = new Dexie('nhs-context', { indexedDB: idb, IDBKeyRange });
  declareSchema(db);
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(written.tables)) await db.table(table).bulkAdd(rows);
  });
  db.close();
  return idb;
}

/** browser.storage.local as the old code left it. */
function oldStorage() {
  const local = structuredClone(written.storageLocal);
  return {
    local,
    area: {
      get: async (k: string) => (k in local ? { [k]: structuredClone(local[k]) } : {}),
      set: async (items: Record<string, unknown>) => void Object.assign(local, structuredClone(items)),
    },
  };
}

/** Starts the background's fact base on the old data, as after an extension update, and upgrades. */
async function upgrade() {
  const idb = await oldDatabase();
  const { area, local } = oldStorage();
  const stores: FactStore[] = [];
  const base = createFactBase({
    openStore: async () => {
      const s = await FactStore.open('nhs-context', { indexedDB: idb, IDBKeyRange });
      stores.push(s);
      return s;
    },
    bundled: () => bundled,
    buildIndex: (packs: Pack[]) => FactIndex.fromPacks(packs),
    marks: createFactBaseMarks(area),
  });
  const result = await base.ensureBundled();
  const store = await base.store();
  return { base, store, result, area, local, close: () => stores.forEach((s) => s.close()) };
}

const rows = (table: string) => written.tables[table] ?? [];

describe('upgrading a store from pack 1.0 to 2.0', () => {
  it('replaces the bundled pack with 2.0.0 and keeps the other packs', async () => {
    const { store, result, close } = await upgrade();
    expect(result.imported).toBe(true);
    const listed = await store.listPacks();
    expect(listed.map((p) => [p.meta.id, p.origin, p.meta.version])).toEqual([
      ['nhs-industrial-action', 'bundled', '2.0.0'],
      ['local-notes', 'subscription', '1.2.0'],
      ['own', 'own', '1.0.3'],
    ]);
    const packs = await store.loadPacks();
    expect(packs.every((p) => p.format === 2)).toBe(true);
    close();
  });

  it('records what changed between the two packs, by kind, for the options page', async () => {
    const { store, close } = await upgrade();
    const update = (await store.listPacks()).find((p) => p.origin === 'bundled')?.update;
    expect(update?.fromVersion).toBe('1.0.0');
    expect(update?.changes.entities.added).toContain('james-murray');
    expect(update?.changes.events.counts.added).toBeGreaterThan(50); // the old store held a slice of 1.0
    // the August 2023 consultants' strike figure was corrected in version 2 of the research
    expect(update?.changes.facts.counts.changed).toBeGreaterThan(0);
    expect(update?.changes.entities.removed).toEqual([]);
    close();
  });

  it('keeps own facts, now with tiers from their hosts', async () => {
    const { store, close } = await upgrade();
    const own = await readOwnPack(store);
    const before = rows('chunks')
      .filter((c) => c.packId === 'own')
      .flatMap((c) => c.records as Row[]);
    expect(own?.format).toBe(2);
    expect([...own!.entities, ...own!.facts].map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
    expect(own?.entities[0]).toMatchObject({ name: 'Ward 7 campaign', private: true });
    const tiers = Object.fromEntries(own!.facts.map((f) => [f.statement, f.sources.map((s) => s.tier)]));
    expect(tiers).toEqual({
      'Visited a picket line in Leeds.': ['press'], // bbc.co.uk
      'Held a vigil outside the hospital.': ['weak'], // a host the table does not know
    });
    close();
  });

  it('builds the fact index over every pack: own facts still reach the cards', async () => {
    const { base, close } = await upgrade();
    const index = await base.index();
    expect(index.factsAbout('steve-barclay').map((f) => f.statement)).toContain('Visited a picket line in Leeds.');
    expect(index.entity('james-murray')?.name).toBe('James Murray');
    close();
  });

  it('keeps flags, kept annotations, subscriptions and the settings table row for row', async () => {
    const { store, close } = await upgrade();
    expect(await store.db.flags.toArray()).toEqual(rows('flags'));
    expect((await listFlags(store)).map((f) => f.recordId).sort()).toEqual(
      rows('flags')
        .map((f) => f.recordId)
        .sort(),
    );
    expect(await store.db.kept.toArray()).toEqual(rows('kept'));
    expect(await store.db.settings.toArray()).toEqual(rows('settings'));
    expect(await readSubscriptions(store)).toEqual(rows('settings').map((r) => r.value));
    const sub = await store.getPack('local-notes');
    expect(sub?.origin).toBe('subscription');
    expect(sub?.pack.facts[0]?.sources[0]).toMatchObject({ publisher: 'BBC News', tier: 'press' });
    close();
  });

  it('keeps the reader’s settings and leaves no "fact base was reset" notice', async () => {
    const { area, local, close } = await upgrade();
    expect(await createSettingsStore(area).load()).toEqual(written.storageLocal.settings);
    expect(local.settings).toEqual(written.storageLocal.settings);
    expect(await createFactBaseMarks(area).notices()).toEqual([]);
    close();
  });

  it('reads kept articles saved without tiers with their hosts’ tiers, and exports them so', async () => {
    const { store, close } = await upgrade();
    const [article] = await allKept(store);
    expect(article?.annotations.length).toBe((rows('kept')[0]!.annotations as unknown[]).length);
    const sources = article!.cards.flatMap((c) => [...c.sources, ...c.facts.flatMap((f) => f.sources)]);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => ['primary', 'press', 'copy', 'weak'].includes(s.tier))).toBe(true);
    const md = exportKept([article!], 'md', {
      created: '2026-12-04T00:00:00.000Z',
      appName: 'NHS Context',
      appVersion: '0.1.0',
    });
    expect(md.text).toMatch(/\((primary|press)\)/);
    close();
  });

  it('restores a backup written by the old code (own pack in format 1, kept cards without tiers)', async () => {
    const { store, close } = await upgrade();
    const plan = planRestore(written.backup, await store.loadPacks(), '2026-12-04');
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.plan.ownPack?.format).toBe(2);
    expect(plan.plan.ownPack?.facts).toHaveLength(2);
    expect(plan.plan.flags).toHaveLength(2);
    expect(plan.plan.kept).toHaveLength(1);
    expect(plan.plan.kept[0]!.cards!.every((c) => c.sources.every((s) => s.tier !== undefined))).toBe(true);
    close();
  });

  it('a second start imports nothing and reports no new update', async () => {
    const { base, store, close } = await upgrade();
    const first = (await store.listPacks()).find((p) => p.origin === 'bundled')?.update;
    expect((await (await base.store()).ensureBundled(bundled)).imported).toBe(false);
    expect((await store.listPacks()).find((p) => p.origin === 'bundled')?.update).toEqual(first);
    close();
  });
});
