/**
 * The own-facts pack and the reader's flags in the fact store. Each change is one Dexie
 * transaction that reads the current own pack, applies a synchronous edit (lib/facts/own.ts) and
 * writes the result — nothing else is awaited inside, so a concurrent edit cannot be lost and a
 * failed one leaves the previous pack.
 *
 * The own pack's file is the pack itself plus a top-level `flags` list (the reader's "this looks
 * wrong" marks, on any pack's records). Any pack reader ignores the extra key; ours imports it.
 */
import * as z from 'zod';
import { OWN_PACK_ID, type EditResult } from './own.ts';
import type { Pack } from './schema.ts';
import type { FactStore, FlagRow } from './store.ts';

/** A flag as exported and imported (the store's row without its local id). */
export const FlagRecord = z.object({
  packId: z.string().min(1).max(120),
  recordId: z.string().min(1).max(200),
  note: z.string().max(2000).optional(),
  createdAt: z.string().min(1).max(40),
});
/** A flag as exported. */
export type FlagRecord = z.infer<typeof FlagRecord>;

/** The top-level key of the flags in an own-pack file. */
export const FLAGS_KEY = 'flags';

/** The stored own pack, if any (nests in a caller's transaction). */
export async function readOwnPack(store: FactStore): Promise<Pack | undefined> {
  return (await store.getPack(OWN_PACK_ID))?.pack;
}

/** Applies `edit` to the own pack in one transaction; writes only when it succeeds. */
export async function editOwnPack(
  store: FactStore,
  edit: (current: Pack | undefined) => EditResult,
): Promise<EditResult> {
  const { db } = store;
  return db.transaction('rw', db.packs, db.chunks, async () => {
    const result = edit(await readOwnPack(store));
    if (result.ok) await store.importPack(result.pack, 'own');
    return result;
  });
}

/** Replaces the own pack and adds the flags not already stored, in one transaction. */
export async function importOwnPack(
  store: FactStore,
  pack: Pack,
  flags: FlagRecord[],
): Promise<{ flagsAdded: number }> {
  const { db } = store;
  return db.transaction('rw', db.packs, db.chunks, db.flags, async () => {
    await store.importPack(pack, 'own');
    const have = new Set((await db.flags.toArray()).map(flagKey));
    const fresh = flags.filter((f) => !have.has(flagKey(f)));
    await db.flags.bulkAdd(fresh.map(toRow));
    return { flagsAdded: fresh.length };
  });
}

/** The own-pack file: the pack's JSON with the flags beside its records. */
export function ownPackFile(pack: Pack, flags: FlagRow[]): string {
  return `${JSON.stringify({ ...pack, [FLAGS_KEY]: flags.map(toRecord) }, null, 2)}\n`;
}

/** The flags in a parsed own-pack file; errors carry JSON paths like `$.flags[2].recordId`. */
export function flagsOf(
  root: unknown,
): { ok: true; flags: FlagRecord[] } | { ok: false; errors: { path: string; message: string }[] } {
  const raw = root && typeof root === 'object' ? (root as Record<string, unknown>)[FLAGS_KEY] : undefined;
  if (raw === undefined) return { ok: true, flags: [] };
  const parsed = z.array(FlagRecord).max(100_000).safeParse(raw);
  if (parsed.success) return { ok: true, flags: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => ({
      path: `$.${FLAGS_KEY}${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`,
      message: i.message,
    })),
  };
}

/** Every flag, newest first. */
export async function listFlags(store: FactStore): Promise<FlagRow[]> {
  return (await store.db.flags.toArray()).reverse();
}

/** Stores a flag; returns it with its id. */
export async function addFlag(store: FactStore, flag: FlagRecord): Promise<FlagRow> {
  const id = await store.db.flags.add(toRow(flag));
  return { ...toRow(flag), id };
}

/** Deletes one flag; whether it existed. */
export async function removeFlag(store: FactStore, id: number): Promise<boolean> {
  const { flags } = store.db;
  return store.db.transaction('rw', flags, async () => {
    const existed = (await flags.get(id)) !== undefined;
    await flags.delete(id);
    return existed;
  });
}

function toRow(f: FlagRecord): FlagRow {
  return { packId: f.packId, recordId: f.recordId, ...(f.note ? { note: f.note } : {}), createdAt: f.createdAt };
}

function toRecord(f: FlagRow): FlagRecord {
  return { packId: f.packId, recordId: f.recordId, ...(f.note ? { note: f.note } : {}), createdAt: f.createdAt };
}

function flagKey(f: FlagRecord | FlagRow): string {
  return `${f.packId}\u0000${f.recordId}\u0000${f.createdAt}`;
}
