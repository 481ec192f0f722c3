/**
 * Fetching a subscribed pack over HTTP (pure: `fetch` is injected, so tests pass a fake). The rules
 * a subscription lives by, each here once:
 *
 * - **Which URLs**: https only. Plain http is accepted for loopback hosts (127.0.0.1, localhost,
 *   [::1]) when the caller's policy allows it — the background allows it in test builds only, where
 *   the e2e tests serve packs from a local server; loopback traffic never leaves the machine, but a
 *   reader's real subscriptions must not be open to tampering on the way.
 * - **Conditional requests**: the stored copy's ETag and Last-Modified go out as If-None-Match and
 *   If-Modified-Since; a 304 means "keep what you have".
 * - **Size**: at most `MAX_PACK_BYTES`, refused from Content-Length or while reading the body.
 * - **Content type**: any (raw file hosts serve JSON as text/plain or octet-stream); the bytes must
 *   parse as a pack, and the error says what the server called them when they do not.
 * - **Integrity**: an optional SHA-256 value, `sha256-<base64>` (as in Subresource Integrity) or 64
 *   hex digits, checked over the exact bytes received.
 * - **Privacy**: no cookies or credentials are sent (`credentials: 'omit'`).
 */

/** The largest pack a subscription may download. */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;
/** A download that takes longer than this is abandoned (the old pack stays). */
export const FETCH_TIMEOUT_MS = 60_000;

/** The part of `fetch` this module uses. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Which URLs may be subscribed to. */
export interface UrlPolicy {
  /** Accept http://127.0.0.1, http://localhost and http://[::1] (test builds). */
  allowLoopbackHttp: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Checks and normalises a subscription URL (the fragment is dropped). */
export function checkSubscriptionUrl(
  raw: string,
  policy: UrlPolicy,
): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: 'Not a valid URL.' };
  }
  if (url.username || url.password) return { ok: false, message: 'The URL must not contain a user name or password.' };
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(loopbackHttp && policy.allowLoopbackHttp)) {
    return { ok: false, message: 'Only https:// URLs can be subscribed to.' };
  }
  url.hash = '';
  return { ok: true, url: url.href };
}

/** The origin pattern a browser host permission needs to fetch `url` (`https://host/*`). */
export function permissionPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/** A parsed integrity value: the expected digest as lower-case hex. */
export type Integrity = { hex: string };

/** Parses `sha256-<base64>` or 64 hex digits; anything else is refused with a message. */
export function parseIntegrity(value: string): { ok: true; integrity: Integrity } | { ok: false; message: string } {
  const v = value.trim();
  if (/^[0-9a-f]{64}$/i.test(v)) return { ok: true, integrity: { hex: v.toLowerCase() } };
  const m = /^sha256-([A-Za-z0-9+/]{43}=?)$/.exec(v);
  if (m) {
    const b64 = m[1]!.endsWith('=') ? m[1]! : `${m[1]!}=`;
    return { ok: true, integrity: { hex: toHex(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))) } };
  }
  return { ok: false, message: 'An integrity value is sha256-<base64> or 64 hexadecimal digits.' };
}

/** Hex SHA-256 of `bytes` (Web Crypto, available in workers, pages and Node). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

/** `sha256-<base64>` for a hex digest, the form error messages show. */
export function sriOf(hex: string): string {
  const bytes = hex.match(/../g)!.map((h) => parseInt(h, 16));
  return `sha256-${btoa(String.fromCharCode(...bytes))}`;
}

function toHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The stored copy's validators, sent as conditions. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** What a download gave. */
export type FetchOutcome =
  | { kind: 'not-modified' }
  | { kind: 'body'; bytes: Uint8Array; contentType: string; etag?: string; lastModified?: string }
  | { kind: 'error'; message: string };

/** What a download is allowed: which URLs, how many bytes, how long. */
export interface FetchOptions {
  policy: UrlPolicy;
  maxBytes?: number;
  timeoutMs?: number;
}

/** Downloads `url` with conditions; never throws. A redirect must land on an allowed URL too. */
export async function fetchPackBytes(
  fetch: FetchLike,
  url: string,
  validators: Validators,
  opts: FetchOptions,
): Promise<FetchOutcome> {
  const maxBytes = opts.maxBytes ?? MAX_PACK_BYTES;
  const headers: Record<string, string> = { accept: 'application/json, text/plain;q=0.9, */*;q=0.1' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  let response: Response;
  try {
    response = await fetch(url, {
      headers,
      credentials: 'omit',
      redirect: 'follow',
      signal: AbortSignal.timeout(opts.timeoutMs ?? FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    return { kind: 'error', message: `Network error: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (response.url && !checkSubscriptionUrl(response.url, opts.policy).ok) {
    return { kind: 'error', message: `Redirected to a URL that cannot be subscribed to: ${response.url}` };
  }
  if (response.status === 304) return { kind: 'not-modified' };
  if (!response.ok) {
    return {
      kind: 'error',
      message: `The server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    };
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(maxBytes);
  const bytes = await readLimited(response, maxBytes);
  if (bytes === 'too-large') return tooLarge(maxBytes);
  if (typeof bytes === 'object' && 'error' in bytes) return { kind: 'error', message: bytes.error };
  return {
    kind: 'body',
    bytes,
    contentType: response.headers.get('content-type') ?? '',
    ...optional('etag', response.headers.get('etag')),
    ...optional('lastModified', response.headers.get('last-modified')),
  };
}

function optional<K extends string>(key: K, value: string | null): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

function tooLarge(maxBytes: number): FetchOutcome {
  const limit = maxBytes >= 1 << 20 ? `${Math.round(maxBytes / (1 << 20))} MB` : `${maxBytes} bytes`;
  return { kind: 'error', message: `The pack is larger than ${limit}.` };
}

/** Reads the body, stopping as soon as it passes `maxBytes`. */
async function readLimited(
  response: Response,
  maxBytes: number,
): Promise<Uint8Array | 'too-large' | { error: string }> {
  try {
    if (!response.body) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return 'too-large';
      }
      parts.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    return out;
  } catch (error) {
    return { error: `The download failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
