/**
 * The card controller: one card host per tab (created the first time it is needed), the card state
 * machine, rendering the Preact card, placing it beside its mention, and the card's two actions.
 * Focus: pinning moves focus into the card; closing a card that has focus gives focus back to where
 * it was before.
 */
import { render } from 'preact';
import { Card, type CardContent } from '../../components/Card.tsx';
import type { Annotated, Backend } from './annotator.ts';
import { CARD_CSS } from './card-css.ts';
import { createCardMachine, type CardState, type OpenedBy } from './card-state.ts';
import { cardCitation, claimCitation, type ArticleRef } from './citation.ts';
import { createCardHost, type CardHost } from './host.ts';
import { anchorBox } from './hover.ts';
import type { Mention } from './mentions.ts';
import { isOutOfView, placeCard } from './position.ts';

export interface CardControllerDeps {
  doc: Document;
  getState: () => Annotated | null;
  backend: Pick<Backend, 'lookup' | 'hideOnSite'>;
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
  /** Copies text (navigator.clipboard in the page). */
  copy: (text: string) => Promise<void>;
  /** The reader hid an entity on this site; these ids are now hidden. */
  onHidden: (hiddenIds: string[]) => void;
}

/** The card and its live region, as the pointer, keyboard and page watchers drive them. */
export interface CardController {
  hoverStart(mention: Mention, point: { x: number; y: number }): void;
  hoverEnd(): void;
  cardEnter(): void;
  cardLeave(): void;
  show(mention: Mention, by: Exclude<OpenedBy, 'hover'>): Promise<void>;
  /** Pin the open card and move focus into it. */
  pin(): void;
  close(): void;
  /** The mention whose card is open, or null. */
  readonly openMention: Mention | null;
  readonly pinned: boolean;
  /** Whether an event target is the card host (anything inside the closed root reads as the host). */
  isHost(target: EventTarget | null): boolean;
  /** Say something politely to screen readers. */
  announce(text: string): void;
  /** After scrolling or resizing: close an unpinned card whose mention left the view, else re-place it. */
  reposition(): void;
  /** The mentions changed: close a card whose mention is gone. */
  update(state: Annotated | null): void;
  destroy(): void;
}

/**
 * Test builds only (`import.meta.env.NHS_CONTEXT_TEST`; production drops the code that writes it,
 * and with it this object): milliseconds from the decision to open a card (after a hover's open
 * delay, or at once for the keyboard) to the end of its first render and placement. The test hook
 * reports it; the bench's "hover to card" figure.
 */
export const cardTimings: { openAt: number | null; cardRenderMs: number | null } = { openAt: null, cardRenderMs: null };

type Open = Extract<CardState<Mention, CardContent>, { phase: 'open' }>;

function articleOf(state: Annotated): ArticleRef {
  return {
    url: state.page.url,
    title: state.result.page.title || state.page.title,
    published: state.result.page.published,
  };
}

function viewport(doc: Document): { width: number; height: number } {
  const view = doc.defaultView;
  return { width: doc.documentElement.clientWidth || view?.innerWidth || 0, height: view?.innerHeight || 0 };
}

/** What the card shows for a mention: the annotate result's card, else the background's lookup. */
async function cardContent(
  m: Mention,
  deps: Pick<CardControllerDeps, 'getState' | 'backend'>,
): Promise<CardContent | null> {
  const state = deps.getState();
  if (!state) return null;
  if (m.kind === 'claim') return m.annotation.check ? { kind: 'claim', name: m.name, check: m.annotation.check } : null;
  const known = state.result.cards.find((c) => c.id === m.targetId);
  if (known) return { kind: 'card', card: known };
  const reply = await deps.backend.lookup(m.targetId, state.result.page.published);
  return reply.ok && reply.data.card ? { kind: 'card', card: reply.data.card } : null;
}

/**
 * Whether the page itself is light or dark, from the computed background of its body (else its
 * root element): the card follows the page, not only the reader's colour-scheme setting. '' when
 * both are transparent (the browser's own canvas: the reader's setting decides).
 */
export function pageScheme(doc: Document): '' | 'light' | 'dark' {
  for (const el of [doc.body, doc.documentElement]) {
    const rgba =
      el &&
      doc.defaultView
        ?.getComputedStyle(el)
        .backgroundColor.match(/[\d.]+/g)
        ?.map(Number);
    if (!rgba || rgba.length < 3 || rgba[3] === 0) continue;
    return 0.299 * rgba[0]! + 0.587 * rgba[1]! + 0.114 * rgba[2]! < 128 ? 'dark' : 'light';
  }
  return '';
}

/** Size and place the card element beside its mention's line (keeping its own scroll position). */
function placeElement(el: HTMLElement, range: Range, point: { x: number; y: number } | undefined, doc: Document): void {
  const anchor = anchorBox(range, point);
  const scrolled = el.scrollTop;
  el.style.maxHeight = '';
  const at = placeCard(anchor, { width: el.offsetWidth, height: el.offsetHeight }, viewport(doc));
  el.style.maxHeight = `${at.maxHeight}px`;
  el.scrollTop = scrolled;
  el.style.left = `${at.left}px`;
  el.style.top = `${at.top}px`;
  el.dataset.placed = at.side;
}

/** Create the tab's card controller. */
export function createCardController(deps: CardControllerDeps): CardController {
  const { doc } = deps;
  let host: CardHost | null = null;
  let status: string | null = null;
  let point: { x: number; y: number } | undefined;
  let focusBefore: Element | null = null;
  const ensureHost = () => (host ??= createCardHost(doc, CARD_CSS));

  const machine = createCardMachine<Mention, CardContent>({
    setTimer: deps.setTimer,
    clearTimer: deps.clearTimer,
    load: (m) => {
      if (import.meta.env.NHS_CONTEXT_TEST) cardTimings.openAt = performance.now();
      return cardContent(m, deps);
    },
    render: (state) => draw(state),
    same: (a, b) => a.id === b.id,
  });

  const cardElement = () => host?.container.querySelector<HTMLElement>('.card') ?? null;

  const place = (open: Open) => {
    const el = cardElement();
    const range = deps.getState()?.ranges.get(open.target.id);
    if (el && range) placeElement(el, range, open.by === 'hover' ? point : undefined, doc);
  };

  const restoreFocus = () => {
    if (!host?.hasFocus()) return;
    const back = focusBefore as HTMLElement | null;
    focusBefore = null;
    if (back && back.isConnected && typeof back.focus === 'function') back.focus({ preventScroll: true });
    else (doc.activeElement as HTMLElement | null)?.blur?.();
  };

  const draw = (state: CardState<Mention, CardContent>) => {
    if (state.phase === 'closed') {
      status = null;
      restoreFocus();
      if (host) render(null, host.container);
      return;
    }
    const page = deps.getState();
    if (!page) return;
    const h = ensureHost();
    h.container.parentElement!.dataset.scheme = pageScheme(doc);
    const article = articleOf(page);
    render(
      <Card
        content={state.data}
        asOf={article.published}
        undated={page.result.page.publishedFrom === 'none'}
        pinned={state.pinned}
        status={status}
        onCopy={() => void copyCitation(state.data, article)}
        onHide={state.target.kind === 'claim' ? undefined : () => void hide(state.target)}
        onClose={() => machine.close()}
      />,
      h.container,
    );
    place(state);
    if (import.meta.env.NHS_CONTEXT_TEST && cardTimings.openAt !== null) {
      cardTimings.cardRenderMs = performance.now() - cardTimings.openAt;
      cardTimings.openAt = null;
    }
  };

  const redraw = (text: string | null) => {
    status = text;
    draw(machine.state);
  };

  const copyCitation = async (content: CardContent, article: ArticleRef) => {
    const text = content.kind === 'card' ? cardCitation(content.card, article) : claimCitation(content.check, article);
    try {
      await deps.copy(text);
      redraw('Citation copied.');
    } catch {
      redraw('Could not copy.');
    }
  };

  const hide = async (m: Mention) => {
    const reply = await deps.backend.hideOnSite(m.targetId);
    if (!reply.ok) return redraw(`Could not hide: ${reply.error.message}`);
    machine.close();
    announce(`${m.name} is hidden on this site.`);
    deps.onHidden(reply.data.hiddenIds);
  };

  const announce = (text: string) => {
    const live = ensureHost().live;
    live.textContent = text;
  };

  return {
    hoverStart(mention, at) {
      point = at;
      machine.hoverStart(mention);
    },
    hoverEnd: () => machine.hoverEnd(),
    cardEnter: () => machine.cardEnter(),
    cardLeave: () => machine.cardLeave(),
    show: (mention, by) => machine.show(mention, by),
    pin() {
      if (machine.state.phase !== 'open') return;
      if (!host?.hasFocus()) focusBefore = doc.activeElement;
      machine.pin();
      cardElement()?.focus({ preventScroll: true });
    },
    close: () => machine.close(),
    get openMention() {
      return machine.state.phase === 'open' ? machine.state.target : null;
    },
    get pinned() {
      return machine.state.phase === 'open' && machine.state.pinned;
    },
    isHost: (target) => host?.isHost(target) ?? false,
    announce,
    reposition() {
      const state = machine.state;
      if (state.phase !== 'open') return;
      const range = deps.getState()?.ranges.get(state.target.id);
      if (!range || (!state.pinned && isOutOfView(range.getBoundingClientRect(), viewport(doc)))) machine.close();
      else place(state);
    },
    update(state) {
      const open = machine.state;
      if (open.phase === 'open' && !state?.mentions.some((m) => m.id === open.target.id)) machine.close();
    },
    destroy() {
      machine.close();
      host?.destroy();
      host = null;
    },
  };
}
