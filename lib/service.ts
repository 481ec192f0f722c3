/**
 * The background's call handlers and its index cache, kept apart from the entrypoint so they can be
 * tested with plain objects. The fact base lives in the store; the index is only a cache of it,
 * rebuilt whenever a (possibly restarted) service worker first needs it.
 */
import type { AnnotateResult, Card, PageText } from './annotations.ts';
import { RESET_NOTICE, type FactBaseMarks } from './facts/marks.ts';
import { validatePack } from './facts/packs.ts';
import type { Pack } from './facts/schema.ts';
import type { PackListing } from './facts/store.ts';
import type { PackSummary, ReplyOf } from './messages.ts';
import type { Handlers } from './router.ts';
import { createTabHandlers, type TabServiceDeps } from './tab-service.ts';
import type { TimelineItem } from './facts/timeline.ts';
import { keepIfWanted } from './data-service.ts';
import { createManageHandlers, type ManageDeps } from './manage-service.ts';

/** A lazily built value that is rebuilt after `invalidate()` or after a failed build. */
export interface Cache<T> {
  get(): Promise<T>;
  invalidate(): void;
}

/** Cache the result of `build`; concurrent callers share one build, a failed build is retried. */
export function createCache<T>(build: () => Promise<T>): Cache<T> {
  let pending: Promise<T> | null = null;
  return {
    get() {
      if (!pending) {
        const attempt = build();
        pending = attempt;
        attempt.catch(() => {
          if (pending === attempt) pending = null;
        });
      }
      return pending;
    },
    invalidate() {
      pending = null;
    },
  };
}

/** What the handlers need; the background passes the real store, index and detection functions. */
export interface ServiceDeps<I extends { packVersion: string }> {
  index: () => Promise<I>;
  /** Metadata and counts of the stored packs (no records). */
  listPacks: () => Promise<PackListing[]>;
  annotate: (page: PageText, index: I, opts?: { today?: string }) => AnnotateResult;
  lookupCard: (index: I, query: string, date: string, today?: string) => Card | null;
  /** Strikes of staff groups around a date (lib/facts/timeline.ts). */
  timeline?: (index: I, groups: readonly string[], date: string) => TimelineItem[];
  /** Today's calendar date, YYYY-MM-DD. */
  today: () => string;
  /** Settings, badge and tab actions (lib/tab-service.ts); those calls fail without them. */
  tabs?: TabServiceDeps;
  /** Notices for the reader about the fact base (lib/facts/marks.ts), shown by `status`. */
  notices?: () => Promise<string[]>;
  /** Packs, subscriptions, own facts, search, kept annotations, backup (lib/manage-service.ts). */
  manage?: ManageDeps;
}

/** The handler for every call in lib/messages.ts. */
export function createHandlers<I extends { packVersion: string }>(deps: ServiceDeps<I>): Handlers {
  return {
    annotate: async ({ page }, context) => {
      const result = deps.annotate(page, await deps.index(), { today: deps.today() });
      // Keeping is a side job: a failure to keep never costs the page its annotations.
      await keepIfWanted(deps.manage, page, result, context).catch(() => false);
      return result;
    },
    lookup: async ({ query, date }) => {
      const today = deps.today();
      return { card: deps.lookupCard(await deps.index(), query, date ?? today, today) };
    },
    status: async () => {
      const { packVersion } = await deps.index();
      const notices = (await deps.notices?.()) ?? [];
      return { ...statusOf(await deps.listPacks(), packVersion), ...(notices.length > 0 ? { notices } : {}) };
    },
    timeline: async ({ groups, date }) => ({
      items: deps.timeline ? deps.timeline(await deps.index(), groups, date) : [],
    }),
    ...createTabHandlers(deps.tabs),
    ...createManageHandlers(deps.manage),
  };
}

function statusOf(listings: PackListing[], packVersion: string): ReplyOf<'status'> {
  const packs = listings.map(summarise);
  const total = (key: 'entityCount' | 'eventCount' | 'factCount') => packs.reduce((n, p) => n + p[key], 0);
  return {
    packs,
    entityCount: total('entityCount'),
    eventCount: total('eventCount'),
    factCount: total('factCount'),
    packVersion,
  };
}

function summarise({ meta, origin, counts, update }: PackListing): PackSummary {
  return {
    id: meta.id,
    name: meta.name,
    version: meta.version,
    published: meta.published,
    coverage: { from: meta.coverage.from, to: meta.coverage.to },
    origin,
    entityCount: counts.entities,
    eventCount: counts.events,
    factCount: counts.facts,
    ...(update ? { update } : {}),
  };
}

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
