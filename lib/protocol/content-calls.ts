/**
 * The content script's half of the protocol in lib/protocol/messages.ts, kept in a module of its own for
 * the content script's size budget: importing lib/protocol/messages.ts would bring every call's request
 * schema into the page, and zod itself costs about 6 KB gzipped of the script's 25 KB.
 *
 * So the replies of the content script's calls are checked here by small hand-written checks
 * (lib/util/check.ts) that hold them to the same shapes as their zod schemas in lib/protocol/messages.ts:
 * the types below must match those schemas' types, and tests/protocol/content-calls.test.ts runs both on
 * real replies and on every one-field corruption of them and requires the same verdict and value.
 */
import type { AnnotateResult, Card } from './annotations.ts';
import type { ContentScriptCall, ReplyOf, RequestOf, SenderInfo } from './messages.ts';
import { sendChecked, type Reply } from './reply.ts';
import {
  array,
  boolean,
  check,
  type Check,
  nullable,
  number,
  object,
  oneOf,
  optional,
  string,
  stringOrNumber,
} from '../util/check.ts';
import { SOURCE_TIERS } from '../sources/tiers.ts';

const SourceRef = object({ url: string, publisher: string, published: nullable(string), tier: oneOf(...SOURCE_TIERS) });
const Verdict = oneOf('consistent', 'differs', 'no-data');

const ClaimCheck = object({
  claim: string,
  kind: oneOf('duration', 'figure', 'date', 'role', 'count'),
  verdict: Verdict,
  expected: string,
  explanation: string,
  factIds: array(string),
  sources: array(SourceRef),
  alternatives: optional(array(object({ value: string, source: SourceRef, verdict: Verdict, note: optional(string) }))),
});

const Annotation = object({
  id: string,
  start: number,
  end: number,
  exact: string,
  kind: oneOf('entity', 'event', 'date', 'figure', 'claim'),
  score: number,
  entity: optional(object({ id: string, name: string, kind: string, sameAs: array(string) })),
  role: optional(object({ id: string, title: string })),
  value: optional(stringOrNumber),
  unit: optional(string),
  check: optional(ClaimCheck),
  quiet: optional(boolean),
});

const CardFact = object({
  id: string,
  statement: string,
  date: nullable(string),
  daysFromArticle: nullable(number),
  distance: nullable(string),
  confidence: oneOf('corroborated', 'single-source'),
  sources: array(SourceRef),
  conflicts: array(object({ value: string, note: string, source: SourceRef })),
});

const CardShape: Check<Card> = object({
  id: string,
  name: string,
  kind: string,
  description: string,
  sameAs: array(string),
  roleOnDate: nullable(string),
  roleNow: nullable(string),
  termNote: nullable(string),
  facts: array(CardFact),
  sources: array(SourceRef),
  coverageNotice: nullable(string),
});

const AnnotateReply: Check<AnnotateResult> = object({
  page: object({
    url: string,
    title: string,
    published: string,
    publishedFrom: oneOf('json-ld', 'meta', 'time', 'none', 'given'),
    packVersion: string,
  }),
  annotations: array(Annotation),
  cards: array(CardShape),
  claims: array(Annotation),
});

/**
 * The reply check of every call a content script may make. Typed against lib/protocol/messages.ts, so a
 * field those schemas require and these lack does not compile.
 */
export const CONTENT_REPLIES: { [K in ContentScriptCall]: Check<ReplyOf<K>> } = {
  annotate: AnnotateReply,
  lookup: object({ card: nullable(CardShape) }),
  contentSettings: object({
    enabled: boolean,
    markAll: boolean,
    kinds: object({ entity: boolean, event: boolean, claim: boolean }),
    hiddenIds: array(string),
  }),
  hideOnSite: object({ hiddenIds: array(string) }),
  setBadge: object({}),
};

/** Messages the background sends to a tab's content script (`tabs.sendMessage`). */
export type TabMessage =
  /**
   * Start keyboard navigation of the mentions (the shortcut or the popup's button); with `id`, at
   * that annotation's mention (the popup's list: scroll to it and open its card).
   */
  | { type: 'nhs-context:navigate'; id?: string }
  /** The settings changed: read them again and repaint. */
  | { type: 'nhs-context:refresh' }
  /** The popup wants this page's annotate result (and its text, for exports). */
  | { type: 'nhs-context:result' };

const TAB_MESSAGE_TYPES: ReadonlySet<string> = new Set<TabMessage['type']>([
  'nhs-context:navigate',
  'nhs-context:refresh',
  'nhs-context:result',
]);

/**
 * A message received by a content script, when it is one of ours: sent by our own extension from
 * outside any tab (the background or an extension page), with exactly a known `type`. Else null.
 */
export function parseTabMessage(raw: unknown, sender: SenderInfo, extensionId: string): TabMessage | null {
  if (!extensionId || sender.id !== extensionId || sender.tab != null) return null;
  if (!raw || typeof raw !== 'object') return null;
  const { type, id } = raw as { type?: unknown; id?: unknown };
  if (type === 'nhs-context:navigate' && typeof id === 'string' && Object.keys(raw).length === 2) return { type, id };
  if (Object.keys(raw).length !== 1) return null;
  return typeof type === 'string' && TAB_MESSAGE_TYPES.has(type) ? ({ type } as TabMessage) : null;
}

/**
 * Send a content script call and check its reply with the same `sendChecked` as `callBackground`:
 * a rejected send is `no-connection`, a reply that does not match its shape `invalid-reply` (the
 * message says which field was wrong).
 */
export function callFromContent<K extends ContentScriptCall>(
  send: (message: unknown) => Promise<unknown>,
  request: RequestOf<K> & { type: K },
): Promise<Reply<ReplyOf<K>>> {
  const shape = CONTENT_REPLIES[request.type] as Check<ReplyOf<K>>;
  return sendChecked(send, request, (data) => check(shape, data));
}
