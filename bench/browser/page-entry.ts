/**
 * Bundled by the bench (esbuild, IIFE) and evaluated in a news page served on loopback: the
 * content script's own modules (extract, anchor, select, paint) timed on a real Chromium DOM, with
 * long tasks observed. `run()` extracts; `paint(result)` anchors and paints what the background
 * answered (the bench computes it in Node with the same pipeline).
 */
import type { AnnotateResult } from '../../lib/protocol/annotations.ts';
import { rangeFor } from '../../lib/page/anchor.ts';
import { extractPageWithMap } from '../../lib/page/extract.ts';
import { createPainter } from '../../lib/page/highlight.ts';
import { selectMentions, type MentionKind } from '../../lib/page/mentions.ts';
import type { OffsetMap } from '../../lib/page/textmap.ts';

const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

let map: OffsetMap | null = null;
let blocks: [number, number][] = [];
let since = 0;

/** Runs `fn` in a task of its own (as the content script's work runs), so long tasks are observed. */
function inTask<T>(fn: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(fn());
      } catch (error) {
        reject(error as Error);
      }
    }, 0),
  );
}

let lastPage: { text: string; blocks: [number, number][]; published?: string } | null = null;

/** Extract, as the content script does at document_idle; the text stays in the page (see `page`). */
function extractNow(): { ms: number; serialiseMs: number } | null {
  since = performance.now();
  const t = performance.now();
  const found = extractPageWithMap(document, { today: '2026-01-15' });
  const ms = performance.now() - t;
  if (!found) return null;
  map = found.map;
  blocks = found.page.blocks;
  lastPage = { text: found.page.text, blocks, ...(found.page.published ? { published: found.page.published } : {}) };
  // What runtime.sendMessage must do with it: serialise (Chromium uses JSON for extension messages).
  const s = performance.now();
  JSON.stringify({ type: 'annotate', page: found.page });
  return { ms, serialiseMs: performance.now() - s };
}

/** The last extracted text, fetched in a task of its own (so its transfer is not in extract's task). */
function page() {
  return lastPage;
}

/** Select, anchor and paint the mentions (default settings: first mention per entity per block). */
function paintNow(result: Pick<AnnotateResult, 'annotations' | 'claims'>): { ms: number; ranges: number } {
  const t = performance.now();
  const mentions = selectMentions(result, blocks, {
    markAll: false,
    kinds: { entity: true, event: true, claim: true },
    hiddenIds: [],
  });
  const byKind: Record<MentionKind, Range[]> = { entity: [], event: [], claim: [] };
  let ranges = 0;
  for (const m of mentions) {
    const range = map ? rangeFor(map, m.start, m.end, document) : null;
    if (range) {
      byKind[m.kind].push(range);
      ranges++;
    }
  }
  createPainter(document)?.paint(byKind);
  return { ms: performance.now() - t, ranges };
}

/** The anchor: a bare TreeWalker over every text node, concatenating their data. */
function walk(): { ms: number; chars: number } {
  const t = performance.now();
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let s = '';
  for (let n = w.nextNode(); n; n = w.nextNode()) s += (n as Text).data;
  return { ms: performance.now() - t, chars: s.length };
}

/** Long tasks since the last extract (after the next frame, so paint's own task is included). */
async function tasks(): Promise<{ start: number; duration: number }[]> {
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
  return longTasks.filter((x) => x.start + x.duration >= since);
}

function nodes(): number {
  let n = 0;
  const w = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ALL);
  for (let x = w.nextNode(); x; x = w.nextNode()) n++;
  return n + 1;
}

const extract = () => inTask(extractNow);
const paint = (result: Pick<AnnotateResult, 'annotations' | 'claims'>) => inTask(() => paintNow(result));

(globalThis as Record<string, unknown>).__nhsBenchPage = { extract, page, paint, walk, tasks, nodes };
