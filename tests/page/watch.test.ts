// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, isOwnMutation, mayChangeVisibility, VISIBILITY_ATTRIBUTES } from '../../lib/page/watch.ts';

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

describe('mayChangeVisibility', () => {
  it('counts class and display/visibility changes on elements with content, not animation or empty elements', async () => {
    document.body.replaceChildren();
    const p = document.createElement('p');
    p.append('Some article text.');
    const empty = document.createElement('div');
    document.body.append(p, empty);
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: VISIBILITY_ATTRIBUTES,
      attributeOldValue: true,
    });
    const verdicts: Record<string, boolean> = {};
    const check = async (name: string, change: () => void) => {
      records.length = 0;
      change();
      await new Promise((r) => setTimeout(r, 0));
      verdicts[name] = records.some(mayChangeVisibility);
    };
    await check('class added', () => p.classList.add('open'));
    await check('same class again', () => p.setAttribute('class', 'open'));
    await check('style display', () => p.setAttribute('style', 'display: none'));
    await check('style transform', () => p.setAttribute('style', 'display: none; transform: translateX(4px)'));
    await check('hidden', () => p.setAttribute('hidden', ''));
    await check('class on an empty element', () => empty.classList.add('spin'));
    await check('other attribute', () => p.setAttribute('data-x', '1'));
    observer.disconnect();
    expect(verdicts).toEqual({
      'class added': true,
      'same class again': false,
      'style display': true,
      // The old and new style both say display: none — still counted; only styles that never
      // mention display or visibility are ignored.
      'style transform': true,
      hidden: true,
      'class on an empty element': false,
      'other attribute': false,
    });
  });

  it('ignores a style animated without touching display or visibility', () => {
    const el = document.createElement('div');
    el.append('text');
    el.setAttribute('style', 'transform: translateX(5px)');
    const record = {
      target: el,
      attributeName: 'style',
      oldValue: 'transform: translateX(4px)',
    } as unknown as MutationRecord;
    expect(mayChangeVisibility(record)).toBe(false);
  });
});
