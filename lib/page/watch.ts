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
 *
 * What counts as a change: nodes added or removed; text edited (and the highlights on edited text
 * are dropped at once, in the observer's callback, before the page paints: `onEdited`); and
 * attribute changes that can reveal or hide text (`class`, a `style` that touches `display` or
 * `visibility`, `hidden`, `aria-hidden`, `open`) on elements with content, such as a paywall or a
 * "read more" that only flips a class. These schedule the same debounced re-read, under the same
 * limits. Open shadow roots the read went through are observed too (`observe`); closed ones are not
 * reachable and stay closed.
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
  /** These text nodes' data just changed (called at once, from the observer's callback). */
  onEdited: (nodes: Set<Node>) => void;
  /** Every record not about our own nodes (for lib/page/region.ts: what the next read must re-read). */
  onRecords?: (records: MutationRecord[]) => void;
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

/** Attributes whose change can show or hide text (lib/page/extract.ts `isSkipped`, and CSS through classes). */
export const VISIBILITY_ATTRIBUTES = ['class', 'style', 'hidden', 'aria-hidden', 'open'];

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: VISIBILITY_ATTRIBUTES,
  attributeOldValue: true,
};

/**
 * Whether an attribute change may reveal or hide text: the value really changed, the element has
 * content, and a `style` change touches `display` or `visibility` (a style animated every frame,
 * a transform or an opacity, does not make us re-read the page).
 */
export function mayChangeVisibility(record: MutationRecord): boolean {
  const el = record.target as Element;
  if (el.firstChild === null && !el.shadowRoot) return false;
  const now = el.getAttribute(record.attributeName ?? '');
  if (now === record.oldValue) return false;
  if (record.attributeName !== 'style') return true;
  return /display|visibility/i.test(`${record.oldValue ?? ''} ${now ?? ''}`);
}

/** Watch the page; `observe` adds open shadow roots; `cancelPending` drops a pending change notification. */
export function watchPage({ ctx, doc, isOwn, onChange, onEdited, onRecords, onNavigate }: WatchDeps): {
  cancelPending: () => void;
  observe: (roots: readonly ShadowRoot[]) => void;
} {
  const changed = debounce(
    (fn, ms) => ctx.setTimeout(fn, ms),
    (id) => clearTimeout(id),
    onChange,
    MUTATION_DEBOUNCE_MS,
    MAX_WAIT_MS,
  );
  const observer = new MutationObserver((records) => {
    let changes = false;
    let edited: Set<Node> | null = null;
    onRecords?.(records.filter((record) => !isOwn(record.target)));
    for (const record of records) {
      if (record.type === 'characterData') {
        if (isOwn(record.target)) continue;
        (edited ??= new Set()).add(record.target);
        changes = true;
      } else if (!changes && !isOwnMutation(record, isOwn)) {
        changes = record.type === 'childList' || mayChangeVisibility(record);
      }
    }
    if (edited) onEdited(edited);
    if (changes) changed.call();
  });
  observer.observe(doc.documentElement, OBSERVE);
  const observed = new WeakSet<ShadowRoot>();
  ctx.onInvalidated(() => {
    observer.disconnect();
    changed.cancel();
  });
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    changed.cancel();
    onNavigate(event.newUrl);
  });
  return {
    cancelPending: () => changed.cancel(),
    observe(roots) {
      for (const root of roots) {
        if (observed.has(root)) continue;
        observed.add(root);
        observer.observe(root, OBSERVE);
      }
    },
  };
}
