/**
 * The declared Dexie schema, read without Dexie internals: `declareSchema` is run against a
 * recorder that notes each `version(n).stores({...})` and whether it has an `upgrade()`. The
 * migration tests compare it with the committed snapshot (schema-snapshot.json) and use the
 * snapshot's historical stores to write databases exactly as an older release would have.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Dexie from 'dexie';
import { declareSchema } from '../../lib/facts/store.ts';

export type Stores = Record<string, string | null>;
export interface DeclaredVersion {
  stores: Stores;
  upgrade: boolean;
}
/** Version number → what it declares. */
export type SchemaHistory = Record<string, DeclaredVersion>;

export const SNAPSHOT_PATH = fileURLToPath(new URL('./schema-snapshot.json', import.meta.url));

/** Every version `declareSchema` declares, in order. */
export function declaredSchema(): SchemaHistory {
  const history: SchemaHistory = {};
  const recorder = {
    version(n: number) {
      const entry: DeclaredVersion = (history[String(n)] ??= { stores: {}, upgrade: false });
      const chain = {
        stores(stores: Stores) {
          Object.assign(entry.stores, stores);
          return chain;
        },
        upgrade() {
          entry.upgrade = true;
          return chain;
        },
      };
      return chain;
    },
  };
  declareSchema(recorder as unknown as Dexie);
  return history;
}

/** The committed snapshot. */
export function snapshotSchema(): SchemaHistory {
  return JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as SchemaHistory;
}

/** The highest declared version. */
export function latestVersion(history: SchemaHistory): number {
  return Math.max(...Object.keys(history).map(Number));
}

/** Declare versions 1…k of `history` on `db`, as the release that shipped version k did. */
export function declareUpTo(db: Dexie, history: SchemaHistory, k: number): void {
  for (const [n, { stores }] of Object.entries(history)) {
    if (Number(n) <= k) db.version(Number(n)).stores(stores);
  }
}
