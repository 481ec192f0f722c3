/**
 * Handlers for packs from files and subscriptions (extension pages only). An import is validated
 * completely before anything is written and then written in one transaction; its errors come back
 * as data, every one with its JSON path.
 */
import { planImport } from '../facts/import-file.ts';
import { importOwnPack } from '../facts/own-store.ts';
import { diffPacks, summariseDiff } from '../facts/packs.ts';
import type { Pack } from '../facts/schema.ts';
import type { SubscriptionRecord } from '../facts/subscriptions.ts';
import { installedPacks, type ManageDeps } from './manage-deps.ts';
import type { SubscriptionView } from '../protocol/manage-calls.ts';
import type { Handlers } from './router.ts';

type PackCalls =
  'importPackFile' | 'removePack' | 'subscriptions' | 'subscribe' | 'updateSubscriptions' | 'unsubscribe';

const EMPTY = { entities: [], events: [], facts: [] } as unknown as Pack;

/** The subscription record as the options page sees it (validators and digests stay inside). */
function view(r: SubscriptionRecord): SubscriptionView {
  const { etag: _e, lastModified: _m, sha256: _s, ...shown } = r;
  return shown;
}

/** Handlers for importing, removing and subscribing to packs. */
export function createPackHandlers(deps: ManageDeps): Pick<Handlers, PackCalls> {
  const list = async () => ({ subscriptions: (await deps.subscriptions.list()).map(view) });
  return {
    importPackFile: async ({ text, fileName }) => {
      const store = await deps.store();
      const installed = await installedPacks(deps);
      const plan = planImport(text, installed, deps.today());
      if (!plan.ok) return { ok: false, errors: plan.errors };
      const previous = installed.find((p) => p.id === plan.pack.id) ?? EMPTY;
      let flagsAdded = 0;
      if (plan.own) flagsAdded = (await importOwnPack(store, plan.pack, plan.flags)).flagsAdded;
      else await store.importPack(plan.pack, 'file', fileName ? { fileName } : undefined);
      deps.invalidate();
      const { id, name, version } = plan.pack;
      return {
        ok: true,
        id,
        name,
        version,
        origin: plan.own ? 'own' : 'file',
        changes: summariseDiff(diffPacks(previous, plan.pack)),
        flagsAdded,
      };
    },

    removePack: async ({ id }) => {
      const store = await deps.store();
      const listing = (await store.listPacks()).find((l) => l.meta.id === id);
      if (!listing) return { removed: false, message: `There is no pack '${id}'.` };
      if (listing.origin === 'bundled') return { removed: false, message: 'The bundled pack cannot be removed.' };
      const subscription = (await deps.subscriptions.list()).find((s) => s.packId === id);
      const removed =
        listing.origin === 'subscription' && subscription
          ? (await deps.subscriptions.unsubscribe(subscription.url)).removed
          : await store.removePack(id);
      deps.invalidate();
      await deps.restoreBundled();
      return { removed };
    },

    subscriptions: list,

    subscribe: async ({ url, integrity }) => {
      await installedPacks(deps); // an empty store gets the bundled pack first, not after
      const result = await deps.subscriptions.subscribe(url, integrity);
      return result.ok ? { ok: true, subscription: view(result.record) } : result;
    },

    updateSubscriptions: async ({ url }) => {
      const { subscriptions } = deps;
      await installedPacks(deps);
      if (url) await subscriptions.update(url);
      else await subscriptions.updateAll();
      return list();
    },

    unsubscribe: async ({ url }) => {
      const { removed } = await deps.subscriptions.unsubscribe(url);
      await deps.restoreBundled();
      return removed ? { removed } : { removed, message: 'No subscription has this URL.' };
    },
  };
}
