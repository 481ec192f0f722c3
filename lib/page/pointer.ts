/**
 * Pointer and scroll input for the cards, through document- and window-level passive listeners only
 * (never on page elements), all tied to the content script's context. Work happens at most once
 * per animation frame; untrusted (synthetic) events change nothing.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Annotated } from './annotator.ts';
import type { CardController } from './card-controller.tsx';
import { mentionAtPoint } from './hover.ts';

export interface PointerDeps {
  ctx: ContentScriptContext;
  doc: Document;
  getState: () => Annotated | null;
  cards: CardController;
  /** A pointer press outside the card (keyboard navigation ends). */
  onPressOutside: () => void;
}

const PASSIVE_CAPTURE = { capture: true, passive: true } as const;

/** Listen for hover, taps, presses outside the card, scrolling and resizing. */
export function listenPointer({ ctx, doc, getState, cards, onPressOutside }: PointerDeps): void {
  let pending: PointerEvent | null = null;
  let overCard = false;

  const hover = (event: PointerEvent) => {
    if (cards.isHost(event.target)) {
      overCard = true;
      return cards.cardEnter();
    }
    if (overCard) cards.cardLeave();
    overCard = false;
    if (event.pointerType === 'touch') return;
    const state = getState();
    const mention = state && mentionAtPoint(doc, state, event.clientX, event.clientY);
    if (mention) cards.hoverStart(mention, { x: event.clientX, y: event.clientY });
    else cards.hoverEnd();
  };

  ctx.addEventListener(
    doc,
    'pointermove',
    (event: PointerEvent) => {
      if (!event.isTrusted) return;
      const first = pending === null;
      pending = event;
      if (!first) return;
      ctx.requestAnimationFrame(() => {
        const latest = pending;
        pending = null;
        if (latest) hover(latest);
      });
    },
    PASSIVE_CAPTURE,
  );

  ctx.addEventListener(
    doc,
    'pointerdown',
    (event: PointerEvent) => {
      if (!event.isTrusted || cards.isHost(event.target)) return;
      onPressOutside();
      const state = getState();
      const mention = state && mentionAtPoint(doc, state, event.clientX, event.clientY);
      if (mention && event.pointerType === 'touch') void cards.show(mention, 'tap');
      else if (!mention || mention.id !== cards.openMention?.id) cards.close();
    },
    PASSIVE_CAPTURE,
  );

  ctx.addEventListener(
    doc,
    'pointerout',
    (event: PointerEvent) => {
      if (event.isTrusted && event.relatedTarget === null) cards.hoverEnd();
    },
    PASSIVE_CAPTURE,
  );

  let framed = false;
  // Scrolling inside the card is the reader reading it, not the page moving under it.
  const reposition = (event: Event) => {
    if (framed || !cards.openMention || cards.isHost(event.target)) return;
    framed = true;
    ctx.requestAnimationFrame(() => {
      framed = false;
      cards.reposition();
    });
  };
  const view = doc.defaultView ?? window;
  ctx.addEventListener(view, 'scroll', reposition, PASSIVE_CAPTURE);
  ctx.addEventListener(view, 'resize', reposition, { passive: true });
}
