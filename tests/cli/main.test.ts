import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../cli/formats.ts';
import type { Io } from '../../cli/io.ts';
import { main } from '../../cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'nhs-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const txt = join(dir, 'a.txt');
writeFileSync(txt, 'Junior doctors went on strike.');

async function run(argv: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin: (async function* () {
      yield new TextEncoder().encode(stdin);
    })(),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('main (in process)', () => {
  it('refuses an unknown format, naming the formats available now', async () => {
    const r = await run(['annotate', txt, '--format', 'xml']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: "nhs-context: unknown format 'xml'; formats: json, w3c, hypothesis, csv, md, claimreview\n",
    });
  });

  it('prints every export format through the shared builders', async () => {
    for (const format of FORMATS.filter((f) => f !== 'json')) {
      const r = await run(['annotate', txt, '-f', format, '--published', '2023-08-24', '--today', '2026-11-24']);
      expect(r.code, format).toBe(0);
      if (['w3c', 'hypothesis', 'claimreview'].includes(format))
        expect(() => JSON.parse(r.stdout), format).not.toThrow();
      if (format === 'w3c') expect(JSON.parse(r.stdout).type).toBe('AnnotationCollection');
      if (format === 'csv') expect(r.stdout.split('\r\n')[0]).toMatch(/^Created at,Author,Page,URL/);
      if (format === 'md') expect(r.stdout).toMatch(/^# /m);
    }
  });

  it('reports usage errors on one line with exit 2', async () => {
    for (const argv of [
      ['frob'],
      ['annotate', txt, '--bogus'],
      ['annotate'],
      ['annotate', 'a', 'b'],
      ['annotate', txt, '--published', '24/08/2023'],
      ['annotate', txt, '--today', '2023-13-01'],
      ['annotate', '--jsonl', txt, '--format', 'md'],
      ['validate-pack'],
      ['eval'],
    ]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect((await run([])).code).toBe(2);
  });

  it('prints help and version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/annotate --jsonl/);
    expect((await run(['-v'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('annotates plain text with --today for a page with no date', async () => {
    const r = await run(['annotate', '-', '--today', '2024-03-01'], 'Junior doctors went on strike.');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).page).toMatchObject({ published: '2024-03-01', publishedFrom: 'none', url: '' });
  });

  it('eval on a missing gold file is an input error', async () => {
    const r = await run(['eval', join(dir, 'missing.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^nhs-context: eval: .*missing\.jsonl/);
  });
});
