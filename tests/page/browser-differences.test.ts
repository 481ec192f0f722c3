import { describe, expect, it } from 'vitest';
import { adoptSheet, type SheetTarget } from '../../lib/page/browser-differences.ts';

const sheet = (name: string) => ({ name }) as unknown as CSSStyleSheet;

/**
 * What a Firefox content script sees (Xray-wrapped ObservableArray): indexable, with `push` and
 * `splice`, but no iterator and no other array methods. Assigning an array is refused.
 */
function xrayLike(initial: CSSStyleSheet[]): SheetTarget & { items: CSSStyleSheet[] } {
  const items = [...initial];
  const list = new Proxy(
    {
      push: (...s: CSSStyleSheet[]) => items.push(...s),
      splice: (start: number, count: number) => items.splice(start, count),
    },
    {
      get(target, key) {
        if (key === 'length') return items.length;
        if (typeof key === 'string' && /^\d+$/.test(key)) return items[Number(key)];
        if (key === 'push' || key === 'splice') return target[key];
        return undefined; // no Symbol.iterator, no filter
      },
    },
  );
  return {
    items,
    get adoptedStyleSheets() {
      return list as unknown as CSSStyleSheet[];
    },
    set adoptedStyleSheets(_value) {
      throw new TypeError('Accessing from Xray wrapper is not supported.');
    },
  };
}

describe('adoptSheet', () => {
  it('adds our sheet beside the page’s own through a non-iterable wrapped list, and takes only ours out', () => {
    const page = sheet('page');
    const target = xrayLike([page]);
    const ours = sheet('ours');
    const remove = adoptSheet(target, ours);
    expect(target.items).toEqual([page, ours]);
    target.items.push(sheet('later'));
    remove();
    expect(target.items.map((s) => (s as unknown as { name: string }).name)).toEqual(['page', 'later']);
    remove(); // twice is harmless
    expect(target.items).toHaveLength(2);
  });

  it('assigns a new list where the list has no push (a frozen array)', () => {
    const page = sheet('page');
    const target: SheetTarget = { adoptedStyleSheets: Object.freeze([page]) as unknown as CSSStyleSheet[] };
    const ours = sheet('ours');
    const remove = adoptSheet(target, ours);
    expect(target.adoptedStyleSheets).toEqual([page, ours]);
    remove();
    expect(target.adoptedStyleSheets).toEqual([page]);
  });
});
