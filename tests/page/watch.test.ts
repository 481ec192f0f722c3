// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, isOwnMutation } from '../../lib/page/watch.ts';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const make = (fn: () => void) =>
    debounce(
      (f, ms) => setTimeout(f, ms) as unknown as number,
      (id) => clearTimeout(id),
      fn,
      100,
      400,
    );

  it('calls once after a burst has been quiet for the wait', () => {
    const fn = vi.fn();
    const d = make(fn);
    for (let i = 0; i < 5; i++) {
      d.call();
      vi.advanceTimersByTime(50);
    }
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('still calls within the maximum wait when changes never stop', () => {
    const fn = vi.fn();
    const d = make(fn);
    for (let i = 0; i < 20; i++) {
      d.call();
      vi.advanceTimersByTime(50);
    }
    expect(fn.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('can be cancelled', () => {
    const fn = vi.fn();
    const d = make(fn);
    d.call();
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('isOwnMutation', () => {
  it('ignores changes to our own host only', async () => {
    const host = document.createElement('nhs-context-card');
    const isOwn = (node: Node) => node === host;
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    document.documentElement.append(host);
    const p = document.createElement('p');
    document.body.append(p);
    await new Promise((r) => setTimeout(r, 0));
    observer.disconnect();
    expect(records.map((r) => isOwnMutation(r, isOwn))).toEqual([true, false]);
  });
});
