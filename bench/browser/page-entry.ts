/**
 * Bundled by the bench (esbuild, IIFE) and evaluated in a news page served on loopback: the
 * content script's own modules (extract, anchor, select, paint) timed on a real Chromium DOM, with
 * long tasks observed. `run()` extracts; `paint(result)` anchors and paints what the background
 * answered (the bench computes it in Node with the same pipeline). Both run in slices as in the
 * content script (lib/page/slices.ts); their time is the sum of the slices (main-thread time).
 */
import type { AnnotateResult } from '../../lib/protocol/annotations.ts';
import { anchorSteps } from '../../lib/page/annotator.ts';
import { extractSteps } from '../../lib/page/extract.ts';
import { createPainter } from '../../lib/page/highlight.ts';
import { selectMentions, type MentionKind } from '../../lib/page/mentions.ts';
import { runSliced, type SliceStats } from '../../lib/page/slices.ts';
import type { OffsetMap } from '../../lib/page/textmap.ts';

const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

let map: OffsetMap | null = null;
let blocks: [number, number][] = [];
let since = 0;

/** Runs `fn` in a task of its own (as the content script's work starts), so long tasks are observed. */
function inTask<T>(fn: () => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => setTimeout(() => fn().then(resolve, reject), 0));
}

let lastPage: { text: string; blocks: [number, number][]; published?: string } | null = null;

const newStats = (): SliceStats => ({ busyMs: 0, longestMs: 0, slices: 0 });

/** Extract, as the content script does at document_idle; the text stays in the page (see `page`). */
async function extractNow(): Promise<{ ms: number; longestSliceMs: number; serialiseMs: number } | null> {
  since = performance.now();
  const stats = newStats();
  const found = await runSliced(extractSteps(document, { today: '2026-01-15' }), undefined, stats);
  if (!found) return null;
  map = found.map;
  blocks = found.page.blocks;
  lastPage = { text: found.page.text, blocks, ...(found.page.published ? { published: found.page.published } : {}) };
  // What runtime.sendMessage must do with it: serialise (Chromium uses JSON for extension messages).
  const s = performance.now();
  JSON.stringify({ type: 'annotate', page: found.page });
  return { ms: stats.busyMs, longestSliceMs: stats.longestMs, serialiseMs: performance.now() - s };
}

/** The last extracted text, fetched in a task of its own (so its transfer is not in extract's task). */
function page() {
  return lastPage;
}

/** Select, anchor and paint the mentions (default settings: first mention per entity per block). */
async function paintNow(
  result: Pick<AnnotateResult, 'annotations' | 'claims'>,
): Promise<{ ms: number; longestSliceMs: number; ranges: number }> {
  const stats = newStats();
  const t = performance.now();
  const mentions = selectMentions(result, blocks, {
    markAll: false,
    kinds: { entity: true, event: true, claim: true },
    hiddenIds: [],
  });
  const selectMs = performance.now() - t;
  const anchored = await runSliced(anchorSteps(document, map ?? { segments: [] }, mentions), undefined, stats);
  const p = performance.now();
  const byKind: Record<MentionKind, Range[]> = { entity: [], event: [], claim: [] };
  for (const m of anchored!.mentions) byKind[m.kind].push(anchored!.ranges.get(m.id)!);
  createPainter(document)?.paint(byKind);
  const paintMs = performance.now() - p;
  return {
    ms: selectMs + stats.busyMs + paintMs,
    longestSliceMs: Math.max(stats.longestMs + selectMs, paintMs),
    ranges: anchored!.ranges.size,
  };
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
