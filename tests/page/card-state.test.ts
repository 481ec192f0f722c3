import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardMachine, type CardState } from '../../lib/page/card-state.ts';
import { CLOSE_GRACE_MS, OPEN_DELAY_MS } from '../../lib/page/timing.ts';

type M = { id: string };
const a: M = { id: 'a' };
const b: M = { id: 'b' };

/** A deferred promise, for a slow card lookup. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function setup(load: (m: M) => Promise<string | null> | string | null = (m) => `card ${m.id}`) {
  const states: CardState<M, string>[] = [];
  const machine = createCardMachine<M, string>({
    setTimer: (fn, ms) => setTimeout(fn, ms) as unknown as number,
    clearTimer: (id) => clearTimeout(id),
    load,
    render: (state) => states.push(state),
    same: (x, y) => x.id === y.id,
  });
  const shown = () => (machine.state.phase === 'open' ? machine.state.data : null);
  return { machine, states, shown };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createCardMachine', () => {
  it('opens after the open delay, not before', async () => {
    const { machine, shown } = setup();
    machine.hoverStart(a);
    await vi.advanceTimersByTimeAsync(OPEN_DELAY_MS - 1);
    expect(shown()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(shown()).toBe('card a');
  });

  it('does not open when the pointer leaves before the delay', async () => {
    const { machine, states } = setup();
    machine.hoverStart(a);
    await vi.advanceTimersByTimeAsync(OPEN_DELAY_MS / 2);
    machine.hoverEnd();
    await vi.advanceTimersByTimeAsync(OPEN_DELAY_MS * 2);
    expect(states).toEqual([]);
  });

  it('stays open while the pointer moves into the card, and closes after the grace period once it leaves', async () => {
    const { machine, shown } = setup();
    machine.hoverStart(a);
    await vi.advanceTimersByTimeAsync(OPEN_DELAY_MS);
    machine.hoverEnd();
    await vi.advanceTimersByTimeAsync(CLOSE_GRACE_MS - 10);
    machine.cardEnter();
    await vi.advanceTimersByTimeAsync(CLOSE_GRACE_MS * 3);
    expect(shown()).toBe('card a');
    machine.cardLeave();
    await vi.advanceTimersByTimeAsync(CLOSE_GRACE_MS - 1);
    expect(shown()).toBe('card a');
    await vi.advanceTimersByTimeAsync(1);
    expect(machine.state.phase).toBe('closed');
  });

  it('never opens the wrong card when a slow reply arrives after the pointer moved on', async () => {
    const slow = deferred<string | null>();
    const { machine, shown } = setup((m) => (m.id === 'a' ? slow.promise : `card ${m.id}`));
    machine.hoverStart(a);
    await vi.advanceTimersByTimeAsync(OPEN_DELAY_MS);
    machine.hoverStart(b);
    await vi.advanceTimersByTimeAsync(OPEN_DELAY_MS);
    expect(shown()).toBe('card b');
    slow.resolve('card a');
    await vi.advanceTimersByTimeAsync(0);
    expect(shown()).toBe('card b');
  });

  it('ignores a slow reply after Esc', async () => {
    const slow = deferred<string | null>();
    const { machine, states } = setup(() => slow.promise);
    machine.hoverStart(a);
    await vi.advanceTimersByTimeAsync(OPEN_DELAY_MS);
    machine.close();
    slow.resolve('late');
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual([]);
  });

  it('opens at once for the keyboard, and a keyboard card does not close when the pointer wanders', async () => {
    const { machine, shown } = setup();
    await machine.show(a, 'keyboard');
    expect(shown()).toBe('card a');
    machine.hoverEnd();
    machine.cardLeave();
    await vi.advanceTimersByTimeAsync(CLOSE_GRACE_MS * 3);
    expect(shown()).toBe('card a');
  });

  it('keeps a pinned card until it is closed explicitly', async () => {
    const { machine, shown } = setup();
    await machine.show(a, 'tap');
    machine.pin();
    expect(machine.state).toMatchObject({ phase: 'open', pinned: true });
    machine.hoverStart(b);
    machine.hoverEnd();
    await vi.advanceTimersByTimeAsync(OPEN_DELAY_MS + CLOSE_GRACE_MS);
    expect(shown()).toBe('card a');
    machine.close();
    expect(machine.state.phase).toBe('closed');
  });

  it('switches cards after the delay when the pointer moves to another mention', async () => {
    const { machine, shown } = setup();
    machine.hoverStart(a);
    await vi.advanceTimersByTimeAsync(OPEN_DELAY_MS);
    machine.hoverStart(b);
    expect(shown()).toBe('card a');
    await vi.advanceTimersByTimeAsync(OPEN_DELAY_MS);
    expect(shown()).toBe('card b');
  });

  it('shows nothing when there is no card data', async () => {
    const { machine, states } = setup(() => null);
    await machine.show(a, 'keyboard');
    expect(states).toEqual([]);
  });

  it('re-hovering the open mention keeps it open through a pending close', async () => {
    const { machine, shown } = setup();
    machine.hoverStart(a);
    await vi.advanceTimersByTimeAsync(OPEN_DELAY_MS);
    machine.hoverEnd();
    machine.hoverStart(a);
    await vi.advanceTimersByTimeAsync(CLOSE_GRACE_MS * 2);
    expect(shown()).toBe('card a');
  });
});
