/**
 * Subscriptions kept in the fact store: one row per subscription in the `settings` table, keyed
 * `subscription:<url>` (no schema change needed, and the row is written in the same transaction as
 * the pack it brought). Implements `SubscriptionStore` for lib/facts/subscriptions.ts.
 */
import type { FactStore } from './store.ts';
import type { SubscriptionRecord, SubscriptionStore } from './subscriptions.ts';

/** The settings-table key prefix of subscription rows. */
export const SUBSCRIPTION_KEY_PREFIX = 'subscription:';

const keyOf = (url: string) => `${SUBSCRIPTION_KEY_PREFIX}${url}`;

/** Every subscription row's value, in URL order (usable inside a caller's transaction). */
export async function readSubscriptions(store: FactStore): Promise<SubscriptionRecord[]> {
  const rows = await store.db.settings.where('key').startsWith(SUBSCRIPTION_KEY_PREFIX).toArray();
  return rows.map((r) => r.value as SubscriptionRecord);
}

/** Replace every subscription row with `records` (backup restore; call inside a transaction). */
export async function replaceSubscriptions(store: FactStore, records: SubscriptionRecord[]): Promise<void> {
  const { settings } = store.db;
  await settings.where('key').startsWith(SUBSCRIPTION_KEY_PREFIX).delete();
  await settings.bulkPut(records.map((r) => ({ key: keyOf(r.url), value: r })));
}

/** A `SubscriptionStore` over the fact store (`open` gives the background's open store). */
export function subscriptionStore(open: () => Promise<FactStore>): SubscriptionStore {
  return {
    get: async (url) => (await (await open()).db.settings.get(keyOf(url)))?.value as SubscriptionRecord | undefined,
    list: async () => readSubscriptions(await open()),
    put: async (record) => {
      await (await open()).db.settings.put({ key: keyOf(record.url), value: record });
    },
    getPack: async (id) => (await open()).getPack(id),
    commit: async (pack, record) => {
      const store = await open();
      const { db } = store;
      await db.transaction('rw', db.packs, db.chunks, db.settings, async () => {
        const row = await db.packs.get(pack.id);
        if (row?.origin === 'own') throw new Error(`The pack id '${pack.id}' is reserved for your own facts.`);
        const other = (await readSubscriptions(store)).find((s) => s.url !== record.url && s.packId === pack.id);
        if (other) throw new Error(`The pack '${pack.id}' already comes from another subscription (${other.url}).`);
        await store.importPack(pack, 'subscription', { url: record.url });
        await db.settings.put({ key: keyOf(record.url), value: record });
      });
    },
    remove: async (url) => {
      const store = await open();
      const { db } = store;
      return db.transaction('rw', db.packs, db.chunks, db.settings, async () => {
        const record = (await db.settings.get(keyOf(url)))?.value as SubscriptionRecord | undefined;
        if (!record) return { removed: false, packId: null };
        await db.settings.delete(keyOf(url));
        const row = record.packId ? await db.packs.get(record.packId) : undefined;
        const ours = row?.origin === 'subscription' && row.extra?.url === url;
        if (ours) await store.removePack(record.packId!);
        return { removed: true, packId: ours ? record.packId! : null };
      });
    },
  };
}
