/**
 * `annotate --jsonl [FILE|-]`: one JSON object per line in, one per line out, in input order. A bad
 * line gives `{id, error}` and the batch goes on; only unreadable input stops it (InputError).
 * Over THRESHOLD lines, a pool of worker threads (one per available core) does the work.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FactIndex } from '../lib/facts/index.ts';
import type { Pack } from '../lib/facts/schema.ts';
import { annotateLine, OVERSIZE } from './batch-line.ts';
import type { BatchJob, BatchReply } from './batch-worker.ts';
import { InputError, MAX_INPUT_BYTES } from './input.ts';
import type { Io } from './io.ts';

/** Inputs with more lines than this go to worker threads. */
export const THRESHOLD = 20;
const JOB_LINES = 8;
const PROGRESS_EVERY = 50;

/** Options for runBatch. */
export interface BatchOptions {
  packs: Pack[];
  today?: string;
  /** Report progress on stderr. */
  progress: boolean;
  /** Worker count (default: os.availableParallelism()). */
  workers?: number;
}

type Line = string | typeof OVERSIZE;

/** Splits a byte stream into lines, checking UTF-8 as it goes; a line over 20 MB becomes OVERSIZE. */
export async function* readLines(stream: AsyncIterable<Uint8Array | string>, source: string): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array): string => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new InputError(`${source}: input is not valid UTF-8`);
    }
  };
  let buf = '';
  let bytesSeen = 0;
  let skipping = false;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (bytesSeen === 0 && bytes.includes(0))
      throw new InputError(`${source}: input looks binary (it contains NUL bytes)`);
    bytesSeen += bytes.length;
    const parts = (buf + decode(bytes)).split('\n');
    buf = parts.pop()!;
    for (const part of parts) {
      yield skipping ? OVERSIZE : part.replace(/\r$/, '');
      skipping = false;
    }
    if (buf.length > MAX_INPUT_BYTES) [skipping, buf] = [true, ''];
  }
  buf += decode();
  if (bytesSeen === 0) throw new InputError(`${source}: input is empty`);
  if (skipping) yield OVERSIZE;
  else if (buf.replace(/\r$/, '') !== '') yield buf.replace(/\r$/, '');
}

const ERROR_LINE = /^\{"id":(?:null|[-\d.e+]+|"(?:[^"\\]|\\.)*"),"error":/;

/** Writes outputs in input order as they arrive out of order. */
class OrderedOutput {
  private next = 0;
  private readonly pending = new Map<number, string>();
  written = 0;
  errors = 0;
  constructor(
    private readonly io: Io,
    private readonly onProgress: (n: number) => void,
  ) {}

  put(i: number, output: string): void {
    this.pending.set(i, output);
    for (let out = this.pending.get(this.next); out !== undefined; out = this.pending.get(this.next)) {
      this.pending.delete(this.next);
      this.io.stdout.write(out + '\n');
      if (ERROR_LINE.test(out)) this.errors++;
      this.next++;
      this.written++;
      if (this.written % PROGRESS_EVERY === 0) this.onProgress(this.written);
    }
  }
}

/** A fixed set of workers taking jobs from one queue. */
class Pool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: BatchJob[] = [];
  private busy = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(n: number, data: { packs: Pack[]; today?: string }, onReply: (r: BatchReply) => void) {
    for (let i = 0; i < n; i++) {
      const worker = new Worker(new URL('./batch-worker.mjs', import.meta.url), { workerData: data });
      worker.on('message', (reply: BatchReply) => {
        this.busy--;
        onReply(reply);
        this.idle.push(worker);
        this.dispatch();
      });
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => code !== 0 && this.fail(new Error(`batch worker exited with code ${code}`)));
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  /** Lines queued or being annotated. */
  get load(): number {
    return this.busy * JOB_LINES + this.queue.length * JOB_LINES;
  }

  submit(job: BatchJob): void {
    this.queue.push(job);
    this.dispatch();
  }

  /** Resolves when the load drops below `limit` (or everything is done, with limit 1). */
  async until(limit: number): Promise<void> {
    while (this.load >= limit) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      this.busy++;
      this.idle.pop()!.postMessage(this.queue.shift()!);
    }
    this.wake?.();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wake?.();
  }
}

function progressReporter(io: Io, enabled: boolean, read: () => number): (n: number, done?: boolean) => void {
  if (!enabled) return () => {};
  const tty = !!io.stderr.isTTY;
  return (n, done = false) => {
    const line = `annotated ${n}/${read()}`;
    if (tty) io.stderr.write(`\r${line}${done ? '\n' : ''}`);
    else io.stderr.write(`${line}\n`);
  };
}

async function openSource(source: string, io: Io): Promise<AsyncIterable<Uint8Array | string>> {
  if (source === '-') return io.stdin;
  try {
    if ((await stat(source)).isDirectory()) throw new InputError(`${source}: is a directory`);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${source}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return createReadStream(source);
}

async function runPooled(
  first: Line[],
  rest: AsyncIterator<Line>,
  opts: BatchOptions,
  out: OrderedOutput,
): Promise<void> {
  const size = Math.max(1, opts.workers ?? availableParallelism());
  const onReply = (r: BatchReply): void => r.outputs.forEach((o, k) => out.put(r.first + k, o));
  const pool = new Pool(size, { packs: opts.packs, today: opts.today }, onReply);
  const jobLine = (l: Line): string | null => (l === OVERSIZE ? null : l);
  try {
    for (let i = 0; i < first.length; i += JOB_LINES) {
      pool.submit({ first: i, lines: first.slice(i, i + JOB_LINES).map(jobLine) });
    }
    let job: BatchJob = { first: first.length, lines: [] };
    for (let r = await rest.next(); !r.done; r = await rest.next()) {
      job.lines.push(jobLine(r.value));
      if (job.lines.length < JOB_LINES) continue;
      pool.submit(job);
      job = { first: job.first + job.lines.length, lines: [] };
      await pool.until(size * JOB_LINES * 8);
    }
    if (job.lines.length > 0) pool.submit(job);
    await pool.until(1);
  } finally {
    await pool.close();
  }
}

/** Reads up to THRESHOLD + 1 lines; `done` when the input ended within them. */
async function head(lines: AsyncIterator<Line>): Promise<{ first: Line[]; done: boolean }> {
  const first: Line[] = [];
  while (first.length <= THRESHOLD) {
    const r = await lines.next();
    if (r.done) return { first, done: true };
    first.push(r.value);
  }
  return { first, done: false };
}

/** Runs the batch; resolves to the exit code (0 even when some lines failed). */
export async function runBatch(source: string, io: Io, opts: BatchOptions): Promise<number> {
  let read = 0;
  const progress = progressReporter(io, opts.progress, () => read);
  const out = new OrderedOutput(io, (n) => progress(n));
  const lines = readLines(await openSource(source, io), source === '-' ? 'stdin' : source)[Symbol.asyncIterator]();
  const { first, done } = await head(lines);
  read = first.length;
  if (done) {
    const index = FactIndex.fromPacks(opts.packs);
    first.forEach((line, i) => out.put(i, annotateLine(line, index, opts.today)));
  } else {
    const counted: AsyncIterator<Line> = {
      next: async () => {
        const r = await lines.next();
        if (!r.done) read++;
        return r;
      },
    };
    await runPooled(first, counted, opts, out);
  }
  progress(out.written, true);
  if (opts.progress) io.stderr.write(`${out.errors} line${out.errors === 1 ? '' : 's'} with errors\n`);
  return 0;
}
