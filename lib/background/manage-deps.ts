/**
 * What the handlers of the extension-page calls (lib/protocol/manage-calls.ts) need: the store,
 * index, settings and clock, which entrypoints/background.ts fills in through `createManageDeps`.
 * A module of its own so the handler modules import it, not each other.
 */
import type { FetchLike, UrlPolicy } from '../facts/fetch-pack.ts';
import type { FactIndex } from '../facts/index.ts';
import type { Pack } from '../facts/schema.ts';
import type { FactStore } from '../facts/store.ts';
import { subscriptionStore } from '../facts/subscription-store.ts';
import { createSubscriptions, type Subscriptions } from '../facts/subscriptions.ts';
import type { manageCalls } from '../protocol/manage-calls.ts';
import type { SettingsStore } from '../settings.ts';

/** The calls answered here. */
export type ManageCallName = keyof typeof manageCalls;

/** What the handlers need. */
export interface ManageDeps {
  /** The background's open fact store. */
  store: () => Promise<FactStore>;
  /** The current index (rebuilt after `invalidate`). */
  index: () => Promise<FactIndex>;
  /** Call after the packs changed: the index is rebuilt on next use, so cards show the change. */
  invalidate: () => void;
  /** Put the bundled pack back if a removal left its id empty. */
  restoreBundled: () => Promise<void>;
  subscriptions: Subscriptions;
  settings: SettingsStore;
  /** Tell open pages to re-read their settings (after a restore). */
  onSettingsChanged?: () => Promise<void>;
  today: () => string;
  now: () => Date;
  /** The extension's name and version, for file stamps. */
  app: { name: string; version: string };
}

/**
 * Every stored pack, after the fact base was first filled (building the index imports the bundled
 * pack into an empty store), so edits and imports see what the reader sees.
 */
export async function installedPacks(deps: ManageDeps): Promise<Pack[]> {
  await deps.index();
  return (await deps.store()).loadPacks();
}

/** What the background has, from which `createManageDeps` builds the handlers' deps. */
export interface ManageWiring {
  facts: { store: () => Promise<FactStore>; index: () => Promise<FactIndex>; invalidate: () => void };
  bundled: () => Pack;
  settings: SettingsStore;
  /** The only network access: subscriptions the reader asked for. */
  fetch: FetchLike;
  policy: UrlPolicy;
  today: () => string;
  now?: () => Date;
  app: { name: string; version: string };
  onSettingsChanged?: () => Promise<void>;
}

/** Builds `ManageDeps`, with the subscription manager over the same store. */
export function createManageDeps(w: ManageWiring): ManageDeps {
  const now = w.now ?? (() => new Date());
  return {
    store: w.facts.store,
    index: w.facts.index,
    invalidate: w.facts.invalidate,
    restoreBundled: async () => {
      if ((await (await w.facts.store()).ensureBundled(w.bundled())).imported) w.facts.invalidate();
    },
    subscriptions: createSubscriptions({
      fetch: w.fetch,
      now,
      store: subscriptionStore(w.facts.store),
      policy: w.policy,
      onPacksChanged: w.facts.invalidate,
    }),
    settings: w.settings,
    ...(w.onSettingsChanged ? { onSettingsChanged: w.onSettingsChanged } : {}),
    today: w.today,
    now,
    app: w.app,
  };
}
