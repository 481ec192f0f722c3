/**
 * Reading the CLI's input: a file, `-` (stdin) or an http(s) URL given explicitly. Enforces the
 * input rules: not empty, not binary, valid UTF-8, at most 20 MB. Errors are InputError (exit 2).
 */
import { open, stat } from 'node:fs/promises';

/** Largest input accepted, in bytes. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** A problem with the input itself: reported as one line on stderr, exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/** What was read: the decoded text and whether to treat it as HTML. */
export interface Input {
  /** The file path or URL as given ('-' for stdin). */
  source: string;
  /** The URL when fetched over http(s). */
  url?: string;
  text: string;
  html: boolean;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The error for input over the limit, naming both the size and the limit. */
export function tooLarge(source: string, bytes: number, atLeast = false): InputError {
  return new InputError(
    `${source}: input is ${atLeast ? 'over ' : ''}${megabytes(bytes)} (${bytes} bytes); the limit is 20 MB (${MAX_INPUT_BYTES} bytes)`,
  );
}

/**
 * Decodes bytes as UTF-8, rejecting empty, binary (NUL bytes) and non-UTF-8 input. A leading BOM
 * is dropped.
 */
export function decodeInput(bytes: Uint8Array, source: string): string {
  if (bytes.length === 0) throw new InputError(`${source}: input is empty`);
  if (bytes.includes(0)) throw new InputError(`${source}: input looks binary (it contains NUL bytes)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${source}: input is not valid UTF-8`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError(`${source}: input is empty`);
  return text;
}

/** HTML when the name ends in .html/.htm or the content starts with `<` (after whitespace/BOM). */
export function looksLikeHtml(name: string, text: string): boolean {
  if (/\.html?$/i.test(name.replace(/[?#].*$/, ''))) return true;
  return /^[\s\ufeff]*</.test(text);
}

async function readStream(stream: AsyncIterable<Uint8Array | string>, source: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    total += buf.length;
    if (total > MAX_INPUT_BYTES) throw tooLarge(source, total, true);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

async function readFileBytes(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(`${path}: is a directory`);
    size = info.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (size > MAX_INPUT_BYTES) throw tooLarge(path, size);
  const handle = await open(path, 'r');
  try {
    return await readStream(handle.createReadStream(), path);
  } finally {
    await handle.close();
  }
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(30_000) });
  } catch (err) {
    throw new InputError(`${url}: fetch failed (${(err as Error).message})`);
  }
  if (!res.ok) throw new InputError(`${url}: HTTP ${res.status} ${res.statusText}`.trim());
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_INPUT_BYTES) throw tooLarge(url, declared);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  return readStream(res.body as unknown as AsyncIterable<Uint8Array>, url);
}

/** Whether the argument is a URL to fetch (only http and https, given explicitly). */
export function isUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

/**
 * Reads FILE, `-` (stdin) or an http(s) URL and decodes it. Throws InputError for anything that
 * breaks the input rules.
 */
export async function readInput(
  arg: string,
  stdin: AsyncIterable<Uint8Array | string> = process.stdin,
): Promise<Input> {
  if (arg === '-') {
    const text = decodeInput(await readStream(stdin, 'stdin'), 'stdin');
    return { source: '-', text, html: looksLikeHtml('', text) };
  }
  if (isUrl(arg)) {
    const text = decodeInput(await fetchBytes(arg), arg);
    return { source: arg, url: arg, text, html: looksLikeHtml(new URL(arg).pathname, text) };
  }
  const text = decodeInput(await readFileBytes(arg), arg);
  return { source: arg, text, html: looksLikeHtml(arg, text) };
}
