/**
 * Bundled by the bench (esbuild, IIFE) and evaluated in an extension page of the production build
 * (chrome-extension://ID/options.html) through the DevTools protocol: the extension itself gets no
 * test hook. Imports a pack with the real FactStore (Dexie) into Chromium's IndexedDB, in databases
 * of its own (deleted afterwards), never the extension's `nhs-context` database.
 */
import Dexie from 'dexie';
import bundled from '../../assets/packs/nhs-industrial-action.json';
import type { Pack } from '../../lib/facts/schema.ts';
import { FactStore } from '../../lib/facts/store.ts';
import { syntheticPack } from '../generate.ts';

let synthetic: Pack | null = null;
const packOf = (which: 'bundled' | 'synthetic'): Pack =>
  which === 'bundled' ? (bundled as unknown as Pack) : (synthetic ??= syntheticPack(10_000, 100_000, 7));

/** importPack into a fresh database; milliseconds for the import transaction only. */
async function importPack(which: 'bundled' | 'synthetic', run: number): Promise<number> {
  const pack = packOf(which);
  const name = `nhs-context-bench-${which}-${run}`;
  await Dexie.delete(name);
  const store = await FactStore.open(name);
  try {
    const t = performance.now();
    await store.importPack(pack, 'file');
    return performance.now() - t;
  } finally {
    store.close();
    await Dexie.delete(name);
  }
}

/** The anchor: structured-cloning the same records (IndexedDB must do at least this). */
function cloneMs(which: 'bundled' | 'synthetic'): number {
  const pack = packOf(which);
  const t = performance.now();
  structuredClone([pack.entities, pack.events, pack.facts]);
  return performance.now() - t;
}

(globalThis as Record<string, unknown>).__nhsBenchStore = {
  importPack,
  cloneMs,
  prepare: (w: 'bundled' | 'synthetic') => packOf(w).facts.length,
};
