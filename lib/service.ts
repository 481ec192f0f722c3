/**
 * The background's call handlers and its index cache, kept apart from the entrypoint so they can be
 * tested with plain objects. The fact base lives in the store; the index is only a cache of it,
 * rebuilt whenever a (possibly restarted) service worker first needs it.
 */
import type { AnnotateResult, Card, PageText } from './annotations.ts';
import { validatePack } from './facts/packs.ts';
import type { Pack } from './facts/schema.ts';
import type { PackListing } from './facts/store.ts';
import type { PackSummary, ReplyOf } from './messages.ts';
import type { Handlers } from './router.ts';

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
  /** Today's calendar date, YYYY-MM-DD. */
  today: () => string;
}

/** The handler for every call in lib/messages.ts. */
export function createHandlers<I extends { packVersion: string }>(deps: ServiceDeps<I>): Handlers {
  return {
    annotate: async ({ page }) => deps.annotate(page, await deps.index(), { today: deps.today() }),
    lookup: async ({ query, date }) => {
      const today = deps.today();
      return { card: deps.lookupCard(await deps.index(), query, date ?? today, today) };
    },
    status: async () => statusOf(await deps.listPacks(), (await deps.index()).packVersion),
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

function summarise({ meta, origin, counts }: PackListing): PackSummary {
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
}

/**
 * The background's view of the fact base: the store is the state, the index a cache of it.
 * `ensureBundled` runs at most once per worker lifetime (retried if it failed) and invalidates the
 * index when it imported something; an empty store is filled before the first index is built.
 */
export function createFactBase<I>(deps: {
  /** Opens the store; called once per worker lifetime (again after a failure). */
  openStore: () => Promise<PackStore>;
  /** The bundled pack, validated; called only when it has to be offered to the store. */
  bundled: () => Pack;
  buildIndex: (packs: Pack[]) => I;
}) {
  const store = createCache(deps.openStore);
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
    const result = await (await store.get()).ensureBundled(deps.bundled());
    if (result.imported) index.invalidate();
    return result;
  });
  return {
    index: () => index.get(),
    ensureBundled: () => ensured.get(),
    listPacks: async () => (await store.get()).listPacks(),
    /** Call after anything changes the store (imports, deletions). */
    invalidate: () => index.invalidate(),
  };
}
