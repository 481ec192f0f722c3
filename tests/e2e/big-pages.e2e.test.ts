/**
 * Issue 7, "hostile and unusual pages": a 200,000-node page and an infinite-scroll page adding
 * 1,000 nodes every 100 ms for ~3 s. No errors; the article is annotated; re-reads are batched
 * (each a full rescan, a bounded number of them however many mutations arrive: lib/page/watch.ts);
 * and the extension keeps up (text appended last is highlighted once the page settles).
 * Their timing and memory figures are the bench's (bench/browser.ts), not this test's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import { MAX_WAIT_MS, MUTATION_DEBOUNCE_MS } from '../../lib/page/timing.ts';
import { bigPage, LAST_APPENDED, scrollPage } from './big-pages.ts';
import { launchWithExtension, serve, useResource } from './harness.ts';
import { hookSnapshot } from './page-probe.ts';

/** Collect page errors and console errors (the content script's console is the page's, in Chromium). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

describe('big and fast-changing pages', () => {
  const server = useResource(
    () => serve({ '/big.html': { body: bigPage() }, '/scroll.html': { body: scrollPage() } }),
    {
      beforeAll,
      afterAll,
    },
  );
  const extension = useResource(() => launchWithExtension(), { beforeAll, afterAll });

  it('annotates a 200,000-node page without errors', async () => {
    const page = await extension().context.newPage();
    const errors = watchErrors(page);
    try {
      await page.goto(`${server().origin}/big.html`, { timeout: 30_000 });
      expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(100_000);
      await expect
        .poll(async () => (await hookSnapshot(page))?.mentions.length ?? 0, { timeout: 20_000 })
        .toBeGreaterThan(0);
      const snap = (await hookSnapshot(page))!;
      // Nothing changes after load: the start-up run, and no re-read of a page that did not change.
      expect(snap.runs).toBeLessThanOrEqual(2);
      expect(snap.mentions.some((m) => m.name === 'Wes Streeting')).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('keeps up with an infinite-scroll page (1,000 nodes every 100 ms) with a bounded number of full rescans', async () => {
    const page = await extension().context.newPage();
    const errors = watchErrors(page);
    try {
      const started = Date.now();
      await page.goto(`${server().origin}/scroll.html`);
      await expect.poll(async () => (await hookSnapshot(page))?.mentions.length ?? 0).toBeGreaterThan(0);
      await page.waitForFunction(
        () => (window as unknown as { __scrollDone?: number }).__scrollDone !== undefined,
        null,
        {
          timeout: 15_000,
        },
      );
      const scrolledMs = Date.now() - started;
      // Once the page settles, the text appended last is annotated and highlighted.
      const lastHighlighted = () =>
        page.evaluate((last) => {
          const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
          const p = [...document.querySelectorAll('#feed p')].find((el) => el.textContent === last);
          return [...(registry.get('nhs-context-entity') ?? [])]
            .filter((r) => !!p && p.contains(r.startContainer))
            .map(String);
        }, LAST_APPENDED);
      await expect.poll(lastHighlighted, { timeout: 15_000 }).toContain('Christina McAnea');
      const settledMs = Date.now() - started;
      const snap = (await hookSnapshot(page))!;
      // 30 bursts of mutations: one full rescan per MAX_WAIT_MS while they last, one after they stop,
      // plus the start-up run — never one per burst.
      const bound = Math.ceil(scrolledMs / MAX_WAIT_MS) + 3;
      console.log(
        `infinite scroll: ${snap.runs} annotator runs over ${scrolledMs} ms of mutations, last text highlighted at ${settledMs} ms (bound ${bound}; debounce ${MUTATION_DEBOUNCE_MS} ms, max wait ${MAX_WAIT_MS} ms)`,
      );
      expect(snap.runs).toBeGreaterThanOrEqual(2);
      expect(snap.runs).toBeLessThanOrEqual(bound);
      expect(snap.runs).toBeLessThan(30);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
