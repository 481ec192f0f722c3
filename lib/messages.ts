/**
 * The one message protocol between the background and everything else (STYLE.md example 7).
 * Every call is listed once, grouped by who may send it, with its request and reply schema.
 * Requests are parsed before any handler runs; failures come back as values, never thrown.
 * Privilege comes from the sender (`classifySender`), never from the message body.
 *
 * zod/mini, because the content script imports this module and has a size budget.
 */
import * as z from 'zod/mini';
import { AnnotateResult, Card, PageText } from './annotations.ts';

const IsoDate = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD'));

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
});
export type PackSummary = z.infer<typeof PackSummary>;

/** Calls a content script may make: read-only questions about the page it runs in. */
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
    reply: z.object({ card: z.nullable(Card) }),
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
    }),
  },
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

export type ErrorCode = 'invalid-request' | 'forbidden' | 'internal' | 'invalid-reply' | 'no-connection';
export interface ReplyError {
  code: ErrorCode;
  message: string;
}
/** What every call answers: data, or an error as a value. */
export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: ReplyError };

const Request = z.discriminatedUnion('type', [calls.annotate.request, calls.lookup.request, calls.status.request]);
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

/**
 * Send a request and check the reply against its schema. `send` is `browser.runtime.sendMessage`
 * (lib/ stays free of `browser.*`); a rejected send becomes a `no-connection` error.
 */
export async function callBackground<K extends CallName>(
  send: (message: unknown) => Promise<unknown>,
  request: RequestOf<K> & { type: K },
): Promise<Reply<ReplyOf<K>>> {
  let raw: unknown;
  try {
    raw = await send(request);
  } catch (error) {
    return { ok: false, error: { code: 'no-connection', message: errorMessage(error) } };
  }
  return parseReply(request.type, raw);
}

const ReplyError = z.object({ code: z.string(), message: z.string() });

/** Check a raw reply for call `type`. */
export function parseReply<K extends CallName>(type: K, raw: unknown): Reply<ReplyOf<K>> {
  const envelope = z.safeParse(
    z.union([
      z.object({ ok: z.literal(true), data: z.unknown() }),
      z.object({ ok: z.literal(false), error: ReplyError }),
    ]),
    raw,
  );
  if (!envelope.success) return { ok: false, error: { code: 'invalid-reply', message: 'malformed reply' } };
  if (!envelope.data.ok) return { ok: false, error: envelope.data.error as ReplyError };
  const data = z.safeParse(calls[type].reply as unknown as z.ZodMiniType<ReplyOf<K>>, envelope.data.data);
  if (!data.success)
    return { ok: false, error: { code: 'invalid-reply', message: `reply to ${type} does not match its schema` } };
  return { ok: true, data: data.data };
}

/** A message for any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
