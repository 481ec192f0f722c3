/**
 * What every call answers, and the one check of a reply that every caller uses: the popup, the
 * options page and the content script alike. Plain checks for the envelope (no zod union: the
 * content script imports this module and has a size budget), the call's own schema for the data.
 */
import * as z from 'zod/mini';

export type ErrorCode = 'invalid-request' | 'forbidden' | 'internal' | 'invalid-reply' | 'no-connection';
const ERROR_CODES: readonly string[] = [
  'invalid-request',
  'forbidden',
  'internal',
  'invalid-reply',
  'no-connection',
] satisfies ErrorCode[];

export interface ReplyError {
  code: ErrorCode;
  message: string;
}
/** What every call answers: data, or an error as a value. */
export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: ReplyError };

/** A message for any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Check a raw reply to call `type` against the call's reply schema. An error reply passes only
 * with a known code and a message; anything else that is not `{ok: true, data}` with matching data
 * is `invalid-reply`.
 */
export function checkReply<T>(type: string, schema: z.ZodMiniType<T>, raw: unknown): Reply<T> {
  const envelope = (raw ?? {}) as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (envelope.ok === false) {
    const { code, message } = envelope.error ?? {};
    if (typeof code === 'string' && ERROR_CODES.includes(code) && typeof message === 'string') {
      return { ok: false, error: { code: code as ErrorCode, message } };
    }
  }
  const data = envelope.ok === true ? z.safeParse(schema, envelope.data) : null;
  if (!data?.success) return { ok: false, error: { code: 'invalid-reply', message: `bad reply to ${type}` } };
  return { ok: true, data: data.data };
}

/**
 * Send a request (`send` is `browser.runtime.sendMessage`; lib/ stays free of `browser.*`) and
 * check its reply with `checkReply`; a rejected send is a `no-connection` error.
 */
export async function sendChecked<T>(
  send: (message: unknown) => Promise<unknown>,
  request: { type: string },
  schema: z.ZodMiniType<T>,
): Promise<Reply<T>> {
  let raw: unknown;
  try {
    raw = await send(request);
  } catch (error) {
    return { ok: false, error: { code: 'no-connection', message: errorMessage(error) } };
  }
  return checkReply(request.type, schema, raw);
}
