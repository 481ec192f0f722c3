/**
 * The background's call handlers, kept apart from the entrypoint so they can be tested with plain
 * objects: the page calls (annotate, lookup, status, timeline) here, the other areas from their own
 * modules (tab-handlers.ts, manage-handlers.ts). The fact base and its index cache: fact-base.ts.
 */
import type { AnnotateResult, Card } from '../protocol/annotations.ts';
import type { PageText } from '../protocol/page-text.ts';
import type { PackListing } from '../facts/store.ts';
import type { PackSummary, ReplyOf } from '../protocol/messages.ts';
import type { CallContext, Handlers } from './router.ts';
import { createTabHandlers, type TabServiceDeps } from './tab-handlers.ts';
import type { TimelineItem } from '../facts/timeline.ts';
import { keepIfWanted } from './data-handlers.ts';
import type { ManageDeps } from './manage-deps.ts';
import { createManageHandlers } from './manage-handlers.ts';

/** The calls answered by `createPageHandlers`. */
export type PageCallName = 'annotate' | 'lookup' | 'status' | 'timeline';

/** What the page calls need; the background passes the real store, index and detection functions. */
export interface PageDeps<I extends { packVersion: string }> {
  index: () => Promise<I>;
  /** Metadata and counts of the stored packs (no records). */
  listPacks: () => Promise<PackListing[]>;
  annotate: (page: PageText, index: I, opts?: { today?: string }) => AnnotateResult;
  lookupCard: (index: I, query: string, date: string, today?: string) => Card | null;
  /** Strikes of staff groups around a date (lib/facts/timeline.ts). */
  timeline: (index: I, groups: readonly string[], date: string) => TimelineItem[];
  /** Today's calendar date, YYYY-MM-DD. */
  today: () => string;
  /** Notices for the reader about the fact base (lib/facts/marks.ts), shown by `status`. */
  notices: () => Promise<string[]>;
  /** After an annotate call: keep the article if the reader asked for it (`keepIfWanted`). */
  keep: (page: PageText, result: AnnotateResult, context: CallContext) => Promise<boolean>;
}

/** What every handler needs: the page calls' deps, and those of the tab and management calls. */
export interface ServiceDeps<I extends { packVersion: string }> extends Omit<PageDeps<I>, 'keep'> {
  /** Settings, badge and tab actions (lib/background/tab-handlers.ts). */
  tabs: TabServiceDeps;
  /** Packs, subscriptions, own facts, search, kept annotations, backup (lib/background/manage-deps.ts). */
  manage: ManageDeps;
}

/** The handler for every call in lib/protocol/messages.ts. */
export function createHandlers<I extends { packVersion: string }>(deps: ServiceDeps<I>): Handlers {
  const keep: PageDeps<I>['keep'] = (page, result, context) => keepIfWanted(deps.manage, page, result, context);
  return {
    ...createPageHandlers({ ...deps, keep }),
    ...createTabHandlers(deps.tabs),
    ...createManageHandlers(deps.manage),
  };
}

/** The calls about pages and the fact base: annotate, lookup, status and the popup's timeline. */
export function createPageHandlers<I extends { packVersion: string }>(deps: PageDeps<I>): Pick<Handlers, PageCallName> {
  return {
    annotate: async ({ page }, context) => {
      const result = deps.annotate(page, await deps.index(), { today: deps.today() });
      // Keeping is a side job: a failure to keep never costs the page its annotations.
      await deps.keep(page, result, context).catch(() => false);
      return result;
    },
    lookup: async ({ query, date }) => {
      const today = deps.today();
      return { card: deps.lookupCard(await deps.index(), query, date ?? today, today) };
    },
    status: async () => {
      const { packVersion } = await deps.index();
      const notices = await deps.notices();
      return { ...statusOf(await deps.listPacks(), packVersion), ...(notices.length > 0 ? { notices } : {}) };
    },
    timeline: async ({ groups, date }) => ({ items: deps.timeline(await deps.index(), groups, date) }),
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
