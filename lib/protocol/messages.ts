/**
 * The one message protocol between the background and everything else.
 * Every call is listed once, grouped by who may send it, with its request and reply schema.
 * Requests are parsed before any handler runs; failures come back as values, never thrown.
 * Privilege comes from the sender (`classifySender`), never from the message body.
 *
 * zod/mini, because the popup and options pages share these schemas and have size budgets. The
 * content script imports only its half (lib/protocol/content-calls.ts: zod-free checks of its calls'
 * replies, held to the reply schemas here by tests/protocol/content-calls.test.ts, and the messages the
 * background sends it), not this module.
 */
import * as z from 'zod/mini';
import { IsoDate } from '../util/iso-date.ts';
import { AnnotateResult, Card, SourceRef } from './annotations.ts';
import { PageText } from './page-text.ts';
import { ContentSettings, Settings } from '../settings.ts';
import { Changes, manageCalls } from './manage-calls.ts';
import { checkReply, sendChecked, type DataCheck, type Reply, type ReplyError } from './reply.ts';

/** Reply to `lookup`. */
export const LookupReply = z.object({ card: z.nullable(Card) });
/** Reply to `hideOnSite`: the ids now hidden on the sender's site. */
export const HideOnSiteReply = z.object({ hiddenIds: z.array(z.string()) });
/** Reply to a call that only confirms. */
export const EmptyReply = z.object({});

/** One event on the popup's timeline (lib/facts/timeline.ts). */
const TimelineItem = z.object({
  id: z.string(),
  kind: z.enum(['strike', 'ballot', 'pay-offer', 'pay-award', 'agreement', 'meeting']),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  group: z.string(),
  groupName: z.string(),
  status: z.nullable(z.string()),
  source: z.nullable(SourceRef),
});
/** One strike on the popup's timeline, as the `timeline` call answers it. */
export type TimelineItem = z.infer<typeof TimelineItem>;

const TabId = z.number().check(z.gte(0));
/** An https origin, as "Always on this site" registers it. */
const HTTPS_ORIGIN = /^https:\/\/[a-z0-9.-]+(:\d+)?$/i;

/** One installed pack as the popup and options pages show it. */
export const PackSummary = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  published: z.string(),
  coverage: z.object({ from: z.string(), to: z.string() }),
  /** Where it came from: bundled, subscription, file or own facts. */
  origin: z.string(),
  entityCount: z.number(),
  eventCount: z.number(),
  factCount: z.number(),
  /** What the last update of this pack changed (the bundled pack, after an extension update). */
  update: z.optional(z.object({ fromVersion: z.string(), at: z.string(), changes: Changes })),
});
export type PackSummary = z.infer<typeof PackSummary>;

/**
 * Calls a content script may make: read-only questions about the page it runs in, plus two writes
 * scoped by the sender itself (its own site's hidden list, its own tab's badge).
 */
export const contentScriptCalls = {
  /** Annotate an article's text: mentions, cards and claim checks as of its date. */
  annotate: {
    request: z.strictObject({ type: z.literal('annotate'), page: PageText }),
    reply: AnnotateResult,
  },
  /** The card for a name, alias or id as of a date (today when no date is given). */
  lookup: {
    request: z.strictObject({
      type: z.literal('lookup'),
      query: z.string().check(z.minLength(1), z.maxLength(300)),
      date: z.optional(IsoDate),
    }),
    reply: LookupReply,
  },
  /** The settings that apply to the sender's own site (the site comes from the sender, not the message). */
  contentSettings: {
    request: z.strictObject({ type: z.literal('contentSettings') }),
    reply: ContentSettings,
  },
  /** "Not this — hide on this site": hide an entity or event on the sender's own site only. */
  hideOnSite: {
    request: z.strictObject({ type: z.literal('hideOnSite'), id: z.string().check(z.minLength(1), z.maxLength(200)) }),
    reply: HideOnSiteReply,
  },
  /** The number of highlighted mentions, shown on the toolbar badge of the sender's own tab. */
  setBadge: {
    request: z.strictObject({ type: z.literal('setBadge'), count: z.number().check(z.gte(0)) }),
    reply: EmptyReply,
  },
} as const;

/** Calls only extension pages (popup, options) may make: state, and later import/export/settings. */
export const extensionPageCalls = {
  /** The installed packs and the size of the fact base. */
  status: {
    request: z.strictObject({ type: z.literal('status') }),
    reply: z.object({
      packs: z.array(PackSummary),
      entityCount: z.number(),
      eventCount: z.number(),
      factCount: z.number(),
      /** The version string of the fact index in use (joined pack versions). */
      packVersion: z.string(),
      /** Things the reader should know about the fact base, e.g. that it was rebuilt (lib/facts/marks.ts). */
      notices: z.optional(z.array(z.string())),
    }),
  },
  /** The reader's settings (lib/settings.ts). */
  getSettings: {
    request: z.strictObject({ type: z.literal('getSettings') }),
    reply: Settings,
  },
  /** Replace the reader's settings; open pages are told to re-read theirs. */
  setSettings: {
    request: z.strictObject({ type: z.literal('setSettings'), settings: Settings }),
    reply: Settings,
  },
  /** Start keyboard navigation of the mentions in a tab (the popup's button). */
  navigateTab: {
    request: z.strictObject({ type: z.literal('navigateTab'), tabId: TabId }),
    reply: z.object({ sent: z.boolean() }),
  },
  /** "Annotate this page": run the content script once in a tab the popup was opened on (activeTab). */
  annotateTab: {
    request: z.strictObject({ type: z.literal('annotateTab'), tabId: TabId }),
    reply: z.object({ injected: z.boolean() }),
  },
  /**
   * "Always on this site": after the popup obtained the optional host permission for an https
   * origin, register the content script there (persisted by the browser).
   */
  alwaysOnSite: {
    request: z.strictObject({
      type: z.literal('alwaysOnSite'),
      origin: z.string().check(z.regex(HTTPS_ORIGIN, 'expected an https origin'), z.maxLength(300)),
    }),
    reply: z.object({ registered: z.boolean() }),
  },
  /** The annotate result of a tab's page, with its text (for exports), or null if it has none. */
  tabResult: {
    request: z.strictObject({ type: z.literal('tabResult'), tabId: TabId }),
    reply: z.object({ result: z.nullable(AnnotateResult), text: z.string() }),
  },
  /** Scroll a tab's page to a mention and open its card (the popup's list). */
  focusMention: {
    request: z.strictObject({
      type: z.literal('focusMention'),
      tabId: TabId,
      id: z.string().check(z.minLength(1), z.maxLength(200)),
    }),
    reply: z.object({ focused: z.boolean() }),
  },
  /** Strikes of some staff groups around a date, for the popup's timeline. */
  timeline: {
    request: z.strictObject({
      type: z.literal('timeline'),
      groups: z.array(z.string().check(z.maxLength(120))).check(z.maxLength(20)),
      date: IsoDate,
    }),
    reply: z.object({ items: z.array(TimelineItem) }),
  },
  /** Packs, subscriptions, own facts, flags, search, kept annotations, backup (lib/protocol/manage-calls.ts). */
  ...manageCalls,
} as const;

/** Every call, by name. */
export const calls = { ...contentScriptCalls, ...extensionPageCalls } as const;

export type CallName = keyof typeof calls;
export type ContentScriptCall = keyof typeof contentScriptCalls;
/** The request of call `K`. */
export type RequestOf<K extends CallName> = z.infer<(typeof calls)[K]['request']>;
/** The reply data of call `K`. */
export type ReplyOf<K extends CallName> = z.infer<(typeof calls)[K]['reply']>;
/** Any request. */
export type AnyRequest = { [K in CallName]: RequestOf<K> }[CallName];

/** Who sent a message, from the sender alone. */
export type SenderClass = 'extension-page' | 'content-script' | 'foreign';

/** Which calls each class of sender may make. */
export const ALLOWED_CALLS: Readonly<Record<SenderClass, ReadonlySet<CallName>>> = {
  'extension-page': new Set(Object.keys(calls) as CallName[]),
  'content-script': new Set(Object.keys(contentScriptCalls) as ContentScriptCall[]),
  foreign: new Set(),
};

export { errorMessage, type ErrorCode, type Reply, type ReplyError } from './reply.ts';

const Request = z.discriminatedUnion('type', [
  calls.annotate.request,
  calls.lookup.request,
  calls.contentSettings.request,
  calls.hideOnSite.request,
  calls.setBadge.request,
  calls.status.request,
  calls.getSettings.request,
  calls.setSettings.request,
  calls.navigateTab.request,
  calls.annotateTab.request,
  calls.alwaysOnSite.request,
  calls.tabResult.request,
  calls.focusMention.request,
  calls.timeline.request,
  calls.importPackFile.request,
  calls.removePack.request,
  calls.subscriptions.request,
  calls.subscribe.request,
  calls.updateSubscriptions.request,
  calls.unsubscribe.request,
  calls.ownFacts.request,
  calls.saveOwnEntity.request,
  calls.removeOwnEntity.request,
  calls.saveOwnFact.request,
  calls.removeOwnFact.request,
  calls.exportOwnPack.request,
  calls.flagFact.request,
  calls.removeFlag.request,
  calls.search.request,
  calls.keptList.request,
  calls.keptDelete.request,
  calls.keptExport.request,
  calls.backup.request,
  calls.restore.request,
]);
// Keeps the union above in step with `calls`: a call missing from it fails to compile here.
const _allListed: [CallName] extends [z.infer<typeof Request>['type']] ? true : never = true;
void _allListed;

/** Parse an untrusted message into a request. Error messages name the offending path. */
export function parseRequest(raw: unknown): { ok: true; request: AnyRequest } | { ok: false; error: ReplyError } {
  const result = z.safeParse(Request, raw);
  if (result.success) return { ok: true, request: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, error: { code: 'invalid-request', message: `${where}${issue?.message ?? 'invalid request'}` } };
}

/** The fields of `runtime.MessageSender` that privilege is decided from. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
  frameId?: number;
}

/**
 * Classify a message's sender. Extension pages are our own pages (URL and, when given, origin on
 * our extension's origin); content scripts are our own code in a web page's tab. Anything else,
 * including a sender with missing fields, is foreign.
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderClass {
  if (!extensionId || sender.id !== extensionId) return 'foreign';
  const urlOrigin = originOf(sender.url);
  if (urlOrigin === null) return 'foreign';
  if (urlOrigin === extensionOrigin) {
    return sender.origin === undefined || sender.origin === extensionOrigin ? 'extension-page' : 'foreign';
  }
  const web = urlOrigin.startsWith('https://') || urlOrigin.startsWith('http://');
  return web && sender.tab != null ? 'content-script' : 'foreign';
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { origin, protocol, host } = new URL(url);
    // Firefox reports "null" as the origin of moz-extension: URLs.
    return origin !== 'null' ? origin : `${protocol}//${host}`;
  } catch {
    return null;
  }
}

/** Send a request and check the reply against its call's schema (`sendChecked` in reply.ts). */
export function callBackground<K extends CallName>(
  send: (message: unknown) => Promise<unknown>,
  request: RequestOf<K> & { type: K },
): Promise<Reply<ReplyOf<K>>> {
  return sendChecked(send, request, replyCheck(request.type));
}

/** Check a raw reply for call `type`. */
export function parseReply<K extends CallName>(type: K, raw: unknown): Reply<ReplyOf<K>> {
  return checkReply(type, replyCheck(type), raw);
}

/** The reply schema of call `type`, as the data check `checkReply` takes. */
function replyCheck<K extends CallName>(type: K): DataCheck<ReplyOf<K>> {
  const schema = calls[type].reply as unknown as z.ZodMiniType<ReplyOf<K>>;
  return (data) => {
    const result = z.safeParse(schema, data);
    return result.success ? result : { success: false, error: 'does not match its schema' };
  };
}
