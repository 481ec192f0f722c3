/**
 * Keyboard navigation of the mentions, started by the shortcut or the popup's button: n / Tab go
 * to the next mention, p / Shift+Tab to the previous one; each is scrolled into view, marked
 * current and its card opened; Enter pins the card (focus moves into it), Esc leaves and gives
 * focus back. Tab past the last mention leaves navigation and lets Tab do its usual job, so the
 * keyboard is never trapped. Only trusted key events change anything.
 */
import type { Annotated } from './annotator.ts';
import type { CardController } from './card-controller.tsx';
import type { Painter } from './highlight.ts';
import { announcement, stepIndex } from './mentions.ts';

export interface NavigatorDeps {
  doc: Document;
  getState: () => Annotated | null;
  cards: CardController;
  painter: Pick<Painter, 'setCurrent'> | null;
}

export interface Navigator {
  start(): void;
  /** Go to the mention of an annotation (the popup's list); false when it is not highlighted. */
  focus(annotationId: string): boolean;
  /** Leave navigation; focus goes back to where it was unless `restoreFocus` is false. */
  stop(restoreFocus?: boolean): void;
  /** Handle a keydown (the session listens on the window, capture phase). */
  onKeyDown(event: KeyboardEvent): void;
  /** The mentions changed (a repaint): keep the current one if it is still there. */
  update(state: Annotated | null): void;
  readonly active: boolean;
  /** Index of the current mention, -1 before the first step. */
  readonly index: number;
}

/** Keys are the page's own when typed into a field. */
function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest && (el.isContentEditable || !!el.closest('input,textarea,select'));
}

/** Scroll a range into view (instantly: no motion), unless it is already comfortably visible. */
export function reveal(range: Range, doc: Document): void {
  const height = doc.defaultView?.innerHeight ?? 0;
  const rect = range.getBoundingClientRect();
  if (rect.top < 48 || rect.bottom > height - 48) {
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
  }
}

/** Create the navigator. */
export function createNavigator(deps: NavigatorDeps): Navigator {
  const { doc, cards } = deps;
  let active = false;
  let index = -1;
  let currentId: string | null = null;
  let focusBefore: Element | null = null;

  const go = (i: number) => {
    const state = deps.getState();
    const mention = state?.mentions[i];
    const range = mention && state.ranges.get(mention.id);
    if (!state || !mention || !range) return;
    index = i;
    currentId = mention.id;
    reveal(range, doc);
    deps.painter?.setCurrent(range);
    void cards.show(mention, 'keyboard');
    cards.announce(announcement(i, state.mentions.length, mention.name));
  };

  const step = (direction: 1 | -1): boolean => {
    const count = deps.getState()?.mentions.length ?? 0;
    const next = stepIndex(count, index, direction);
    if (next < 0) return false;
    go(next);
    return true;
  };

  const stop = (restoreFocus = true) => {
    if (!active) return;
    active = false;
    index = -1;
    currentId = null;
    deps.painter?.setCurrent(null);
    cards.close();
    cards.announce('Left mention navigation.');
    const back = focusBefore as HTMLElement | null;
    focusBefore = null;
    if (restoreFocus && back?.isConnected && typeof back.focus === 'function' && back !== doc.activeElement) {
      back.focus({ preventScroll: true });
    }
  };

  const handle = (event: KeyboardEvent, action: () => void) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    action();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    if (event.key === 'Escape') {
      if (active) handle(event, () => stop());
      else if (cards.openMention) cards.close();
      return;
    }
    if (!active || event.ctrlKey || event.altKey || event.metaKey) return;
    if (cards.isHost(event.target) || isEditable(event.target)) return;
    const key = event.key.toLowerCase();
    const direction = key === 'n' || (key === 'tab' && !event.shiftKey) ? 1 : key === 'p' || key === 'tab' ? -1 : 0;
    if (direction !== 0) {
      if (step(direction)) return handle(event, () => {});
      if (key === 'tab') return stop(false);
      return handle(event, () => cards.announce(direction > 0 ? 'Last mention.' : 'First mention.'));
    }
    if (key === 'enter' && index >= 0) handle(event, () => cards.pin());
  };

  return {
    start() {
      const state = deps.getState();
      if (!state || state.mentions.length === 0) {
        cards.announce('No highlighted mentions on this page.');
        return;
      }
      if (!active) focusBefore = doc.activeElement;
      active = true;
      index = -1;
      go(0);
    },
    focus(annotationId) {
      const i = deps.getState()?.mentions.findIndex((m) => m.id === annotationId) ?? -1;
      if (i < 0) return false;
      if (!active) focusBefore = doc.activeElement;
      active = true;
      go(i);
      return true;
    },
    stop,
    onKeyDown,
    update(state) {
      if (!active) return;
      const i = state?.mentions.findIndex((m) => m.id === currentId) ?? -1;
      if (i < 0) return stop(false);
      index = i;
      deps.painter?.setCurrent(state!.ranges.get(currentId!) ?? null);
    },
    get active() {
      return active;
    },
    get index() {
      return index;
    },
  };
}
