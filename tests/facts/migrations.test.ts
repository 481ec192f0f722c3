/**
 * Data safety across extension updates (Dexie on fake-indexeddb).
 *
 * - Schema snapshot: the stores every `version(n)` declares must equal schema-snapshot.json, so a
 *   schema change without a version bump fails here. To change the schema: add `version(n + 1)` in
 *   lib/facts/store.ts (never edit an existing one), append its entry to the snapshot, and add a
 *   fixture `migrations/v<n+1>.json` (a dump of every table as that version writes it).
 * - Migration per version: each fixture `migrations/v<k>.json` is written with the schema exactly
 *   as version k declared it (from the snapshot), then opened by the current code; every record
 *   must come through. If an `upgrade()` reshapes rows, say how in `EXPECTED_AFTER_UPGRADE`.
 * - A failing `upgrade()` leaves the old data and the old version.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { declareSchema, FactStore } from '../../lib/facts/store.ts';
import { declaredSchema, declareUpTo, latestVersion, snapshotSchema } from './schema-history.ts';

type Row = Record<string, unknown>;
interface Fixture {
  version: number;
  tables: Record<string, Row[]>;
}

const FIXTURE_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const fixtures: Fixture[] = readdirSync(FIXTURE_DIR)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(FIXTURE_DIR + f, 'utf8')) as Fixture)
  .sort((a, b) => a.version - b.version);

/**
 * How a row written by version `from` looks under the current schema. Identity while no
 * `upgrade()` reshapes data; a version that does adds its transformation here.
 */
const EXPECTED_AFTER_UPGRADE: (table: string, row: Row, from: number) => Row = (_table, row) => row;

const NAME = 'nhs-context';
let open: { close(): void }[] = [];
afterEach(() => {
  for (const db of open) db.close();
  open = [];
});

/** A database on `idb` written by the release that shipped schema version `fixture.version`. */
async function writeAsRelease(idb: IDBFactory, fixture: Fixture): Promise<void> {
  const db = new Dexie(NAME, { indexedDB: idb, IDBKeyRange });
  declareUpTo(db, snapshotSchema(), fixture.version);
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await db.table(table).bulkAdd(rows);
  });
  db.close();
}

/** Every table's rows, in primary-key order. */
async function dump(db: Dexie): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const t of db.tables) out[t.name] = (await t.toArray()) as Row[];
  return out;
}

/** The version IndexedDB itself records (Dexie stores verno × 10). */
async function idbVersion(idb: IDBFactory): Promise<number> {
  return new Promise((done, fail) => {
    const req = idb.open(NAME);
    req.onsuccess = () => {
      const v = req.result.version;
      req.result.close();
      done(v / 10);
    };
    req.onerror = () => fail(req.error);
  });
}

describe('schema snapshot', () => {
  it('declares exactly the committed schema (a change needs a new version and a snapshot entry)', () => {
    expect(declaredSchema()).toEqual(snapshotSchema());
  });

  it('has a migration fixture for every declared version', () => {
    expect(fixtures.map((f) => f.version)).toEqual(Object.keys(snapshotSchema()).map(Number));
  });

  it('has fixtures that cover every table of their version with at least one row', () => {
    const history = snapshotSchema();
    for (const fixture of fixtures) {
      const tables = Object.entries(history)
        .filter(([n]) => Number(n) <= fixture.version)
        .flatMap(([, v]) => Object.entries(v.stores))
        .reduce<Record<string, string | null>>((acc, [name, spec]) => ({ ...acc, [name]: spec }), {});
      const live = Object.keys(tables).filter((t) => tables[t] !== null);
      expect(Object.keys(fixture.tables).sort(), `v${fixture.version}`).toEqual(live.sort());
      for (const t of live) expect(fixture.tables[t]!.length, `v${fixture.version} ${t}`).toBeGreaterThan(0);
    }
  });
});

describe('migrations: a database from every released schema opens under the current code', () => {
  it.each(fixtures.map((f) => ({ fixture: f, version: f.version })))(
    'version $version → current: every record intact',
    async ({ fixture }) => {
      const idb = new IDBFactory();
      await writeAsRelease(idb, fixture);
      const store = await FactStore.open(NAME, { indexedDB: idb, IDBKeyRange });
      open.push(store);
      expect(store.db.verno).toBe(latestVersion(declaredSchema()));
      const now = await dump(store.db);
      for (const [table, rows] of Object.entries(fixture.tables)) {
        expect(now[table], table).toEqual(rows.map((r) => EXPECTED_AFTER_UPGRADE(table, r, fixture.version)));
      }
      // And through the store's own API: the packs reassemble, settings read back.
      const packs = await store.loadPacks();
      expect(packs.map((p) => p.id).sort()).toEqual((fixture.tables.packs ?? []).map((r) => r.id).sort());
      for (const row of fixture.tables.packs ?? []) {
        const pack = packs.find((p) => p.id === row.id)!;
        const counts = row.counts as { entities: number; events: number; facts: number };
        expect([pack.entities.length, pack.events.length, pack.facts.length]).toEqual([
          counts.entities,
          counts.events,
          counts.facts,
        ]);
      }
      for (const row of fixture.tables.settings ?? [])
        expect(await store.getSetting(row.key as string)).toEqual(row.value);
    },
  );

  it('a failing upgrade() leaves the old data and the old version', async () => {
    const fixture = fixtures[fixtures.length - 1]!;
    const idb = new IDBFactory();
    await writeAsRelease(idb, fixture);
    const current = latestVersion(declaredSchema());

    // A hypothetical next release whose upgrade writes, deletes, then throws half-way.
    const broken = new Dexie(NAME, { indexedDB: idb, IDBKeyRange });
    declareSchema(broken);
    broken
      .version(current + 1)
      .stores({ kept: '++id, url, createdAt, note' })
      .upgrade(async (tx) => {
        await tx.table('settings').put({ key: 'sites', value: 'clobbered' });
        await tx.table('chunks').clear();
        throw new Error('upgrade bug');
      });
    await expect(broken.open()).rejects.toThrow(/upgrade bug/);
    broken.close();

    expect(await idbVersion(idb)).toBe(current);
    const store = await FactStore.open(NAME, { indexedDB: idb, IDBKeyRange });
    open.push(store);
    expect(await dump(store.db)).toEqual(fixture.tables);
  });
});
