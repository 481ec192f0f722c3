/**
 * Handlers for search, kept annotations and backup (extension pages only), and the hook that keeps
 * an annotated article when — and only when — the reader turned "keep annotations" on.
 */
import type { AnnotateResult } from '../protocol/annotations.ts';
import type { PageText } from '../protocol/page-text.ts';
import { applyRestore, buildBackup, planRestore } from './backup.ts';
import { buildCard } from '../detect/card-data.ts';
import { readOwnPack } from '../facts/own-store.ts';
import { readSubscriptions } from '../facts/subscription-store.ts';
import { allKept, deleteKept, exportKept, keepArticle, keptRowFor, listKept } from './kept.ts';
import { installedPacks, type ManageDeps } from './manage-deps.ts';
import type { CallContext, Handlers } from './router.ts';
import { searchFacts } from './search.ts';

type DataCalls = 'search' | 'keptList' | 'keptDelete' | 'keptExport' | 'backup' | 'restore';

/**
 * After a content script's annotate call: keep the article if the reader asked for it. Never from
 * extension pages, never from private windows, never when nothing was found.
 */
export async function keepIfWanted(
  deps: ManageDeps,
  page: PageText,
  result: AnnotateResult,
  context: CallContext,
): Promise<boolean> {
  if (context.senderClass !== 'content-script') return false;
  if ((context.sender.tab as { incognito?: unknown } | undefined)?.incognito === true) return false;
  if (result.annotations.length === 0 && result.claims.length === 0) return false;
  if (!(await deps.settings.load()).keepAnnotations) return false;
  await keepArticle(await deps.store(), keptRowFor(page, result, deps.now()));
  return true;
}

/** Handlers for search, kept annotations, backup and restore. */
export function createDataHandlers(deps: ManageDeps): Pick<Handlers, DataCalls> {
  return {
    search: async ({ query, date }) => {
      const index = await deps.index();
      const today = deps.today();
      return { hits: searchFacts(index, query, (id) => buildCard(index, id, date ?? today, today)) };
    },

    keptList: async ({ query }) => ({ items: await listKept(await deps.store(), query ?? '') }),

    keptDelete: async ({ id }) => ({ deleted: await deleteKept(await deps.store(), id) }),

    keptExport: async ({ format }) => {
      const articles = await allKept(await deps.store());
      return exportKept(articles, format, {
        created: deps.now().toISOString(),
        appName: deps.app.name,
        appVersion: deps.app.version,
      });
    },

    backup: async () => {
      const store = await deps.store();
      const text = buildBackup({
        settings: await deps.settings.load(),
        ownPack: await readOwnPack(store),
        flags: await store.db.flags.toArray(),
        kept: await allKept(store),
        subscriptions: await readSubscriptions(store),
        created: deps.now().toISOString(),
        app: deps.app,
      });
      return { fileName: `nhs-context-backup_${deps.today()}.json`, mime: 'application/json', text };
    },

    restore: async ({ text }) => {
      const store = await deps.store();
      const checked = planRestore(text, await installedPacks(deps), deps.today());
      if (!checked.ok) return checked;
      const restored = await applyRestore(store, deps.settings, checked.plan);
      deps.invalidate();
      await deps.onSettingsChanged?.();
      return { ok: true, restored };
    },
  };
}
