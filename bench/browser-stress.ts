/**
 * Chromium figures that need the real content script and its test hook (a test build, in
 * .output/bench-test): the 200,000-node page and the infinite-scroll page of issue 7 (full-rescan
 * main-thread cost, annotator runs, long tasks, JS heap), and hover to card on the seed article.
 *
 * Long tasks and heap are the renderer's, which the page shares with the content script: each page
 * is also loaded in a Chromium without the extension, and that baseline is printed beside (heap
 * figures are the difference, after a forced GC in both).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { figure, type Figure } from './measure.ts';
import { bigPage, scrollPage } from '../tests/e2e/big-pages.ts';
import { chromiumArgs, serve } from '../tests/e2e/harness.ts';
import { hookSnapshot, pointOf } from '../tests/e2e/page-probe.ts';

export interface StressOptions {
  /** A test build (NHS_CONTEXT_TEST_HOSTS=1): loopback pages and the test hook. */
  testExtensionDir: string;
  chromiumPath: string;
  seedHtml: string;
  runs: number;
  log: (line: string) => void;
}

/** Records every long task from the start of the document (installed before the page's scripts). */
const LONGTASK_INIT = `(() => {
  const tasks = (window.__nhsLongTasks = []);
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

interface Load {
  longTasks: number[];
  heapMB: number;
  /** Heap after GC at the first annotation (scroll page), for the growth. */
  heapStartMB: number;
  runs: number;
  rescanMs: number;
  /** The rescan's longest slice (its read and paint run in slices: lib/page/slices.ts). */
  sliceMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

/** Load a page, wait until it settles (and the extension annotated it), read long tasks and heap. */
async function load(context: BrowserContext, url: string, withExtension: boolean, scroll: boolean): Promise<Load> {
  const page = await context.newPage();
  try {
    await page.addInitScript(LONGTASK_INIT);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const annotated = async () => {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        if (((await hookSnapshot(page))?.mentions.length ?? 0) > 0) return;
        await sleep(50);
      }
      throw new Error(`${url} was not annotated`);
    };
    if (withExtension) await annotated();
    const heapStartMB = scroll ? await heapAfterGc(page) : 0;
    if (scroll)
      await page.waitForFunction(
        () => (window as unknown as { __scrollDone?: number }).__scrollDone !== undefined,
        null,
        {
          timeout: 30_000,
        },
      );
    // Let the last batched rescan (debounce + round trip + paint) finish; the same wait without the extension.
    await sleep(2000);
    const longTasks = await page.evaluate(() => (window as unknown as { __nhsLongTasks: number[] }).__nhsLongTasks);
    const heapMB = await heapAfterGc(page);
    let runs = 0;
    let rescanMs = 0;
    let sliceMs = 0;
    if (withExtension) {
      runs = (await hookSnapshot(page))?.runs ?? 0;
      const measured = await hookSnapshot(page, 'measure');
      if (!measured?.timings) throw new Error(`no timings from ${url}`);
      rescanMs = measured.timings.extractMs + measured.timings.paintMs;
      sliceMs = measured.timings.longestSliceMs;
    }
    return { longTasks: [...longTasks], heapMB, heapStartMB, runs, rescanMs, sliceMs };
  } finally {
    await page.close();
  }
}

/** Hover a mention of the seed article, wait for its card; the hook's open-decision-to-render time. */
async function hoverToCard(page: Page, runs: number): Promise<number[]> {
  const snap = await hookSnapshot(page);
  const entities = [...new Set((snap?.mentions ?? []).filter((m) => m.kind === 'entity').map((m) => m.exact))];
  if (entities.length === 0) throw new Error('no entity mentions on the seed article');
  const out: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const exact = entities[i % entities.length]!;
    await page.mouse.move(1, 1);
    for (let t = 0; t < 100 && (await hookSnapshot(page))?.openCard; t++) await sleep(50);
    const at = await pointOf(page, 'article', exact);
    await page.mouse.move(at.x, at.y);
    let opened = null;
    for (let t = 0; t < 100 && !opened; t++) {
      await sleep(50);
      const s = await hookSnapshot(page);
      if (s?.openCard && s.cardRenderMs !== null) opened = s;
    }
    if (!opened) throw new Error(`no card for "${exact}"`);
    if (i > 0) out.push(opened.cardRenderMs!); // the first open compiles Preact's paths and the card's styles
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function stressFigures(opts: StressOptions): Promise<Figure[]> {
  const { runs, log } = opts;
  const out: Figure[] = [];
  const server = await serve({
    '/huge.html': { body: bigPage() },
    '/scroll.html': { body: scrollPage() },
    '/seed.html': { body: opts.seedHtml },
  });
  const profile = mkdtempSync(join(tmpdir(), 'nhs-context-bench-test-profile-'));
  let withExt: BrowserContext | undefined;
  let plain: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    withExt = await chromium.launchPersistentContext(profile, {
      executablePath: opts.chromiumPath,
      headless: true,
      args: chromiumArgs(opts.testExtensionDir),
    });
    if (!withExt.serviceWorkers()[0]) await withExt.waitForEvent('serviceworker', { timeout: 30_000 });
    plain = await chromium.launch({
      executablePath: opts.chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    const baseline = await plain.newContext();

    // Warm-up: the service worker (bundled pack import) and the content script's first run.
    await load(withExt, `${server.origin}/seed.html`, true, false);

    for (const [name, path, label] of [
      ['huge', '/huge.html', 'the 200,000-node page'],
      ['scroll', '/scroll.html', 'the infinite-scroll page (1,000 nodes / 100 ms for 3 s)'],
    ] as const) {
      log(`chromium (test build): ${label}`);
      const scroll = name === 'scroll';
      const ext: Load[] = [];
      const base: Load[] = [];
      for (let i = 0; i < runs; i++) {
        ext.push(await load(withExt, server.origin + path, true, scroll));
        base.push(await load(baseline, server.origin + path, false, scroll));
      }
      const count = (l: Load) => l.longTasks.length;
      const longest = (l: Load) => Math.max(0, ...l.longTasks);
      const baseNote = (f: (l: Load) => number, unit: string) =>
        `without the extension: ${median(base.map(f)).toFixed(1)} ${unit} (the page's own parsing and scripts)`;
      out.push(
        figure(
          `stress.${name}-rescan`,
          `one full rescan (extract + paint, main thread), ${label}`,
          'ms',
          'lower',
          ext.map((l) => l.rescanMs),
          {
            note: 'what each batched re-read costs, summed over its slices; the test hook\'s "measure"',
          },
        ),
        figure(
          `stress.${name}-slice`,
          `  its longest slice (a task of its own), ${label}`,
          'ms',
          'lower',
          ext.map((l) => l.sliceMs),
        ),
        figure(
          `stress.${name}-runs`,
          `annotator runs from load until settled, ${label}`,
          'runs',
          'lower',
          ext.map((l) => l.runs),
          {
            note: scroll
              ? '30 bursts of mutations batched into one full rescan per MAX_WAIT_MS (lib/page/timing.ts)'
              : undefined,
          },
        ),
        figure(
          `stress.${name}-long-tasks`,
          `long tasks (> 50 ms) from navigation until settled, ${label}`,
          'tasks',
          'lower',
          ext.map(count),
          {
            note: baseNote(count, 'tasks'),
          },
        ),
        figure(
          `stress.${name}-longest-task`,
          `longest task from navigation until settled, ${label}`,
          'ms',
          'lower',
          ext.map(longest),
          {
            note: baseNote(longest, 'ms'),
          },
        ),
      );
      if (scroll)
        out.push(
          figure(
            'stress.scroll-heap-growth',
            `JS heap growth (after GC) from the first annotation until settled, ${label}`,
            'MB',
            'lower',
            ext.map((l) => l.heapMB - l.heapStartMB),
            { note: `${baseNote((l) => l.heapMB - l.heapStartMB, 'MB')}; renderer heap, page included` },
          ),
        );
      out.push(
        figure(
          `stress.${name}-heap-extension`,
          `JS heap (after GC) with the extension minus without, ${label}`,
          'MB',
          'lower',
          ext.map((l, i) => l.heapMB - base[i]!.heapMB),
          {
            note: `with ${median(ext.map((l) => l.heapMB)).toFixed(1)} MB, without ${median(base.map((l) => l.heapMB)).toFixed(1)} MB`,
          },
        ),
      );
    }

    log('chromium (test build): hover to card on the seed article');
    const page = await withExt.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.origin}/seed.html`);
    for (let t = 0; t < 200 && !((await hookSnapshot(page))?.mentions.length ?? 0); t++) await sleep(50);
    const hover = await hoverToCard(page, Math.max(3, runs * 2));
    out.push(
      figure(
        'page.hover-to-card',
        'hover to card: open decision (after the open delay) to the card rendered and placed',
        'ms',
        'lower',
        hover,
        {
          note: 'card data already in the page (annotate result); lib/page/card-controller.tsx, test build only',
        },
      ),
    );
    await page.close();
  } finally {
    await withExt?.close().catch(() => {});
    await plain?.close().catch(() => {});
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return out;
}
