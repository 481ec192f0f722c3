/**
 * The popup on the seed article (served as a listed news site): the mentions with roles on the
 * article's date, the strike timeline, the claims; clicking "Steve Barclay" scrolls the page to
 * him and opens his card; every export downloads and parses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, newsSiteArgs, ROOT, serveHttps, useResource } from './harness.ts';
import { hookSnapshot, readCard } from './page-probe.ts';

const HOST = 'www.theguardian.com';
const ARTICLE_URL = `https://${HOST}/society/2023/aug/24/consultants-strike`;
const seed = readFileSync(join(ROOT, 'tests/fixtures/seed-article.html'), 'utf8');

declare const chrome: { tabs: { query(q: { url: string }): Promise<{ id?: number }[]> } };

/** A small RFC 4180 reader: enough to read our CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) cell += c;
    else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

describe('the popup on the seed article', () => {
  const server = useResource(() => serveHttps({ '/society/2023/aug/24/consultants-strike': { body: seed } }, HOST), {
    beforeAll,
    afterAll,
  });
  const extension = useResource(() => launchWithExtension(newsSiteArgs(HOST, server().port)), { beforeAll, afterAll });

  it('lists mentions, the timeline and claims; a click opens the card; every export parses', async () => {
    const page = await extension().context.newPage();
    const popup = await extension().context.newPage();
    try {
      await page.goto(ARTICLE_URL);
      await expect
        .poll(async () => (await hookSnapshot(page))?.mentions.length ?? 0, { timeout: 15_000 })
        .toBeGreaterThan(5);
      await popup.goto(extension().url('popup.html'));
      const tabId = await popup.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, ARTICLE_URL);
      await popup.goto(extension().url(`popup.html?tab=${tabId}`));

      const people = popup.getByRole('region', { name: 'People' });
      await expect.poll(() => people.textContent(), { timeout: 10_000 }).toContain('Steve Barclay');
      expect(await people.textContent()).toContain('Secretary of State for Health and Social Care');
      expect(await popup.locator('.date').textContent()).toContain('24 August 2023');
      await popup.getByRole('tab', { name: /Timeline/ }).click();
      await expect.poll(() => popup.locator('svg[role=group] rect.tl-bar').count()).toBeGreaterThan(2);
      const marks = await popup
        .locator('.timeline [role=button]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      expect(marks.some((m) => m?.includes('First consultant strike of the dispute'))).toBe(true);
      expect(marks.some((m) => m?.startsWith('Meeting, '))).toBe(true);
      await popup.getByRole('tab', { name: /Claims/ }).click();
      const claims = await popup.locator('.claims').textContent();
      expect(claims).toContain('more than five months');
      expect(claims).toContain('The fact base holds something else');
      await popup.getByRole('tab', { name: /Mentions/ }).click();

      await people.getByRole('button', { name: 'Steve Barclay' }).click();
      await expect.poll(async () => (await readCard(page)).label).toBe('Steve Barclay');
      expect((await readCard(page)).text).toContain('Secretary of State for Health and Social Care');
      const inView = await page.evaluate(() => {
        const p = [...document.querySelectorAll('article p')].find((el) => el.textContent!.includes('Steve Barclay'))!;
        const r = p.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      });
      expect(inView).toBe(true);

      const read = async (label: string) => {
        const [download] = await Promise.all([
          popup.waitForEvent('download'),
          popup.getByRole('button', { name: label }).click(),
        ]);
        return { name: download.suggestedFilename(), body: readFileSync((await download.path())!, 'utf8') };
      };
      await popup.getByRole('tab', { name: /Export/ }).click();
      const w3c = await read('W3C Web Annotation');
      expect(w3c.name).toMatch(/theguardian\.com.*2023-08-24.*\.json/);
      const collection = JSON.parse(w3c.body);
      expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(collection.type).toBe('AnnotationCollection');
      const first = collection.first.items[0];
      expect(first.type).toBe('Annotation');
      expect(first.target.source).toBe(ARTICLE_URL);
      expect(first.target.selector.map((s: { type: string }) => s.type).sort()).toEqual([
        'TextPositionSelector',
        'TextQuoteSelector',
      ]);
      expect(collection.first.items.some((i: { motivation: string }) => i.motivation === 'assessing')).toBe(true);

      expect(JSON.parse((await read('Hypothesis JSON')).body).annotations.length).toBeGreaterThan(5);
      const csv = parseCsv((await read('CSV')).body);
      expect(csv[0]!.slice(0, 4)).toEqual(['Created at', 'Author', 'Page', 'URL']);
      expect(csv.length).toBeGreaterThan(5);
      expect(csv.every((r) => r.length === csv[0]!.length)).toBe(true);
      const md = (await read('Markdown report')).body;
      expect(md).toMatch(/^# /);
      expect(md).toMatch(/\]\(https:\/\/www\.bma\.org\.uk\//);
      const review = JSON.parse((await read('ClaimReview drafts')).body);
      expect(JSON.stringify(review)).toContain('ClaimReview');
    } finally {
      await popup.close();
      await page.close();
    }
  });
});
