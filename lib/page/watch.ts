/**
 * Pages that change: a debounced MutationObserver (mutations of our own card host ignored) and
 * in-site navigations (history.pushState, back/forward: WXT's `wxt:locationchange`, from the
 * Navigation API where there is one, else polling). Both are tied to the content script's context.
 *
 * Under a flood of mutations (an infinite-scroll page appending 1,000 nodes every 100 ms) the work
 * stays bounded: the observer's callback does no per-node work beyond finding one record that is
 * not ours, every mutation only re-arms one timer (a queue of at most one pending re-read), and
 * that re-read is one full rescan of the page, however many nodes changed — at most one per
 * `MAX_WAIT_MS` while the page keeps changing, and one more once it settles. A newer run supersedes
 * an older one still waiting for the background (lib/page/annotator.ts). tests/e2e/big-pages.e2e.test.ts
 * counts the runs; `npm run bench` measures the main-thread time, long tasks and heap growth.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MAX_WAIT_MS, MUTATION_DEBOUNCE_MS } from './timing.ts';

export interface WatchDeps {
  ctx: ContentScriptContext;
  doc: Document;
  /** Whether a node is ours (the card host): its changes are not the page's. */
  isOwn: (node: Node) => boolean;
  /** The page's content changed (debounced). */
  onChange: () => void;
  /** The URL changed without a page load. */
  onNavigate: (url: URL) => void;
}

/** Whether a mutation is only about our own nodes. */
export function isOwnMutation(record: MutationRecord, isOwn: (node: Node) => boolean): boolean {
  if (isOwn(record.target)) return true;
  if (record.type !== 'childList') return false;
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every(isOwn);
}

/** A debounced call with a maximum wait; `cancel` drops a pending call. */
export function debounce(
  setTimer: (fn: () => void, ms: number) => number,
  clearTimer: (id: number) => void,
  fn: () => void,
  wait: number,
  maxWait: number,
): { call: () => void; cancel: () => void } {
  let timer: number | null = null;
  let first: number | null = null;
  const fire = () => {
    timer = null;
    first = null;
    fn();
  };
  return {
    call() {
      const now = Date.now();
      first ??= now;
      if (timer !== null) clearTimer(timer);
      timer = setTimer(fire, Math.max(0, Math.min(wait, first + maxWait - now)));
    },
    cancel() {
      if (timer !== null) clearTimer(timer);
      timer = null;
      first = null;
    },
  };
}

/** Watch the page; returns a function that drops any pending change notification. */
export function watchPage({ ctx, doc, isOwn, onChange, onNavigate }: WatchDeps): { cancelPending: () => void } {
  const changed = debounce(
    (fn, ms) => ctx.setTimeout(fn, ms),
    (id) => clearTimeout(id),
    onChange,
    MUTATION_DEBOUNCE_MS,
    MAX_WAIT_MS,
  );
  const observer = new MutationObserver((records) => {
    if (records.some((r) => !isOwnMutation(r, isOwn))) changed.call();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    changed.cancel();
  });
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    changed.cancel();
    onNavigate(event.newUrl);
  });
  return { cancelPending: () => changed.cancel() };
}
