import { beforeAll, describe, expect, it } from 'vitest';
import { annotateLine, OVERSIZE } from '../../cli/batch-line.ts';
import { readLines, runBatch, THRESHOLD } from '../../cli/batch.ts';
import type { Io } from '../../cli/io.ts';
import { loadBundledPack } from '../../cli/pack.ts';
import { FactIndex } from '../../lib/facts/index.ts';
import type { Pack } from '../../lib/facts/schema.ts';

async function* from(...chunks: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const c of chunks) yield typeof c === 'string' ? new TextEncoder().encode(c) : c;
}

async function collect(gen: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

function fakeIo(stdinText: string, isTTY = false): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s), isTTY },
    stdin: from(stdinText),
  };
}

describe('readLines', () => {
  it('splits across chunks, drops CR and the final newline, keeps blank lines', async () => {
    expect(await collect(readLines(from('a\r\nb', 'c\n\nd\n'), 's'))).toEqual(['a', 'bc', '', 'd']);
    expect(await collect(readLines(from('x'), 's'))).toEqual(['x']);
  });

  it('checks UTF-8 across chunk boundaries', async () => {
    const e = new TextEncoder().encode('é\n');
    expect(await collect(readLines(from(e.slice(0, 1), e.slice(1)), 's'))).toEqual(['é']);
    await expect(collect(readLines(from('ok\n', Uint8Array.from([0xff, 0x0a])), 's'))).rejects.toThrow(
      /s: input is not valid UTF-8/,
    );
  });

  it('refuses empty and binary input', async () => {
    await expect(collect(readLines(from(), 's'))).rejects.toThrow(/input is empty/);
    await expect(collect(readLines(from(Uint8Array.from([0x7b, 0, 0x7d])), 's'))).rejects.toThrow(/binary/);
  });
});

describe('annotate --jsonl', () => {
  let packs: Pack[];
  let index: FactIndex;
  beforeAll(async () => {
    packs = [await loadBundledPack()];
    index = FactIndex.fromPacks(packs);
  });

  const good = (i: number) =>
    JSON.stringify({
      id: `d${i}`,
      text: `Steve Barclay met the BMA on day ${i}. Junior doctors went on strike.`,
      published: i % 2 ? '2023-08-24' : null,
      url: 'https://x/' + i,
      extra: [1],
    });

  it('gives an error line for each kind of bad line, keeping the id when there is one', () => {
    const err = (line: string | typeof OVERSIZE) => JSON.parse(annotateLine(line, index, '2024-01-01'));
    expect(err('{bad')).toEqual({ id: null, error: expect.stringMatching(/^invalid JSON/) });
    expect(err('')).toEqual({ id: null, error: 'empty line' });
    expect(err('[1]')).toEqual({ id: null, error: expect.stringMatching(/expected object/) });
    expect(err('{"id":"x","text":5}')).toEqual({ id: 'x', error: expect.stringMatching(/^text: /) });
    expect(err('{"id":"y","text":"a","published":"24 Aug"}')).toEqual({
      id: 'y',
      error: expect.stringMatching(/^published: /),
    });
    expect(err('{"id":{"a":1},"text":"a"}')).toEqual({ id: null, error: expect.stringMatching(/^id: /) });
    expect(err(OVERSIZE)).toEqual({ id: null, error: expect.stringMatching(/20 MB/) });
    expect(err('{"text":"Nurses"}')).toEqual({ id: null, annotations: [] });
  });

  it('uses the worker pool over THRESHOLD lines and keeps input order', { timeout: 60_000 }, async () => {
    const lines = Array.from({ length: THRESHOLD + 40 }, (_, i) =>
      i === 17 ? '{oops' : i === 33 ? '{"id":"m"}' : good(i),
    );
    const io = fakeIo(lines.join('\n') + '\n');
    expect(await runBatch('-', io, { packs, today: '2024-01-01', progress: true, workers: 2 })).toBe(0);
    const expected = lines.map((l) => annotateLine(l, index, '2024-01-01') + '\n');
    expect(io.out).toEqual(expected);
    expect(io.err).toEqual(['annotated 50/60\n', 'annotated 60/60\n', '2 lines with errors\n']);
  });

  it('runs small inputs in the main thread, with no progress unless asked', async () => {
    const io = fakeIo([good(1), '{"id":2}', good(3)].join('\n'));
    expect(await runBatch('-', io, { packs, today: '2024-01-01', progress: false })).toBe(0);
    expect(io.out.map((l) => JSON.parse(l).id)).toEqual(['d1', 2, 'd3']);
    expect(JSON.parse(io.out[1]!).error).toMatch(/text/);
    expect(io.err).toEqual([]);
  });
});
