/**
 * Read the page, ask the background, paint: the content script's main loop, run at start, after
 * the page changes and after an in-site navigation. Re-reading is cheap (the DOM walk), so a change
 * re-extracts and compares: the same text with the same nodes costs nothing more; the same text in
 * new nodes (hydration, a re-render) is re-anchored without asking the background; only new text
 * is annotated again. A newer run always wins over a slower older one.
 *
 * The read and the anchoring run in slices (lib/page/slices.ts) so no task of ours is long on any
 * page; a run superseded by a newer one stops at its next pause. Text the page edits loses its
 * highlights at once (`forget`, called from the page watcher's callback, before the next frame),
 * ahead of the re-read that annotates the new text.
 */
import type { AnnotateResult, Card } from '../protocol/annotations.ts';
import type { PageText } from '../protocol/page-text.ts';
import type { Reply } from '../protocol/messages.ts';
import type { ContentSettings } from '../settings.ts';
import { mapsNode, rangeFor, type OffsetMap } from './anchor.ts';
import { extractSteps } from './extract.ts';
import type { Painter } from './highlight.ts';
import { selectMentions, type Mention, type MentionKind } from './mentions.ts';
import type { ReadCache } from './region.ts';
import { runNow, runSliced, type SliceStats, type Steps } from './slices.ts';

/** The background calls the page needs (lib/protocol/messages.ts), bound to `runtime.sendMessage`. */
export interface Backend {
  annotate(page: PageText): Promise<Reply<AnnotateResult>>;
  lookup(query: string, date: string): Promise<Reply<{ card: Card | null }>>;
  contentSettings(): Promise<Reply<ContentSettings>>;
  hideOnSite(id: string): Promise<Reply<{ hiddenIds: string[] }>>;
  setBadge(count: number): Promise<unknown>;
}

/** The annotated page as the highlighter, the cards and the keyboard see it. */
export interface Annotated {
  page: PageText;
  map: OffsetMap;
  result: AnnotateResult;
  settings: ContentSettings;
  /** Highlighted mentions in document order (only those that could be anchored). */
  mentions: Mention[];
  /** Each mention's DOM range, by mention id. */
  ranges: Map<string, Range>;
}

/** Main-thread cost of the last run, in milliseconds (for the bench and the test hook). */
export interface RunTimings {
  extractMs: number;
  /** Round trip to the background (0 when the text was unchanged). */
  annotateMs: number;
  /** Ranges + Highlight registration. */
  paintMs: number;
  /** The longest slice of the read or the paint (each slice is a task of its own). */
  longestSliceMs: number;
  /** Every slice's start and end (`performance.now()`), flat: which of the page's long tasks were ours. */
  sliceSpans: number[];
  textLength: number;
  /** DOM nodes the read walked (with a read cache; a re-read after a change walks only its region). */
  nodesRead: number;
  mentions: number;
}

export interface AnnotatorDeps {
  doc: Document;
  backend: Backend;
  painter: Painter | null;
  /** Told after every paint or clear. */
  onUpdate: (state: Annotated | null) => void;
  /** Recorded reads, so a re-read after a change walks only the changed region (lib/page/region.ts). */
  readCache?: ReadCache;
  now?: () => number;
}

export interface RunOptions {
  /** Ask the background for this site's settings again. */
  rereadSettings?: boolean;
  /** Read the whole page, reusing nothing recorded (the bench's and tests' measure of a full read). */
  fullRead?: boolean;
}

export interface Annotator {
  /** Read the page and paint; `rereadSettings` asks the background for this site's settings again. */
  run(options?: RunOptions): Promise<void>;
  /** Paint again from the current result with the current settings (e.g. after hiding an entity). */
  reselect(settings?: ContentSettings): void;
  /** Remove every highlight and forget the page (an in-site navigation, pause, teardown). */
  clear(): void;
  /** The page changed these text nodes' data: drop the highlights on them now (the re-read follows). */
  forget(nodes: ReadonlySet<Node>): void;
  readonly state: Annotated | null;
  readonly timings: RunTimings | null;
}

/** Mentions anchored between pauses of the paint. */
const MENTIONS_PER_STEP = 32;

/** Ranges for mentions, as pausable steps; mentions that no longer map to the DOM are dropped. */
export function* anchorSteps(
  doc: Document,
  map: OffsetMap,
  mentions: Mention[],
): Steps<{ mentions: Mention[]; ranges: Map<string, Range> }> {
  const ranges = new Map<string, Range>();
  const kept: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    if (i % MENTIONS_PER_STEP === MENTIONS_PER_STEP - 1) yield;
    const m = mentions[i]!;
    const range = rangeFor(map, m.start, m.end, doc);
    if (!range) continue;
    ranges.set(m.id, range);
    kept.push(m);
  }
  return { mentions: kept, ranges };
}

/** Ranges for mentions; mentions that no longer map to the DOM are dropped. */
export function anchorMentions(
  doc: Document,
  map: OffsetMap,
  mentions: Mention[],
): { mentions: Mention[]; ranges: Map<string, Range> } {
  return runNow(anchorSteps(doc, map, mentions));
}

function byKind(mentions: Mention[], ranges: Map<string, Range>): Record<MentionKind | 'quiet', Range[]> {
  const out: Record<MentionKind | 'quiet', Range[]> = { entity: [], event: [], claim: [], quiet: [] };
  for (const m of mentions) out[m.annotation.quiet ? 'quiet' : m.kind].push(ranges.get(m.id)!);
  return out;
}

function nodesConnected(map: OffsetMap): boolean {
  return map.segments.every((s) => s.node.isConnected);
}

/** Create the page's annotator. */
export function createAnnotator(deps: AnnotatorDeps): Annotator {
  const now = deps.now ?? (() => performance.now());
  let state: Annotated | null = null;
  let settings: ContentSettings | null = null;
  let timings: RunTimings | null = null;
  let generation = 0;

  /** Whether highlights were dropped since the last paint (an unchanged re-read must paint again). */
  let forgotten = false;
  const newStats = (): SliceStats => ({ busyMs: 0, longestMs: 0, slices: 0, spans: [] });

  /** Select, anchor and paint; sliced unless `stats` is null. False when a newer run took over. */
  const paint = async (
    page: PageText,
    map: OffsetMap,
    result: AnnotateResult,
    current: ContentSettings,
    cost: Pick<RunTimings, 'extractMs' | 'annotateMs' | 'textLength' | 'nodesRead'>,
    sliced: { gen: number; extractStats: SliceStats } | null,
  ): Promise<boolean> => {
    const stats = newStats();
    const selected = selectMentions(result, page.blocks, current);
    const steps = anchorSteps(deps.doc, map, selected);
    const anchored = sliced
      ? await runSliced(steps, () => sliced.gen !== generation, stats)
      : timed(stats, () => runNow(steps));
    if (!anchored || (sliced && sliced.gen !== generation)) return false;
    const start = now();
    const { mentions, ranges } = anchored;
    deps.painter?.styleRoots(map.roots ?? []);
    deps.painter?.paint(byKind(mentions, ranges));
    const end = now();
    stats.busyMs += end - start;
    forgotten = false;
    timings = {
      ...cost,
      paintMs: stats.busyMs,
      longestSliceMs: Math.max(sliced?.extractStats.longestMs ?? 0, stats.longestMs, end - start),
      sliceSpans: [...(sliced?.extractStats.spans ?? []), ...stats.spans!, start, end],
      mentions: mentions.length,
    };
    state = { page, map, result, settings: current, mentions, ranges };
    void deps.backend.setBadge(mentions.length);
    deps.onUpdate(state);
    return true;
  };

  const timed = <T>(stats: SliceStats, fn: () => T): T => {
    const start = now();
    const value = fn();
    const end = now();
    stats.busyMs = stats.longestMs = end - start;
    stats.spans!.push(start, end);
    return value;
  };

  const clear = () => {
    generation += 1;
    const had = state !== null;
    state = null;
    deps.painter?.clear();
    if (had) {
      void deps.backend.setBadge(0);
      deps.onUpdate(null);
    }
  };

  const forget = (nodes: ReadonlySet<Node>) => {
    const current = state;
    if (!current) return;
    const edited = [...nodes].filter((node) => mapsNode(current.map, node));
    if (edited.length === 0) return;
    const gone: Range[] = [];
    const mentions = current.mentions.filter((m) => {
      const range = current.ranges.get(m.id)!;
      const hit = range.collapsed || edited.some((node) => range.intersectsNode(node));
      if (hit) gone.push(range);
      return !hit;
    });
    if (gone.length === 0) return;
    deps.painter?.remove(gone);
    forgotten = true;
    const ranges = new Map(mentions.map((m) => [m.id, current.ranges.get(m.id)!]));
    state = { ...current, mentions, ranges };
    deps.onUpdate(state);
  };

  const run = async (options: RunOptions = {}) => {
    const gen = ++generation;
    if (!settings || options.rereadSettings) {
      const reply = await deps.backend.contentSettings();
      if (gen !== generation) return;
      settings = reply.ok ? reply.data : null;
    }
    if (!settings?.enabled) return clear();
    const extractStats = newStats();
    if (options.fullRead) deps.readCache?.reset();
    const visited = deps.readCache?.visited ?? 0;
    const extracted = await runSliced(
      extractSteps(deps.doc, { cache: deps.readCache }),
      () => gen !== generation,
      extractStats,
    );
    if (gen !== generation) return;
    if (!extracted) return clear();
    const { page, map } = extracted;
    const previous = state;
    const sameText = previous !== null && previous.page.text === page.text && previous.page.url === page.url;
    if (sameText && !options.rereadSettings && !forgotten && nodesConnected(previous.map)) return;
    let result = sameText ? previous.result : null;
    const t1 = now();
    if (!result) {
      const reply = await deps.backend.annotate(page);
      if (gen !== generation) return;
      if (!reply.ok) return console.debug('NHS Context: annotate failed', reply.error);
      result = reply.data;
    }
    const cost = {
      extractMs: extractStats.busyMs,
      annotateMs: sameText ? 0 : now() - t1,
      textLength: page.text.length,
      nodesRead: (deps.readCache?.visited ?? 0) - visited,
    };
    await paint(page, map, result, settings, cost, { gen, extractStats });
  };

  return {
    run,
    clear,
    forget,
    reselect(next) {
      if (next) settings = next;
      if (state && settings)
        void paint(
          state.page,
          state.map,
          state.result,
          settings,
          { extractMs: 0, annotateMs: 0, textLength: state.page.text.length, nodesRead: 0 },
          null,
        );
    },
    get state() {
      return state;
    },
    get timings() {
      return timings;
    },
  };
}
