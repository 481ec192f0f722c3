import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeInput, InputError, looksLikeHtml, MAX_INPUT_BYTES, readInput } from '../../cli/input.ts';
import { pageFromInput, pageFromText } from '../../cli/page.ts';

const dir = mkdtempSync(join(tmpdir(), 'nhs-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (s: string) => new TextEncoder().encode(s);

async function* chunks(n: number, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < n; i++) yield new Uint8Array(size).fill(0x61);
}

describe('decodeInput', () => {
  it('rejects empty, whitespace-only, binary and non-UTF-8 input', () => {
    expect(() => decodeInput(new Uint8Array(), 'f')).toThrow(/f: input is empty/);
    expect(() => decodeInput(bytes(' \n\t '), 'f')).toThrow(/empty/);
    expect(() => decodeInput(bytes('a\0b'), 'f')).toThrow(/binary/);
    expect(() => decodeInput(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), 'f')).toThrow(/not valid UTF-8/);
    expect(() => decodeInput(bytes('a'), 'f')).not.toThrow();
  });

  it('drops a BOM', () => {
    expect(decodeInput(Uint8Array.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'f')).toBe('hi');
  });
});

describe('looksLikeHtml', () => {
  it('goes by the name or a leading <', () => {
    expect(looksLikeHtml('a.HTML', 'text')).toBe(true);
    expect(looksLikeHtml('a.htm', 'text')).toBe(true);
    expect(looksLikeHtml('https://x/a.html?x=1', 'text')).toBe(true);
    expect(looksLikeHtml('a.txt', '\ufeff \n <!doctype html>')).toBe(true);
    expect(looksLikeHtml('a.txt', 'Nurses <3 pay')).toBe(false);
  });
});

describe('readInput', () => {
  it('refuses a file over 20 MB, naming the limit and the size', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, MAX_INPUT_BYTES + 1);
    const err = await readInput(big).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/20 MB/);
    expect((err as Error).message).toMatch(/20\.0 MB \(20971521 bytes\)/);
  });

  it('refuses stdin over 20 MB without reading it all', async () => {
    const err = await readInput('-', chunks(64, 1024 * 1024)).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^stdin: input is over 2\d\.\d MB \(\d+ bytes\); the limit is 20 MB/);
  });

  it('reads stdin and files, detecting HTML', async () => {
    const html = join(dir, 'page.txt');
    writeFileSync(html, '  <html><body><p>x</p></body></html>');
    expect(await readInput(html)).toMatchObject({ source: html, html: true });
    expect(await readInput('-', chunks(1, 10))).toMatchObject({ source: '-', text: 'aaaaaaaaaa', html: false });
    await expect(readInput(join(dir, 'missing.txt'))).rejects.toThrow(/cannot read \(ENOENT\)/);
    await expect(readInput(dir)).rejects.toThrow(/is a directory/);
  });
});

describe('pages for the CLI', () => {
  it('plain text: url, no title, given date, blocks on blank lines, text unchanged', () => {
    const text = 'First para\nstill first.\n\n  Second.\r\n\r\nThird\n';
    const page = pageFromText(text, 'a.txt', '2023-08-24');
    expect(page).toMatchObject({ url: 'a.txt', title: '', published: '2023-08-24', publishedFrom: 'given', text });
    expect(page.blocks.map(([s, e]) => text.slice(s, e))).toEqual(['First para\nstill first.', 'Second.', 'Third']);
    expect(pageFromText('x', '')).toEqual({ url: '', title: '', publishedFrom: 'none', text: 'x', blocks: [[0, 1]] });
  });

  it('HTML: extracted; --published overrides the page date; no article is an input error', async () => {
    const html =
      '<html><head><meta name="date" content="2023-01-05"><link rel="canonical" href="https://news.example/x"></head>' +
      '<body><article><h1>Strike talks resume</h1><p>The BMA met ministers on Tuesday for talks.</p></article></body></html>';
    const page = await pageFromInput({ source: 'x.html', text: html, html: true });
    expect(page).toMatchObject({ url: 'https://news.example/x', published: '2023-01-05', publishedFrom: 'meta' });
    const given = await pageFromInput({ source: 'x.html', text: html, html: true }, { published: '2023-02-01' });
    expect(given).toMatchObject({ published: '2023-02-01', publishedFrom: 'given' });
    await expect(pageFromInput({ source: 'n.html', text: '<nav>x</nav>', html: true })).rejects.toThrow(
      /no article text/,
    );
  });
});

describe('readInput from a URL', () => {
  it('fetches http URLs given explicitly, detecting HTML; HTTP errors are input errors', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/a') res.writeHead(200, { 'content-type': 'text/html' }).end('<html><p>x</p></html>');
      else res.writeHead(404).end('nope');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect(await readInput(`${base}/a`)).toMatchObject({ source: `${base}/a`, url: `${base}/a`, html: true });
      await expect(readInput(`${base}/missing`)).rejects.toThrow(/HTTP 404/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
