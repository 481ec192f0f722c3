/**
 * The fact base on disk: a Dexie (IndexedDB) database owned by the background. Besides lib/page,
 * this is the only lib file that touches a browser API; under Node it runs on fake-indexeddb.
 *
 * Packs are stored as one metadata row plus chunks of ~2,000 records: one row per fact would make
 * importing 100,000 facts take many seconds, and lookups never hit Dexie anyway (the FactIndex is
 * built in memory from `loadPacks()`). User data (settings, flags, kept annotations) lives in its
 * own tables that pack imports never touch.
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { AnnotateResult, Annotation, Card } from '../protocol/annotations.ts';
import { readStoredPack, type PackV1 } from './format-v1.ts';
import { diffPacks, summariseDiff, type Changes } from './packs.ts';
import type { Entity, Event, Fact, Pack, PackMeta } from './schema.ts';

export type PackOrigin = 'bundled' | 'file' | 'subscription' | 'own';
export type JsonScalar = string | number | boolean | null;

/** One row per stored pack. */
export interface PackRow {
  id: string;
  meta: PackMeta;
  origin: PackOrigin;
  /** ISO timestamp of the import. */
  importedAt: string;
  /** Number of chunk rows written (seq 0…chunks-1). */
  chunks: number;
  counts: { entities: number; events: number; facts: number };
  /** Origin details, e.g. a subscription's URL and ETag. */
  extra?: Record<string, JsonScalar>;
  /** What the last update of the bundled pack changed (options page, Packs). */
  update?: PackUpdate;
}

/** An update of a stored pack to a new version: from which version, when, and what changed. */
export interface PackUpdate {
  fromVersion: string;
  /** ISO timestamp. */
  at: string;
  changes: Changes;
}

/** A slice of one pack's records, in pack order. */
export type ChunkRow = { packId: string; seq: number } & (
  { kind: 'entities'; records: Entity[] } | { kind: 'events'; records: Event[] } | { kind: 'facts'; records: Fact[] }
);

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A reader's flag on a pack record ("this looks wrong"). */
export interface FlagRow {
  id?: number;
  packId: string;
  recordId: string;
  note?: string;
  createdAt: string;
}

/**
 * One article kept by the opt-in "keep annotations" setting, with what exports need to rebuild its
 * annotations (cards, claims, text). Version 1 rows held one `annotation`; lib/background/kept.ts reads both.
 */
export interface KeptRow {
  id?: number;
  url: string;
  title?: string;
  /** The article's date (ISO); `packVersion` is FactIndex.packVersion at the time. */
  date?: string;
  publishedFrom?: AnnotateResult['page']['publishedFrom'];
  annotations?: Annotation[];
  claims?: Annotation[];
  cards?: Card[];
  text?: string;
  packVersion?: string;
  annotation?: Annotation;
  note?: string;
  createdAt: string;
}

/** A stored pack as the options page lists it. */
export type PackListing = Pick<PackRow, 'meta' | 'origin' | 'importedAt' | 'counts' | 'extra' | 'update'>;

/** Records per chunk: large enough to keep row counts small, small enough to clone quickly. */
export const CHUNK_SIZE = 2000;

/** Load order: later packs override earlier records with the same id, so own facts come last. */
const ORIGIN_ORDER: Record<PackOrigin, number> = { bundled: 0, subscription: 1, file: 2, own: 3 };

/**
 * Declares every schema version. Versions are only ever added (never edited), each with an upgrade
 * when data must move, so user data survives extension updates.
 */
export function declareSchema(db: Dexie): void {
  db.version(1).stores({
    // primary key: pack id; index `origin`: find the bundled pack and the subscriptions
    packs: 'id, origin',
    // compound primary key [packId+seq]: one pack's chunks are a key range, read and deleted in order
    chunks: '[packId+seq]',
    // primary key: setting name
    settings: 'key',
    // auto-increment key; index [packId+recordId]: the flags on one record
    flags: '++id, [packId+recordId]',
    // auto-increment key; index `url`: a page's kept annotations; index `createdAt`: newest first
    kept: '++id, url, createdAt',
  });
}

/** The Dexie database; tables are typed from the zod-inferred pack types. */
export class NhsContextDb extends Dexie {
  packs!: Table<PackRow, string>;
  chunks!: Table<ChunkRow, [string, number]>;
  settings!: Table<SettingRow, string>;
  flags!: Table<FlagRow, number>;
  kept!: Table<KeptRow, number>;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    declareSchema(this);
  }
}

/** Splits a pack's records into chunk rows (done before the write transaction starts). */
export function chunkPack(pack: Pack, size = CHUNK_SIZE): ChunkRow[] {
  const rows: ChunkRow[] = [];
  const add = <K extends ChunkRow['kind']>(kind: K, list: readonly unknown[]) => {
    for (let i = 0; i < list.length; i += size) {
      rows.push({ packId: pack.id, seq: rows.length, kind, records: list.slice(i, i + size) } as ChunkRow);
    }
  };
  add('entities', pack.entities);
  add('events', pack.events);
  add('facts', pack.facts);
  return rows;
}

function metaOf(pack: Pack): PackMeta {
  const { entities: _e, events: _v, facts: _f, ...meta } = pack;
  return meta;
}

/** -1, 0 or 1 comparing "1.2.10" with "1.10.0" numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The browser refused a write for lack of space; the transaction was rolled back, nothing kept. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(cause?: unknown) {
    super(
      'Storage full: the browser has no more space for the fact base, so nothing was saved. Free some disk space or remove packs you no longer need, then try again.',
      { cause },
    );
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** True for a quota failure however Dexie wrapped it (BulkError failures, AbortError inner, cause). */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof e.name === 'string' && QUOTA_NAMES.has(e.name)) return true;
  const failures = Array.isArray(e.failures)
    ? e.failures
    : e.failures && typeof e.failures === 'object'
      ? Object.values(e.failures)
      : [];
  return [e.inner, e.cause, ...failures].some((inner) => isQuotaExceeded(inner, depth + 1));
}

/** Run a write; a quota failure becomes a `StorageFullError` (the write's transaction rolled back). */
export async function storageFullOnQuota<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isQuotaExceeded(error) ? new StorageFullError(error) : error;
  }
}

/** The background's fact store. Validate packs (packs.ts) before importing them. */
export class FactStore {
  private constructor(readonly db: NhsContextDb) {}

  /** Opens (creating or upgrading) the database. `options` can supply an IndexedDB for tests. */
  static async open(name = 'nhs-context', options?: DexieOptions): Promise<FactStore> {
    const db = new NhsContextDb(name, options);
    await db.open();
    return new FactStore(db);
  }

  /**
   * Imports the bundled pack unless the same version is already stored as bundled, or a copy of
   * the same pack at the same or a newer version came from a subscription or a file.
   */
  async ensureBundled(pack: Pack): Promise<{ imported: boolean; previousVersion?: string }> {
    const row = await this.db.packs.get(pack.id);
    const previous = row ? { previousVersion: row.meta.version } : {};
    if (row?.origin === 'bundled' && row.meta.version === pack.version) return { imported: false, ...previous };
    if (row && row.origin !== 'bundled' && compareVersions(row.meta.version, pack.version) >= 0) {
      return { imported: false, ...previous };
    }
    // An extension update brings a new bundled pack: remember what changed, for the options page.
    const before = row?.origin === 'bundled' ? await this.getPack(pack.id) : undefined;
    const update: PackUpdate | undefined = before && {
      fromVersion: before.pack.version,
      at: new Date().toISOString(),
      changes: summariseDiff(diffPacks(before.pack, pack)),
    };
    await this.importPack(pack, 'bundled', undefined, update);
    return { imported: true, ...previous };
  }

  /**
   * Replaces every stored record of `pack.id` with `pack`, all or nothing: one read-write
   * transaction over packs and chunks, with only its own requests inside (awaiting anything else
   * would let IndexedDB commit it early). Other packs and all user data are left alone.
   */
  async importPack(
    pack: Pack,
    origin: PackOrigin,
    extra?: Record<string, JsonScalar>,
    update?: PackUpdate,
  ): Promise<void> {
    const chunks = chunkPack(pack);
    const row: PackRow = {
      id: pack.id,
      meta: metaOf(pack),
      origin,
      importedAt: new Date().toISOString(),
      chunks: chunks.length,
      counts: { entities: pack.entities.length, events: pack.events.length, facts: pack.facts.length },
      ...(extra ? { extra } : {}),
      ...(update ? { update } : {}),
    };
    const { packs, chunks: table } = this.db;
    await storageFullOnQuota(() =>
      this.db.transaction('rw', packs, table, async () => {
        await table.where('[packId+seq]').between([pack.id, Dexie.minKey], [pack.id, Dexie.maxKey]).delete();
        await table.bulkAdd(chunks);
        await packs.put(row);
      }),
    );
  }

  /** Every stored pack, reassembled, in load order (bundled, subscriptions, files, own; then id). */
  async loadPacks(): Promise<Pack[]> {
    const { packs, chunks } = this.db;
    const [rows, all] = await this.db.transaction('r', packs, chunks, () =>
      Promise.all([packs.toArray(), chunks.toArray()]),
    );
    const byPack = new Map<string, ChunkRow[]>();
    for (const c of all) {
      const list = byPack.get(c.packId);
      if (list) list.push(c);
      else byPack.set(c.packId, [c]);
    }
    return sortRows(rows).map((row) => assemble(row, byPack.get(row.id) ?? []));
  }

  /** One stored pack, reassembled, with its origin; undefined when absent. Nests in a caller's transaction. */
  async getPack(id: string): Promise<{ pack: Pack; origin: PackOrigin } | undefined> {
    const { packs, chunks } = this.db;
    return this.db.transaction('r', packs, chunks, async () => {
      const row = await packs.get(id);
      if (!row) return undefined;
      const list = await chunks.where('[packId+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
      return { pack: assemble(row, list), origin: row.origin };
    });
  }

  /** Metadata of every stored pack, in load order. */
  async listPacks(): Promise<PackListing[]> {
    return sortRows(await this.db.packs.toArray()).map(({ meta, origin, importedAt, counts, extra, update }) => ({
      meta,
      origin,
      importedAt,
      counts,
      ...(extra ? { extra } : {}),
      ...(update ? { update } : {}),
    }));
  }

  /** Deletes a pack and its records atomically; returns whether it existed. */
  async removePack(id: string): Promise<boolean> {
    const { packs, chunks } = this.db;
    return this.db.transaction('rw', packs, chunks, async () => {
      const existed = (await packs.get(id)) !== undefined;
      await chunks.where('[packId+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]).delete();
      await packs.delete(id);
      return existed;
    });
  }

  /** A stored setting, or undefined. */
  async getSetting<T = unknown>(key: string): Promise<T | undefined> {
    return (await this.db.settings.get(key))?.value as T | undefined;
  }

  /** Stores a setting (any structured-cloneable value). */
  async setSetting(key: string, value: unknown): Promise<void> {
    await storageFullOnQuota(() => this.db.settings.put({ key, value }));
  }

  /**
   * `listener` runs when the connection is closed underneath: the database was deleted (Dexie
   * closes on `versionchange`) or the browser closed it. Not called for `close()`.
   */
  onClose(listener: () => void): void {
    this.db.on('close', listener);
  }

  /** Closes the database connection. */
  close(): void {
    this.db.close();
  }
}

function sortRows(rows: PackRow[]): PackRow[] {
  return [...rows].sort(
    (a, b) => ORIGIN_ORDER[a.origin] - ORIGIN_ORDER[b.origin] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function assemble(row: PackRow, chunks: ChunkRow[]): Pack {
  const entities: Entity[] = [];
  const events: Event[] = [];
  const facts: Fact[] = [];
  // Chunks arrive in primary-key order ([packId+seq]), i.e. the pack's own order.
  for (const c of chunks) {
    if (c.kind === 'entities') entities.push(...c.records);
    else if (c.kind === 'events') events.push(...c.records);
    else facts.push(...c.records);
  }
  // Rows written before pack format 2 are upgraded as they are read (format-v1.ts).
  return readStoredPack({ ...row.meta, entities, events, facts } as Pack | PackV1);
}
