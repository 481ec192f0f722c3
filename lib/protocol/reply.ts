/**
 * What every call answers, and the one check of a reply that every caller uses: the popup and
 * the options page (lib/protocol/messages.ts, with the calls' zod schemas) and the content script
 * (lib/protocol/content-calls.ts, with its zod-free checks). No zod here: the content script
 * imports this module and cannot afford it.
 */

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

/** Checks a reply's data: the checked value, or what was wrong. */
export type DataCheck<T> = (data: unknown) => { success: true; data: T } | { success: false; error: string };

/** A message for any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Check a raw reply to call `type`. An error reply passes only with a known code and a message
 * (nothing else of it is kept); anything else that is not `{ok: true, data}` with data that passes
 * `checkData` is `invalid-reply`, with a message saying what was wrong.
 */
export function checkReply<T>(type: string, checkData: DataCheck<T>, raw: unknown): Reply<T> {
  const envelope = (raw ?? {}) as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (envelope.ok === false) {
    const { code, message } = envelope.error ?? {};
    if (typeof code === 'string' && ERROR_CODES.includes(code) && typeof message === 'string') {
      return { ok: false, error: { code: code as ErrorCode, message } };
    }
  }
  const data = envelope.ok === true ? checkData(envelope.data) : null;
  if (!data?.success) {
    const why = data ? `: ${data.error}` : '';
    return { ok: false, error: { code: 'invalid-reply', message: `bad reply to ${type}${why}` } };
  }
  return { ok: true, data: data.data };
}

/**
 * Send a request (`send` is `browser.runtime.sendMessage`; lib/ stays free of `browser.*`) and
 * check its reply with `checkReply`; a rejected send is a `no-connection` error.
 */
export async function sendChecked<T>(
  send: (message: unknown) => Promise<unknown>,
  request: { type: string },
  checkData: DataCheck<T>,
): Promise<Reply<T>> {
  let raw: unknown;
  try {
    raw = await send(request);
  } catch (error) {
    return { ok: false, error: { code: 'no-connection', message: errorMessage(error) } };
  }
  return checkReply(request.type, checkData, raw);
}
