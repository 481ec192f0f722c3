import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/nhs-context.mjs');
const dir = mkdtempSync(join(tmpdir(), 'nhs-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as a user would (async, so tests run concurrently). */
function cli(
  args: string[],
  input?: string | Buffer,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: dir, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

function file(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return name;
}

const oneLine = (s: string) => s.trimEnd().split('\n').length === 1;

describe.concurrent('nhs-context', { timeout: 60_000 }, () => {
  it('refuses empty, binary and non-UTF-8 input with one line and exit 2', async () => {
    for (const [name, content, msg] of [
      ['empty.txt', '', /input is empty/],
      ['bin.dat', Buffer.from([0x61, 0, 0x62]), /binary/],
      ['latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), /not valid UTF-8/],
    ] as const) {
      const r = await cli(['annotate', file(name, content)]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(oneLine(r.stderr)).toBe(true);
      expect(r.stderr).toMatch(msg);
    }
  });

  it('refuses input over 20 MB, saying the limit and the size', async () => {
    const big = file('big.txt', '');
    truncateSync(join(dir, big), 21 * 1024 * 1024);
    const r = await cli(['annotate', big]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(/21\.0 MB \(22020096 bytes\); the limit is 20 MB/);
  });

  it('validate-pack prints every error with its JSON path and exits 1', async () => {
    const bad = file('bad-pack.json', JSON.stringify({ format: 1, id: 'x', entities: [{ id: 3 }] }));
    const r = await cli(['validate-pack', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\$\.entities\[0\]\.id: /m);
    expect(r.stdout).toMatch(/^\$\.facts: /m);
    const broken = await cli(['validate-pack', file('broken.json', '{"format": 1,')]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^\$: Invalid JSON at line 1/m);
  });

  it('validate-pack counts a valid pack', async () => {
    const r = await cli(['validate-pack', join(root, 'assets/packs/nhs-industrial-action.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^valid: \d+ entities, \d+ events, \d+ facts\n$/);
  });

  it('--pack with an invalid pack prints each path: message and exits 2', async () => {
    const bad = file('bad-pack2.json', JSON.stringify({ format: 1, entities: [{ id: 3 }] }));
    const r = await cli(['annotate', file('b.txt', 'Nurses went on strike.'), '--pack', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\$\.entities\[0\]\.id: /m);
    expect(r.stdout).toBe('');
  });

  it('annotates the seed article as {page, annotations, cards, claims}', async () => {
    copyFileSync(join(root, 'tests/fixtures/seed-article.html'), join(dir, 'seed.html'));
    const r = await cli(['annotate', 'seed.html']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['page', 'annotations', 'cards', 'claims']);
    expect(out.page).toMatchObject({ published: '2023-08-24', publishedFrom: 'json-ld' });
    expect(out.annotations.map((a: { exact: string }) => a.exact)).toContain('Steve Barclay');
  });

  it('annotates plain text from stdin with --published, and claims prints an array', async () => {
    const r = await cli(['annotate', '-', '--published', '2023-08-24'], 'Health Secretary Steve Barclay met the BMA.');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).page).toMatchObject({
      url: '',
      title: '',
      published: '2023-08-24',
      publishedFrom: 'given',
    });
    const claims = await cli(['claims', '-'], 'Junior doctors went on strike.');
    expect(claims.code).toBe(0);
    expect(Array.isArray(JSON.parse(claims.stdout))).toBe(true);
  });

  it('annotate --jsonl: a bad line in the middle gives {id, error}; the others stay in order', async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: 'Steve Barclay met the BMA.', published: '2023-08-24', other: true }),
      '{"id": "b", "text": ',
      JSON.stringify({ id: 'c' }),
      JSON.stringify({ id: 7, text: 'Nurses went on strike.', published: null }),
    ];
    const r = await cli(['annotate', '--jsonl', file('in.jsonl', lines.join('\n') + '\n')]);
    expect(r.code).toBe(0);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', null, 'c', 7]);
    expect(out[0].annotations.length).toBeGreaterThan(0);
    expect(out[1].error).toMatch(/invalid JSON/);
    expect(out[2].error).toMatch(/^text: /);
    expect(Array.isArray(out[3].annotations)).toBe(true);
    expect(r.stderr).toBe('');
  });
});
