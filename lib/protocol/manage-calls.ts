/**
 * The calls that manage the fact base and the reader's data — packs from files and subscriptions,
 * own facts and flags, search, kept annotations, backup and restore. Extension pages only: they are
 * spread into `extensionPageCalls` in lib/protocol/messages.ts (the one list of every call), and the router
 * refuses them from content scripts and anything else.
 *
 * Expected failures (an invalid pack, a form field, a refused URL) are data in the reply, with
 * every JSON path or field named; only unexpected ones become error replies.
 */
import * as z from 'zod/mini';
import { IsoDate } from '../util/iso-date.ts';
import { Card, SourceRef } from './annotations.ts';
import { SOURCE_TIERS } from '../sources/tiers.ts';

const str = (max: number) => z.string().check(z.maxLength(max));
const nonEmpty = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const Id = nonEmpty(200);
/** Pack files and backups may be large; runtime messages carry up to 64 MiB. */
const MAX_FILE_TEXT = 60 * 1024 * 1024;

/** A problem in a pack or backup, located by a JSON path (`$.facts[3].sources`). */
const PathError = z.object({ path: z.string(), message: z.string() });
/** A problem with a form field. */
const FieldError = z.object({ field: z.string(), message: z.string() });
const Ids = z.array(z.string());
const ChangeList = z.object({
  added: Ids,
  changed: Ids,
  removed: Ids,
  counts: z.object({ added: z.number(), changed: z.number(), removed: z.number() }),
});
/** What an import or update changed, by record type. */
export const Changes = z.object({ entities: ChangeList, events: ChangeList, facts: ChangeList });

/** One subscription as the options page shows it (lib/facts/subscriptions.ts's record). */
export const SubscriptionView = z.object({
  url: z.string(),
  integrity: z.optional(z.string()),
  addedAt: z.string(),
  packId: z.optional(z.string()),
  lastChecked: z.optional(z.string()),
  lastUpdated: z.optional(z.string()),
  lastResult: z.optional(z.enum(['updated', 'not-modified', 'unchanged', 'error'])),
  lastError: z.optional(z.string()),
  changes: z.optional(Changes),
});
/** A subscription as shown. */
export type SubscriptionView = z.infer<typeof SubscriptionView>;
const SubscriptionList = z.object({ subscriptions: z.array(SubscriptionView) });

const EntityKind = z.enum(['person', 'organisation', 'staff-group', 'role', 'place']);
/** The own-entity form (lib/facts/own.ts `OwnEntityInput`). */
const OwnEntityInput = z.strictObject({
  id: z.optional(Id),
  name: str(300),
  kind: EntityKind,
  aliases: z.array(str(200)).check(z.maxLength(50)),
  description: str(2000),
  wikipedia: z.optional(str(2048)),
  private: z.boolean(),
});
/** The own-fact form (lib/facts/own.ts `OwnFactInput`); checked field by field by the handler. */
const OwnFactInput = z.strictObject({
  id: z.optional(Id),
  subject: str(200),
  statement: str(1000),
  date: str(20),
  sourceUrl: str(2048),
  publisher: z.optional(str(300)),
  sourceDate: z.optional(str(20)),
  /** The reader's judgement of the source; absent: the host table's tier (unknown host: weak). */
  tier: z.optional(z.enum(SOURCE_TIERS)),
  note: z.optional(str(2000)),
});
const OwnEntityView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  aliases: Ids,
  description: z.string(),
  wikipedia: z.nullable(z.string()),
  private: z.boolean(),
});
/** An own entity as the form edits it. */
export type OwnEntityView = z.infer<typeof OwnEntityView>;
const OwnFactView = z.object({
  id: z.string(),
  subject: z.string(),
  subjectName: z.string(),
  statement: z.string(),
  date: z.nullable(z.string()),
  sourceUrl: z.string(),
  publisher: z.string(),
  sourceDate: z.nullable(z.string()),
  tier: z.enum(SOURCE_TIERS),
  note: z.optional(z.string()),
});
/** An own fact as the form edits it. */
export type OwnFactView = z.infer<typeof OwnFactView>;
const FlagView = z.object({
  id: z.number(),
  packId: z.string(),
  recordId: z.string(),
  /** The flagged record's statement or name, when it is still in the fact base. */
  label: z.nullable(z.string()),
  note: z.optional(z.string()),
  createdAt: z.string(),
});
/** A flag as listed. */
export type FlagView = z.infer<typeof FlagView>;
const SaveOutcome = z.union([
  z.object({ ok: z.literal(true), id: z.string() }),
  z.object({ ok: z.literal(false), errors: z.array(FieldError) }),
]);
const Removed = z.object({ removed: z.boolean(), message: z.optional(z.string()) });
/** A file for the page to download. */
const FileReply = z.object({ fileName: z.string(), mime: z.string(), text: z.string() });

const SearchHit = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  private: z.boolean(),
  description: z.string(),
  card: z.nullable(Card),
  roles: z.array(
    z.object({
      title: z.string(),
      from: z.nullable(z.string()),
      to: z.nullable(z.string()),
      sources: z.array(SourceRef),
    }),
  ),
  facts: z.array(
    z.object({ id: z.string(), statement: z.string(), date: z.nullable(z.string()), sources: z.array(SourceRef) }),
  ),
});
/** A search result as sent to the options page. */
export type SearchHit = z.infer<typeof SearchHit>;
const KeptSummary = z.object({
  id: z.number(),
  url: z.string(),
  title: z.string(),
  date: z.string(),
  count: z.number(),
  packVersion: z.string(),
  createdAt: z.string(),
});
/** A kept article as listed. */
export type KeptSummary = z.infer<typeof KeptSummary>;

/** Extension-page-only calls for managing the fact base and the reader's data. */
export const manageCalls = {
  /** Import a pack from a file's text (an `own` pack brings its flags); all or nothing. */
  importPackFile: {
    request: z.strictObject({
      type: z.literal('importPackFile'),
      text: str(MAX_FILE_TEXT),
      fileName: z.optional(str(300)),
    }),
    reply: z.union([
      z.object({
        ok: z.literal(true),
        id: z.string(),
        name: z.string(),
        version: z.string(),
        origin: z.string(),
        changes: Changes,
        flagsAdded: z.number(),
      }),
      z.object({ ok: z.literal(false), errors: z.array(PathError) }),
    ]),
  },
  /** Remove an imported pack (not the bundled one; subscriptions are removed with `unsubscribe`). */
  removePack: { request: z.strictObject({ type: z.literal('removePack'), id: Id }), reply: Removed },
  /** Every subscription with its last check, last error and what changed. */
  subscriptions: { request: z.strictObject({ type: z.literal('subscriptions') }), reply: SubscriptionList },
  /** Follow a pack by URL (optionally pinned by a SHA-256 integrity value), and check it now. */
  subscribe: {
    request: z.strictObject({ type: z.literal('subscribe'), url: str(2048), integrity: z.optional(str(200)) }),
    reply: z.union([
      z.object({ ok: z.literal(true), subscription: SubscriptionView }),
      z.object({ ok: z.literal(false), message: z.string() }),
    ]),
  },
  /** "Update now": one subscription, or all of them. */
  updateSubscriptions: {
    request: z.strictObject({ type: z.literal('updateSubscriptions'), url: z.optional(str(2048)) }),
    reply: SubscriptionList,
  },
  /** Stop following a URL and remove its pack. */
  unsubscribe: { request: z.strictObject({ type: z.literal('unsubscribe'), url: str(2048) }), reply: Removed },
  /** The own entities and facts, the flags, and what facts can be about. */
  ownFacts: {
    request: z.strictObject({ type: z.literal('ownFacts') }),
    reply: z.object({
      entities: z.array(OwnEntityView),
      facts: z.array(OwnFactView),
      flags: z.array(FlagView),
      subjects: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
    }),
  },
  /** Add or edit an own entity. */
  saveOwnEntity: {
    request: z.strictObject({ type: z.literal('saveOwnEntity'), entity: OwnEntityInput }),
    reply: SaveOutcome,
  },
  /** Remove an own entity (refused while own facts are about it). */
  removeOwnEntity: { request: z.strictObject({ type: z.literal('removeOwnEntity'), id: Id }), reply: Removed },
  /** Add or edit an own fact: a source URL and a date are required. */
  saveOwnFact: { request: z.strictObject({ type: z.literal('saveOwnFact'), fact: OwnFactInput }), reply: SaveOutcome },
  /** Remove an own fact. */
  removeOwnFact: { request: z.strictObject({ type: z.literal('removeOwnFact'), id: Id }), reply: Removed },
  /** The own pack as a JSON pack file, with the flags. */
  exportOwnPack: { request: z.strictObject({ type: z.literal('exportOwnPack') }), reply: FileReply },
  /** Flag a fact (or event) shown in a card as wrong. */
  flagFact: {
    request: z.strictObject({ type: z.literal('flagFact'), recordId: Id, note: z.optional(str(2000)) }),
    reply: z.union([
      z.object({ ok: z.literal(true), flag: FlagView }),
      z.object({ ok: z.literal(false), message: z.string() }),
    ]),
  },
  /** Remove a flag. */
  removeFlag: {
    request: z.strictObject({ type: z.literal('removeFlag'), id: z.number().check(z.gte(0)) }),
    reply: Removed,
  },
  /** Search the fact base: cards, roles and facts with sources. */
  search: {
    request: z.strictObject({ type: z.literal('search'), query: nonEmpty(300), date: z.optional(IsoDate) }),
    reply: z.object({ hits: z.array(SearchHit) }),
  },
  /** Kept articles matching a search, newest first. */
  keptList: {
    request: z.strictObject({ type: z.literal('keptList'), query: z.optional(str(300)) }),
    reply: z.object({ items: z.array(KeptSummary) }),
  },
  /** Delete one kept article, or all of them when no id is given. */
  keptDelete: {
    request: z.strictObject({ type: z.literal('keptDelete'), id: z.optional(z.number().check(z.gte(0))) }),
    reply: z.object({ deleted: z.number() }),
  },
  /** Every kept article in one file. */
  keptExport: {
    request: z.strictObject({
      type: z.literal('keptExport'),
      format: z.enum(['json', 'w3c', 'hypothesis', 'csv', 'md', 'claimreview']),
    }),
    reply: FileReply,
  },
  /** Everything the reader made, in one file. */
  backup: { request: z.strictObject({ type: z.literal('backup') }), reply: FileReply },
  /** Restore a backup file: checked first, then applied all at once. */
  restore: {
    request: z.strictObject({ type: z.literal('restore'), text: str(MAX_FILE_TEXT) }),
    reply: z.union([
      z.object({
        ok: z.literal(true),
        restored: z.object({
          ownEntities: z.number(),
          ownFacts: z.number(),
          flags: z.number(),
          kept: z.number(),
          subscriptions: z.number(),
        }),
      }),
      z.object({ ok: z.literal(false), errors: z.array(PathError) }),
    ]),
  },
} as const;
