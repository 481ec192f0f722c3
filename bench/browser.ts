/**
 * Chromium figures, with the production build loaded in a fresh profile: the service worker's time
 * to first annotations (fresh install, cold after the worker is stopped, warm), pack import into
 * Chromium's IndexedDB (bundled and synthetic packs), and the content script's extract + highlight
 * on the seed article and the 1 MB page; then, with a test build (bench/browser-stress.ts), the
 * 200,000-node and infinite-scroll pages (rescan cost, runs, long tasks, heap) and hover to card.
 *
 * No test hook is needed: code is evaluated through the DevTools protocol (which extension-page
 * CSP does not apply to) in chrome-extension://ID/manifest.json — a document of the extension's
 * origin that runs none of our page code — and in loopback news pages. The bench's own bundles
 * (bench/browser/*-entry.ts, built here with esbuild) contain the same lib/ modules the extension
 * ships.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { AnnotateResult } from '../lib/protocol/annotations.ts';
import type { PageText } from '../lib/protocol/page-text.ts';
import { ROOT, SEED_DATE, textPage, type Inputs } from './inputs.ts';
import { figure, notMeasured, withAnchor, type Figure } from './measure.ts';
import { chromiumArgs } from '../tests/e2e/harness.ts';
import { stressFigures } from './browser-stress.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserContextOptions {
  inputs: Inputs;
  extensionDir: string;
  log: (line: string) => void;
  quick: boolean;
  /** A test build (loopback hosts, test hook) for the stress pages and hover to card; none: not measured. */
  testExtensionDir?: string;
  /** The background's answer for a page, computed in Node with the same pipeline. */
  annotateInNode: (page: PageText) => AnnotateResult;
}

async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

interface Served {
  origin: string;
  close: () => Promise<void>;
}

async function serve(routes: Record<string, string>): Promise<Served> {
  const server = createServer((req, res) => {
    const body = routes[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

type SendResult = { ms: number; ok: boolean; annotations: number };

/** Round trip of one `annotate` message from an extension document, timed in the page. */
function sendAnnotate(page: Page, pageText: PageText): Promise<SendResult> {
  return page.evaluate(async (p) => {
    const chromeApi = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .chrome;
    const t = performance.now();
    const reply = (await chromeApi.runtime.sendMessage({ type: 'annotate', page: p })) as {
      ok: boolean;
      data?: { annotations: unknown[] };
    };
    return { ms: performance.now() - t, ok: reply.ok, annotations: reply.data?.annotations.length ?? 0 };
  }, pageText);
}

/** Stops every service worker of the profile and waits until Chromium reports it stopped. */
async function stopWorker(cdp: CDPSession, stopped: { count: number }): Promise<void> {
  const before = stopped.count;
  await cdp.send('ServiceWorker.stopAllWorkers');
  const start = Date.now();
  while (stopped.count === before && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 10));
}

export async function browserFigures(opts: BrowserContextOptions): Promise<Figure[]> {
  const { inputs, extensionDir, log, quick } = opts;
  const runs = (n: number) => (quick ? Math.min(2, n) : n);
  const out: Figure[] = [];
  const [storeCode, pageCode] = await Promise.all([
    bundle('bench/browser/store-entry.ts'),
    bundle('bench/browser/page-entry.ts'),
  ]);
  const profile = mkdtempSync(join(tmpdir(), 'nhs-context-bench-profile-'));
  const server = await serve({ '/seed.html': inputs.seedHtml, '/big.html': inputs.page1m.html });
  let context: BrowserContext | undefined;
  try {
    log('chromium: launching with the production build (fresh profile)');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: chromiumArgs(extensionDir),
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const id = new URL(worker.url()).host;
    const ext = await context.newPage();
    await ext.goto(`chrome-extension://${id}/manifest.json`);
    const seedPage = textPage(inputs.seed.text, SEED_DATE);

    // Service worker: fresh install (bundled pack imported on install), warm, cold.
    log('chromium: service worker first, warm and cold annotations');
    const first = await sendAnnotate(ext, seedPage);
    if (!first.ok) throw new Error('the extension did not annotate the seed article');
    out.push(
      figure(
        'sw.first-run',
        'service worker, fresh profile: first annotations of the seed article (bundled pack import included)',
        'ms',
        'lower',
        [first.ms],
        { note: 'one sample per run (needs a fresh profile); the worker was already started by the install' },
      ),
    );
    const warm: number[] = [];
    for (let i = 0; i < runs(7); i++) warm.push((await sendAnnotate(ext, seedPage)).ms);
    const cdp = await context.newCDPSession(ext);
    const stopped = { count: 0 };
    cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string }[] }) => {
      if (e.versions.some((v) => v.runningStatus === 'stopped')) stopped.count++;
    });
    await cdp.send('ServiceWorker.enable');
    const cold: number[] = [];
    for (let i = 0; i < runs(5); i++) {
      await stopWorker(cdp, stopped);
      cold.push((await sendAnnotate(ext, seedPage)).ms);
    }
    out.push(
      figure(
        'sw.cold',
        'service worker cold (stopped, then woken by the message): first annotations of the seed article',
        'ms',
        'lower',
        cold,
        { note: 'worker start + compromise evaluation + Dexie open + FactIndex + automaton + annotate + messaging' },
      ),
    );
    out.push(
      figure(
        'sw.warm',
        'service worker warm: annotations of the seed article (message round trip)',
        'ms',
        'lower',
        warm,
      ),
    );

    // Pack import into Chromium's IndexedDB, in the extension's origin.
    log('chromium: pack import (bundled, synthetic)');
    await ext.evaluate(storeCode);
    type StoreApi = {
      importPack(w: string, run: number): Promise<number>;
      cloneMs(w: string): number;
      prepare(w: string): number;
    };
    const importIn = (w: string, run: number) =>
      ext.evaluate(
        ([w2, r]) => (globalThis as unknown as { __nhsBenchStore: StoreApi }).__nhsBenchStore.importPack(w2, r),
        [w, run] as const,
      );
    for (const which of ['bundled', 'synthetic'] as const) {
      await ext.evaluate(
        (w) => (globalThis as unknown as { __nhsBenchStore: StoreApi }).__nhsBenchStore.prepare(w),
        which,
      );
      const n = which === 'bundled' ? runs(7) : runs(3);
      const ms: number[] = [];
      const clones: number[] = [];
      await importIn(which, 100); // warm-up: Dexie, IndexedDB files
      for (let i = 0; i < n; i++) {
        ms.push(await importIn(which, i));
        clones.push(
          await ext.evaluate(
            (w) => (globalThis as unknown as { __nhsBenchStore: StoreApi }).__nhsBenchStore.cloneMs(w),
            which,
          ),
        );
      }
      const anchor = figure(
        `anchor.clone-${which}`,
        `structuredClone of the ${which} pack's records, same page`,
        'ms',
        'lower',
        clones,
        { isAnchor: true },
      );
      out.push(anchor);
      out.push(
        withAnchor(
          figure(
            `facts.import-${which}-chromium`,
            `importPack, ${which} pack, Chromium IndexedDB (extension origin, fresh database)`,
            'ms',
            'lower',
            ms,
            {
              note:
                which === 'synthetic'
                  ? '10,000 entities, 2,000 events, 100,000 facts; stored as chunks of 2,000 records'
                  : undefined,
            },
          ),
          anchor,
        ),
      );
    }

    // Content script: extract + highlight on loopback pages.
    log('chromium: extract + highlight (seed article, 1 MB page)');
    const tab = await context.newPage();
    type PageApi = {
      extract(): Promise<{ ms: number; serialiseMs: number } | null>;
      page(): { text: string; blocks: [number, number][]; published?: string } | null;
      paint(r: Pick<AnnotateResult, 'annotations' | 'claims'>): Promise<{ ms: number; ranges: number }>;
      walk(): { ms: number; chars: number };
      tasks(): Promise<{ start: number; duration: number }[]>;
      nodes(): number;
    };
    type G = { __nhsBenchPage: PageApi };
    for (const [name, path] of [
      ['seed', '/seed.html'],
      ['big', '/big.html'],
    ] as const) {
      const total: number[] = [];
      const extractMs: number[] = [];
      const paintMs: number[] = [];
      const walks: number[] = [];
      const serialise: number[] = [];
      const longest: number[] = [];
      let ranges = 0;
      let nodes = 0;
      let textLength = 0;
      for (let i = 0; i < runs(5) + 1; i++) {
        await tab.goto(server.origin + path, { waitUntil: 'load' });
        await tab.evaluate(pageCode);
        await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
        const timing = await tab.evaluate(() => (globalThis as unknown as G).__nhsBenchPage.extract());
        const ex = await tab.evaluate(() => (globalThis as unknown as G).__nhsBenchPage.page());
        if (!timing || !ex) throw new Error(`nothing extracted from ${path}`);
        const result = opts.annotateInNode({
          url: server.origin + path,
          title: '',
          published: ex.published ?? SEED_DATE,
          publishedFrom: 'given',
          text: ex.text,
          blocks: ex.blocks,
        });
        const painted = await tab.evaluate((r) => (globalThis as unknown as G).__nhsBenchPage.paint(r), {
          annotations: result.annotations,
          claims: result.claims,
        });
        const tasks = await tab.evaluate(() => (globalThis as unknown as G).__nhsBenchPage.tasks());
        const walked = await tab.evaluate(() => (globalThis as unknown as G).__nhsBenchPage.walk());
        if (i === 0) {
          nodes = await tab.evaluate(() => (globalThis as unknown as G).__nhsBenchPage.nodes());
          continue; // warm-up: the first load compiles the bundle
        }
        ranges = painted.ranges;
        textLength = ex.text.length;
        extractMs.push(timing.ms);
        serialise.push(timing.serialiseMs);
        paintMs.push(painted.ms);
        total.push(timing.ms + painted.ms);
        walks.push(walked.ms);
        longest.push(Math.max(0, ...tasks.map((t) => t.duration)));
      }
      const label = name === 'seed' ? 'the seed article page' : `the 1 MB news page (${nodes} nodes)`;
      const walkAnchor = figure(
        `anchor.text-walk-${name}`,
        `bare TreeWalker over every text node, ${label}`,
        'ms',
        'lower',
        walks,
        { isAnchor: true },
      );
      out.push(walkAnchor);
      out.push(
        withAnchor(
          figure(`page.${name}`, `content script extract + highlight (main thread), ${label}`, 'ms', 'lower', total, {
            note: `${textLength} chars of article text, ${ranges} highlight ranges`,
          }),
          walkAnchor,
        ),
      );
      out.push(figure(`page.${name}-extract`, `  of which extract, ${label}`, 'ms', 'lower', extractMs));
      out.push(figure(`page.${name}-paint`, `  of which select + anchor + paint, ${label}`, 'ms', 'lower', paintMs));
      out.push(
        figure(
          `page.${name}-message`,
          `  not included: JSON of the annotate message (sendMessage's cost), ${label}`,
          'ms',
          'lower',
          serialise,
        ),
      );
      out.push(
        figure(
          `page.${name}-longest-task`,
          `longest task during extract + paint (0 = none over 50 ms), ${label}`,
          'ms',
          'lower',
          longest,
          {
            note: 'Long Tasks API; extract and paint each run in a task of their own, as in the content script',
          },
        ),
      );
    }
    // The real content script under stress, and hover to card: a test build (its hook) in a second Chromium.
    if (opts.testExtensionDir) {
      await context.close();
      context = undefined;
      out.push(
        ...(await stressFigures({
          testExtensionDir: opts.testExtensionDir,
          chromiumPath: CHROMIUM_PATH,
          seedHtml: inputs.seedHtml,
          runs: runs(3),
          log,
        })),
      );
    } else
      out.push(
        notMeasured(
          'page.hover-to-card',
          'hover to card (after the open delay)',
          'ms',
          'lower',
          'not measured: no test build',
        ),
      );
  } finally {
    await context?.close().catch(() => {});
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return out;
}
