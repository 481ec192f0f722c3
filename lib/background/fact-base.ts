/**
 * The background's fact base: the store is the state, the index only a cache of it, rebuilt whenever
 * a (possibly restarted) service worker first needs it; and the bundled pack's check.
 */
import { RESET_NOTICE, type FactBaseMarks } from '../facts/marks.ts';
import { validatePack } from '../facts/packs.ts';
import type { Pack } from '../facts/schema.ts';
import type { PackListing } from '../facts/store.ts';
import { createCache } from './cache.ts';

/** The bundled pack, checked like any import; a broken build fails loudly, naming JSON paths. */
export function validBundledPack(input: unknown): Pack {
  const result = validatePack(input);
  if (result.ok) return result.pack;
  const where = result.errors
    .slice(0, 3)
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ');
  throw new Error(`the bundled pack is invalid: ${where}`);
}

/** The store operations the background needs (lib/facts/store.ts). */
export interface PackStore {
  ensureBundled(pack: Pack): Promise<{ imported: boolean }>;
  loadPacks(): Promise<Pack[]>;
  listPacks(): Promise<PackListing[]>;
  /** Register a listener for the database being closed underneath (deleted, or closed by the browser). */
  onClose?(listener: () => void): void;
}

/**
 * The background's view of the fact base: the store is the state, the index a cache of it.
 * `ensureBundled` runs at most once per worker lifetime (retried if it failed) and invalidates the
 * index when it imported something; an empty store is filled before the first index is built.
 * A database closed underneath (deleted, cleared) drops every cache, so the next request reopens
 * it, refills it from the bundled pack and — when `marks` say it had been filled — leaves a notice.
 */
export function createFactBase<I, S extends PackStore = PackStore>(deps: {
  /** Opens the store; called once per worker lifetime (again after a failure or a close). */
  openStore: () => Promise<S>;
  /** The bundled pack, validated; called only when it has to be offered to the store. */
  bundled: () => Pack;
  buildIndex: (packs: Pack[]) => I;
  /** Kept outside the database: whether it was ever filled, and notices for the reader. */
  marks?: FactBaseMarks;
}) {
  const store = createCache(async () => {
    const opened = await deps.openStore();
    opened.onClose?.(() => {
      store.invalidate();
      ensured.invalidate();
      index.invalidate();
    });
    return opened;
  });
  const index = createCache(async () => {
    const db = await store.get();
    let packs = await db.loadPacks();
    if (packs.length === 0) {
      await ensured.get();
      packs = await db.loadPacks();
    }
    return deps.buildIndex(packs);
  });
  const ensured = createCache(async () => {
    const db = await store.get();
    const lost = deps.marks && (await db.listPacks()).length === 0 && (await deps.marks.wasFilled());
    const result = await db.ensureBundled(deps.bundled());
    if (result.imported) index.invalidate();
    if (lost) await deps.marks?.addNotice(RESET_NOTICE);
    await deps.marks?.setFilled();
    return result;
  });
  return {
    index: () => index.get(),
    ensureBundled: () => ensured.get(),
    listPacks: async () => (await store.get()).listPacks(),
    /** The open store (reopened after a close). */
    store: () => store.get(),
    /** Call after anything changes the store (imports, deletions). */
    invalidate: () => index.invalidate(),
  };
}
