/**
 * The options page in Chromium (test build): importing a malformed pack, subscribing to a pack on a
 * loopback server (first import, a 304, a changed pack with the wrong integrity refused), and own
 * facts (refused without a source; with one, shown on the entity's card).
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, useResource } from './harness.ts';

/** The extension API as seen from our own pages, inside `page.evaluate`. */
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

type Status = { data: { packs: { id: string; version: string; origin: string }[]; factCount: number } };

function testPack(version: string, facts = 2) {
  const source = { url: 'https://example.org/a', publisher: 'Example', published: '2024-01-02' };
  return {
    format: 1,
    id: 'e2e-remote',
    name: 'E2E remote pack',
    version,
    published: '2025-01-01',
    license: 'CC BY 4.0',
    coverage: { from: '2024', to: '2025' },
    entities: [
      { id: 'e2e-org', kind: 'organisation', name: 'E2E Org', aliases: [], description: '', sameAs: [], anchor: false },
    ],
    events: [],
    facts: Array.from({ length: facts }, (_, i) => ({
      id: `e2e-f${i}`,
      subject: 'e2e-org',
      predicate: 'note',
      value: i,
      asOf: '2024-01-02',
      statement: `Fact ${i} of ${version}`,
      sources: [source],
      confidence: 'single-source',
    })),
  };
}

/** A pack server with an ETag that answers If-None-Match with 304, and counts what it sent. */
async function packServer() {
  let body = JSON.stringify(testPack('1.0.0'));
  const log: number[] = [];
  const server: Server = createServer((req, res) => {
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`;
    if (req.headers['if-none-match'] === etag) {
      log.push(304);
      res.writeHead(304, { etag }).end();
      return;
    }
    log.push(200);
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', etag }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pack.json`,
    log,
    serve: (next: unknown) => {
      body = JSON.stringify(next);
    },
    integrity: () => `sha256-${createHash('sha256').update(body).digest('base64')}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

const status = (page: Page) => page.evaluate(() => chrome.runtime.sendMessage({ type: 'status' })) as Promise<Status>;

describe('the options page in Chromium', () => {
  const extension = useResource(() => launchWithExtension(), { beforeAll, afterAll });
  const pages: Page[] = [];
  async function options(): Promise<Page> {
    const page = await extension().context.newPage();
    pages.push(page);
    await page.goto(extension().url('options.html'));
    await page.locator('.pack-name').first().waitFor();
    return page;
  }
  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => {});
  });

  it('opens the first-run notice on install', async () => {
    const { context, url } = extension();
    const welcome = () => context.pages().find((p) => p.url() === url('options.html#welcome'));
    await expect.poll(() => welcome() !== undefined, { timeout: 15_000 }).toBe(true);
    const heading = welcome()!.getByRole('heading', { name: 'Welcome to NHS Context' });
    await heading.waitFor();
    expect(await welcome()!.locator('.welcome').textContent()).toContain('Nothing leaves your browser.');
  });

  it('searches the fact base from the address the context menu opens', async () => {
    const page = await extension().context.newPage();
    pages.push(page);
    await page.goto(extension().url('options.html#search=Steve%20Barclay'));
    const hit = page.locator('.search-hit[data-id="steve-barclay"]');
    await hit.waitFor();
    expect(await page.locator('input[name="query"]').inputValue()).toBe('Steve Barclay');
    expect(await hit.locator('h4').allTextContents()).toEqual(expect.arrayContaining(['Roles', 'All facts']));
    expect(await hit.locator('a[href^="http"]').count()).toBeGreaterThan(0);
  });

  it('shows the JSON path of a malformed pack and leaves the fact base unchanged', async () => {
    const page = await options();
    const before = await status(page);
    const bad = testPack('1.0.0');
    (bad.facts[1] as { sources: unknown[] }).sources = [];
    await page
      .locator('input[name="pack-file"]')
      .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const errors = page.locator('.errors');
    await expect.poll(() => errors.textContent()).toContain('$.facts[1].sources');
    expect(await errors.textContent()).toContain('bad.json was not imported; the fact base is unchanged.');

    await page
      .locator('input[name="pack-file"]')
      .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "id": "x",,\n}') });
    await expect.poll(() => errors.textContent()).toMatch(/Invalid JSON at line 2, column \d+/);
    expect(await status(page)).toEqual(before);
  });

  it('subscribes to a loopback pack, gets a 304, and refuses a changed pack with the wrong integrity', async () => {
    const server = await packServer();
    try {
      const page = await options();
      await page.locator('input[name="subscription-url"]').fill(server.url);
      await page.locator('input[name="subscription-integrity"]').fill(server.integrity());
      await page.getByRole('button', { name: 'Subscribe' }).click();
      const item = page.locator(`.subscription[data-url="${server.url}"]`);
      await expect
        .poll(() => item.locator('.last-result').getAttribute('data-result'), { timeout: 15_000 })
        .toBe('updated');
      expect((await status(page)).data.packs).toContainEqual(
        expect.objectContaining({ id: 'e2e-remote', version: '1.0.0', origin: 'subscription' }),
      );
      expect(server.log).toEqual([200]);

      await item.getByRole('button', { name: /Update .* now/ }).click();
      await expect.poll(() => item.locator('.last-result').getAttribute('data-result')).toBe('not-modified');
      expect(server.log).toEqual([200, 304]);

      server.serve(testPack('2.0.0', 3));
      await item.getByRole('button', { name: /Update .* now/ }).click();
      await expect
        .poll(() => item.locator('.last-error').textContent())
        .toMatch(/Integrity check failed: expected sha256-/);
      expect(server.log).toEqual([200, 304, 200]);
      const pack = (await status(page)).data.packs.find((p) => p.id === 'e2e-remote');
      expect(pack).toMatchObject({ version: '1.0.0', origin: 'subscription' });
    } finally {
      await server.close();
    }
  });

  it('refuses an own fact without a source; with one, its entity’s card shows it', async () => {
    const page = await options();
    const form = page.locator('form.own-fact-form');
    await form.locator('select[name="subject"]').selectOption('steve-barclay');
    await form.locator('textarea[name="statement"]').fill('Met the BMA on 9 January 2023 (own note).');
    await form.locator('input[name="date"]').fill('2023-01-09');
    await form.getByRole('button', { name: 'Add fact' }).click();
    await expect.poll(() => form.locator('.field-error').textContent()).toMatch(/A source URL is required/);
    const lookup = () =>
      page.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'lookup', query: 'Steve Barclay', date: '2023-08-24' }),
      ) as Promise<{
        data: { card: { facts: { statement: string; sources: { url: string }[] }[] } };
      }>;
    expect((await lookup()).data.card.facts.map((f) => f.statement)).not.toContain(
      'Met the BMA on 9 January 2023 (own note).',
    );

    await form.locator('input[name="sourceUrl"]').fill('https://www.gov.uk/government/news/example');
    await form.getByRole('button', { name: 'Add fact' }).click();
    await expect
      .poll(() => page.locator('.own-facts').textContent())
      .toContain('Met the BMA on 9 January 2023 (own note).');
    const fact = (await lookup()).data.card.facts.find(
      (f) => f.statement === 'Met the BMA on 9 January 2023 (own note).',
    );
    expect(fact?.sources[0]?.url).toBe('https://www.gov.uk/government/news/example');
  });
});
