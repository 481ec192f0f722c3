/**
 * A hook for end-to-end tests and the bench, compiled in only in a test build
 * (`import.meta.env.NHS_CONTEXT_TEST`, set by `npm run build:test`): production builds drop it.
 *
 * From the page: `document.dispatchEvent(new CustomEvent('nhs-context-test', { detail: COMMAND }))`
 * with COMMAND `'state'`, `'navigate'` (start keyboard navigation first) or `'measure'` (a full
 * read, reusing nothing recorded, and paint again now, so `timings` are fresh: the bench's main-thread cost of extract + highlight,
 * without the background round trip when the text is unchanged). The content script answers with
 * a `nhs-context-test-reply` event on `document` whose `detail` is a JSON string of `TestSnapshot`.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Annotator, RunTimings } from './annotator.ts';
import { cardTimings, type CardController } from './card-controller.tsx';
import { HIGHLIGHT_NAMES } from './highlight.ts';
import type { Navigator } from './keyboard.ts';

export const TEST_REQUEST_EVENT = 'nhs-context-test';
export const TEST_REPLY_EVENT = 'nhs-context-test-reply';

/** What the hook reports. */
export interface TestSnapshot {
  /** A random id of this copy of the content script (a re-injected copy has a new one). */
  instance: string;
  url: string | null;
  published: string | null;
  mentions: { id: string; kind: string; exact: string; name: string; targetId: string }[];
  /** Ranges per highlight name, as registered in `CSS.highlights`. */
  highlights: Record<string, number>;
  timings: RunTimings | null;
  openCard: string | null;
  pinned: boolean;
  navigation: { active: boolean; index: number };
  /** How many times the annotator ran (start, page changes, navigations, `measure`): bounded under a flood of mutations. */
  runs: number;
  /**
   * Milliseconds from the last card's open decision (after the hover's open delay) to its first
   * render and placement; null before any card opened.
   */
  cardRenderMs: number | null;
}

export interface TestHookDeps {
  ctx: ContentScriptContext;
  doc: Document;
  annotator: Annotator;
  navigator: Navigator;
  cards: CardController;
}

function highlightCounts(): Record<string, number> {
  const registry = (globalThis as { CSS?: { highlights?: Map<string, Set<unknown>> } }).CSS?.highlights;
  const counts: Record<string, number> = {};
  for (const name of Object.values(HIGHLIGHT_NAMES)) counts[name] = registry?.get(name)?.size ?? 0;
  return counts;
}

function snapshot({ annotator, navigator, cards }: TestHookDeps, instance: string, runs: number): TestSnapshot {
  const state = annotator.state;
  return {
    instance,
    url: state?.page.url ?? null,
    published: state?.result.page.published ?? null,
    mentions: (state?.mentions ?? []).map((m) => ({
      id: m.id,
      kind: m.kind,
      exact: m.annotation.exact,
      name: m.name,
      targetId: m.targetId,
    })),
    highlights: highlightCounts(),
    timings: annotator.timings,
    openCard: cards.openMention?.name ?? null,
    pinned: cards.pinned,
    navigation: { active: navigator.active, index: navigator.index },
    runs,
    cardRenderMs: cardTimings.cardRenderMs,
  };
}

/** Answer test requests from the page (test builds only). */
export function installTestHook(deps: TestHookDeps): void {
  const { ctx, doc } = deps;
  const instance = Math.random().toString(36).slice(2);
  // Count the annotator's runs (whoever calls them: start, the page watcher, navigation, messages).
  let runs = 0;
  const run = deps.annotator.run;
  deps.annotator.run = (options) => {
    runs += 1;
    return run(options);
  };
  ctx.addEventListener(doc, TEST_REQUEST_EVENT, async (event: Event) => {
    const command = (event as CustomEvent<unknown>).detail;
    if (command === 'navigate') deps.navigator.start();
    if (command === 'measure') await deps.annotator.run({ rereadSettings: true, fullRead: true });
    const detail = JSON.stringify(snapshot(deps, instance, runs));
    doc.dispatchEvent(new CustomEvent(TEST_REPLY_EVENT, { detail }));
  });
}
