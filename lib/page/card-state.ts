/**
 * The card's small state machine: open after a delay on hover, at once for
 * the keyboard or a tap; stay while the pointer is on the mention or the card; close after a grace
 * period, or at once on Esc or scroll. Every request to open gets a token: when the card's data
 * arrives, it opens only if no later request came in, so a slow reply never opens the wrong card.
 *
 * No DOM: timers, the data loader and the view come in as functions, so tests drive it with fake
 * timers.
 */
import { CLOSE_GRACE_MS, OPEN_DELAY_MS } from './timing.ts';

/** How a card was opened; a keyboard or pinned card does not close when the pointer wanders. */
export type OpenedBy = 'hover' | 'keyboard' | 'tap';

export type CardState<M, D> =
  { phase: 'closed' } | { phase: 'open'; target: M; data: D; by: OpenedBy; pinned: boolean };

export interface CardMachineDeps<M, D> {
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
  /** The card's data for a target; null when there is nothing to show. */
  load: (target: M) => Promise<D | null> | D | null;
  /** Called after every change of state. */
  render: (state: CardState<M, D>) => void;
  /** Whether two targets are the same mention (default: ===). */
  same?: (a: M, b: M) => boolean;
}

/** One card per tab: this object decides when it shows what. */
export interface CardMachine<M, D> {
  readonly state: CardState<M, D>;
  /** The pointer is over a mention. */
  hoverStart(target: M): void;
  /** The pointer left the mentions (and is not on the card). */
  hoverEnd(): void;
  /** The pointer moved onto the card. */
  cardEnter(): void;
  /** The pointer left the card. */
  cardLeave(): void;
  /** Open at once (keyboard navigation, a tap). */
  show(target: M, by: Exclude<OpenedBy, 'hover'>): Promise<void>;
  /** Keep the open card until it is closed explicitly. */
  pin(): void;
  /** Close now (Esc, scrolled away, navigation, teardown). */
  close(): void;
}

/**
 * Create the card's state machine. (Closures rather than a class: the content script has a size
 * budget, and minifiers can shorten local names but not method and field names.)
 */
export function createCardMachine<M, D>(deps: CardMachineDeps<M, D>): CardMachine<M, D> {
  let current: CardState<M, D> = { phase: 'closed' };
  let token = 0;
  /** The target a pending (delayed or loading) open is for. */
  let pending: M | null = null;
  let openTimer: number | null = null;
  let closeTimer: number | null = null;
  const same = (a: M, b: M) => (deps.same ? deps.same(a, b) : a === b);
  const set = (state: CardState<M, D>) => {
    current = state;
    deps.render(state);
  };
  /** Forget any delayed or loading open: its token is spent. */
  const cancelPending = () => {
    token += 1;
    pending = null;
    if (openTimer !== null) deps.clearTimer(openTimer);
    openTimer = null;
  };
  const cancelClose = () => {
    if (closeTimer !== null) deps.clearTimer(closeTimer);
    closeTimer = null;
  };
  const close = () => {
    cancelPending();
    cancelClose();
    if (current.phase !== 'closed') set({ phase: 'closed' });
  };
  const scheduleClose = () => {
    if (current.phase !== 'open' || current.pinned || current.by === 'keyboard' || closeTimer !== null) return;
    closeTimer = deps.setTimer(() => {
      closeTimer = null;
      close();
    }, CLOSE_GRACE_MS);
  };
  const open = async (target: M, by: OpenedBy, mine: number) => {
    pending = target;
    const data = await deps.load(target);
    if (mine !== token) return;
    pending = null;
    if (data !== null) set({ phase: 'open', target, data, by, pinned: false });
  };
  return {
    get state() {
      return current;
    },
    hoverStart(target) {
      if (current.phase === 'open' && same(current.target, target)) {
        cancelClose();
        cancelPending();
        return;
      }
      if ((pending !== null && same(pending, target)) || (current.phase === 'open' && current.pinned)) return;
      cancelPending();
      pending = target;
      const mine = token;
      openTimer = deps.setTimer(() => {
        openTimer = null;
        void open(target, 'hover', mine);
      }, OPEN_DELAY_MS);
    },
    hoverEnd() {
      cancelPending();
      scheduleClose();
    },
    cardEnter() {
      cancelPending();
      cancelClose();
    },
    cardLeave: scheduleClose,
    show(target, by) {
      cancelPending();
      cancelClose();
      return open(target, by, token);
    },
    pin() {
      if (current.phase !== 'open' || current.pinned) return;
      cancelClose();
      set({ ...current, pinned: true });
    },
    close,
  };
}
