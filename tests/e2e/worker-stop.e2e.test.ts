/**
 * Data safety when Chrome stops the service worker in the middle of a large pack import (DevTools
 * protocol `ServiceWorker.stopWorker`): the database holds the pack as it was before the import or
 * as it is after, never a mix, and the next request succeeds. The import is started through the test
 * build's hook (lib/facts/test-hook.ts); the database is read raw from an extension page.
 */
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, useResource } from './harness.ts';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const FACTS = 100_000;

/** What the database holds for pack `big`: its row's version and chunk count, and each chunk's version. */
interface Stored {
  row: { version: string; chunks: number; facts: number } | null;
  chunkVersions: string[];
}

function readStored(page: Page): Promise<Stored> {
  return page.evaluate(
    () =>
      new Promise<Stored>((done, fail) => {
        const open = indexedDB.open('nhs-context');
        open.onerror = () => fail(String(open.error));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['packs', 'chunks'], 'readonly');
          const row = tx.objectStore('packs').get('big');
          const chunks = tx.objectStore('chunks').getAll(IDBKeyRange.bound(['big', -Infinity], ['big', Infinity]));
          tx.oncomplete = () => {
            db.close();
            const r = row.result as
              { meta: { version: string }; chunks: number; counts: { facts: number } } | undefined;
            const list = (chunks.result ?? []) as { records: { statement?: string; name?: string }[] }[];
            done({
              row: r ? { version: r.meta.version, chunks: r.chunks, facts: r.counts.facts } : null,
              // Each record says which import wrote it ("… of 2.0.0"); one version per chunk.
              chunkVersions: list.map(
                (c) => /of (\d+\.\d+\.\d+)$/.exec(c.records[0]?.statement ?? c.records[0]?.name ?? '')?.[1] ?? '?',
              ),
            });
          };
          tx.onerror = () => fail(String(tx.error));
        };
      }),
  );
}

/** Start importing a large pack `big` at `version` inside the worker, without waiting. */
function startImport(worker: Worker, version: string): Promise<void> {
  return worker.evaluate(
    ({ n, version }) => {
      const source = { url: 'https://example.org/a', publisher: 'Example', published: '2023-01-02' };
      const pack = {
        format: 1,
        id: 'big',
        name: 'Big',
        version,
        published: '2026-01-01',
        license: 'CC BY 4.0',
        coverage: { from: '2022', to: '2025' },
        entities: [
          {
            id: 'big-e0',
            kind: 'organisation',
            name: `E of ${version}`,
            aliases: [],
            description: '',
            sameAs: [],
            anchor: true,
          },
        ],
        events: [],
        facts: Array.from({ length: n }, (_, i) => ({
          id: `big-f${i}`,
          subject: 'big-e0',
          predicate: 'p',
          value: i,
          unit: null,
          asOf: '2023-01-02',
          statement: `Statement ${i} of ${version}`,
          sources: [source],
          confidence: 'single-source',
        })),
      };
      (globalThis as unknown as { __nhsContextTest: { startImport(p: unknown): void } }).__nhsContextTest.startImport(
        pack,
      );
    },
    { n: FACTS, version },
  );
}

const importPhase = (worker: Worker) =>
  worker.evaluate(
    () =>
      (
        globalThis as unknown as { __nhsContextTest: { importState(): { phase: string } } }
      ).__nhsContextTest.importState().phase,
  );

/** Track the worker's running status through the DevTools protocol. */
async function workerControl(context: BrowserContext) {
  const blank = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(blank);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) status.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const running = async () => {
    await expect.poll(() => [...status.values()].includes('running'), { timeout: 15_000 }).toBe(true);
    return [...status].find(([, s]) => s === 'running')![0];
  };
  return {
    /** Stop the running worker and wait until it has stopped. */
    stop: async () => {
      const versionId = await running();
      await cdp.send('ServiceWorker.stopWorker', { versionId });
      await expect.poll(() => status.get(versionId), { timeout: 20_000 }).toBe('stopped');
    },
    close: () => blank.close(),
  };
}

/** A live Worker handle (a stopped worker's old handle is dead). */
async function liveWorker(context: BrowserContext): Promise<Worker> {
  for (const w of context.serviceWorkers().reverse()) {
    if (await w.evaluate(() => true).catch(() => false)) return w;
  }
  return context.waitForEvent('serviceworker', { timeout: 15_000 });
}

describe('stopping the service worker during a large import', () => {
  const extension = useResource(() => launchWithExtension(), { beforeAll, afterAll });

  it('leaves the database before or after, never between, and the next request succeeds', async () => {
    const { context, url } = extension();
    const control = await workerControl(context);
    const extensionPage = async () => {
      const page = await context.newPage();
      await page.goto(url('popup.html'));
      return page;
    };
    const status = async () => {
      const page = await extensionPage();
      try {
        return (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'status' }))) as {
          ok: boolean;
          data?: { packs: { id: string; version: string; factCount: number }[] };
        };
      } finally {
        await page.close();
      }
    };
    try {
      expect((await status()).ok).toBe(true); // bundled pack in place, worker warm
      let committed: string | null = null;
      let stoppedWhileWriting = 0;
      // Stop at different points of the import: both outcomes occur (which one is up to timing).
      for (const [round, delay] of [0, 60, 150, 300].entries()) {
        const version = `${round + 1}.0.0`;
        const worker = await liveWorker(context);
        await startImport(worker, version);
        await new Promise((r) => setTimeout(r, delay));
        if ((await importPhase(worker).catch(() => 'gone')) === 'writing') stoppedWhileWriting++;
        await control.stop();

        const page = await extensionPage();
        const stored = await readStored(page);
        await page.close();
        if (stored.row === null) {
          expect(committed, 'nothing was ever stored, so nothing may be').toBeNull();
          expect(stored.chunkVersions).toEqual([]);
        } else {
          // Before (the last committed version) or after (this one) — and every chunk agrees.
          expect([committed, version]).toContain(stored.row.version);
          expect(stored.chunkVersions).toHaveLength(stored.row.chunks);
          expect(new Set(stored.chunkVersions)).toEqual(new Set([stored.row.version]));
          expect(stored.row.facts).toBe(FACTS);
          committed = stored.row.version;
        }

        // The next request wakes a new worker and is answered from the same database.
        const reply = await status();
        expect(reply.ok).toBe(true);
        const big = reply.data!.packs.find((p) => p.id === 'big');
        expect(big?.version ?? null).toBe(committed);
      }
      // The test did stop a worker in the middle of an import at least once.
      expect(stoppedWhileWriting).toBeGreaterThan(0);
    } finally {
      await control.close();
    }
  });
});
