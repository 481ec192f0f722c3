/**
 * Read the page, ask the background, paint: the content script's main loop, run at start, after
 * the page changes and after an in-site navigation. Re-reading is cheap (the DOM walk), so a change
 * re-extracts and compares: the same text with the same nodes costs nothing more; the same text in
 * new nodes (hydration, a re-render) is re-anchored without asking the background; only new text
 * is annotated again. A newer run always wins over a slower older one.
 */
import type { AnnotateResult, Card } from '../protocol/annotations.ts';
import type { PageText } from '../protocol/page-text.ts';
import type { Reply } from '../protocol/messages.ts';
import type { ContentSettings } from '../settings.ts';
import { rangeFor, type OffsetMap } from './anchor.ts';
import { extractPageWithMap } from './extract.ts';
import type { Painter } from './highlight.ts';
import { selectMentions, type Mention, type MentionKind } from './mentions.ts';

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
  textLength: number;
  mentions: number;
}

export interface AnnotatorDeps {
  doc: Document;
  backend: Backend;
  painter: Painter | null;
  /** Told after every paint or clear. */
  onUpdate: (state: Annotated | null) => void;
  now?: () => number;
}

export interface Annotator {
  /** Read the page and paint; `rereadSettings` asks the background for this site's settings again. */
  run(options?: { rereadSettings?: boolean }): Promise<void>;
  /** Paint again from the current result with the current settings (e.g. after hiding an entity). */
  reselect(settings?: ContentSettings): void;
  /** Remove every highlight and forget the page (an in-site navigation, pause, teardown). */
  clear(): void;
  readonly state: Annotated | null;
  readonly timings: RunTimings | null;
}

/** Ranges for mentions; mentions that no longer map to the DOM are dropped. */
export function anchorMentions(
  doc: Document,
  map: OffsetMap,
  mentions: Mention[],
): { mentions: Mention[]; ranges: Map<string, Range> } {
  const ranges = new Map<string, Range>();
  const kept = mentions.filter((m) => {
    const range = rangeFor(map, m.start, m.end, doc);
    if (range) ranges.set(m.id, range);
    return range !== null;
  });
  return { mentions: kept, ranges };
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

  const paint = (
    page: PageText,
    map: OffsetMap,
    result: AnnotateResult,
    current: ContentSettings,
    cost: Omit<RunTimings, 'paintMs' | 'mentions'>,
  ) => {
    const start = now();
    const selected = selectMentions(result, page.blocks, current);
    const { mentions, ranges } = anchorMentions(deps.doc, map, selected);
    deps.painter?.paint(byKind(mentions, ranges));
    timings = { ...cost, paintMs: now() - start, mentions: mentions.length };
    state = { page, map, result, settings: current, mentions, ranges };
    void deps.backend.setBadge(mentions.length);
    deps.onUpdate(state);
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

  const run = async (options: { rereadSettings?: boolean } = {}) => {
    const gen = ++generation;
    if (!settings || options.rereadSettings) {
      const reply = await deps.backend.contentSettings();
      if (gen !== generation) return;
      settings = reply.ok ? reply.data : null;
    }
    if (!settings?.enabled) return clear();
    const t0 = now();
    const extracted = extractPageWithMap(deps.doc);
    const extractMs = now() - t0;
    if (!extracted) return clear();
    const { page, map } = extracted;
    const previous = state;
    const sameText = previous !== null && previous.page.text === page.text && previous.page.url === page.url;
    if (sameText && !options.rereadSettings && nodesConnected(previous.map)) return;
    let result = sameText ? previous.result : null;
    const t1 = now();
    if (!result) {
      const reply = await deps.backend.annotate(page);
      if (gen !== generation) return;
      if (!reply.ok) return console.debug('NHS Context: annotate failed', reply.error);
      result = reply.data;
    }
    const cost = { extractMs, annotateMs: sameText ? 0 : now() - t1, textLength: page.text.length };
    paint(page, map, result, settings, cost);
  };

  return {
    run,
    clear,
    reselect(next) {
      if (next) settings = next;
      if (state && settings)
        paint(state.page, state.map, state.result, settings, {
          extractMs: 0,
          annotateMs: 0,
          textLength: state.page.text.length,
        });
    },
    get state() {
      return state;
    },
    get timings() {
      return timings;
    },
  };
}
