// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Annotated } from '../../lib/page/annotator.ts';
import type { CardController } from '../../lib/page/card-controller.tsx';
import { createNavigator } from '../../lib/page/keyboard.ts';
import type { Mention } from '../../lib/page/mentions.ts';
import { setBody } from '../helpers/dom.ts';

function setup(count = 3) {
  setBody('<a href="#" id="before">before</a><p id="text">alpha beta gamma delta</p><input id="field">');
  const text = document.getElementById('text')!.firstChild as Text;
  const mentions: Mention[] = [];
  const ranges = new Map<string, Range>();
  for (let i = 0; i < count; i++) {
    const start = i * 6;
    const id = `m${i}`;
    mentions.push({
      id,
      kind: 'entity',
      start,
      end: start + 5,
      targetId: `t${i}`,
      name: `Name ${i}`,
      annotation: {} as Mention['annotation'],
    });
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + 5);
    ranges.set(id, range);
  }
  const state = { mentions, ranges } as unknown as Annotated;
  let open: Mention | null = null;
  const cards = {
    show: vi.fn(async (m: Mention) => void (open = m)),
    close: vi.fn(() => void (open = null)),
    pin: vi.fn(),
    announce: vi.fn(),
    isHost: () => false,
    get openMention() {
      return open;
    },
  } as unknown as CardController & { show: ReturnType<typeof vi.fn>; announce: ReturnType<typeof vi.fn> };
  const painter = { setCurrent: vi.fn() };
  const nav = createNavigator({ doc: document, getState: () => state, cards, painter });
  const key = (k: string, extra: Partial<KeyboardEvent> = {}) => {
    const event = {
      key: k,
      isTrusted: true,
      shiftKey: false,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      target: document.body,
      preventDefault: vi.fn(),
      stopImmediatePropagation: vi.fn(),
      ...extra,
    };
    nav.onKeyDown(event as unknown as KeyboardEvent);
    return event;
  };
  return { nav, cards, painter, key, ranges };
}

describe('keyboard navigation', () => {
  it('starts on the first mention, announces it and opens its card', () => {
    const { nav, cards, painter } = setup();
    nav.start();
    expect(nav.index).toBe(0);
    expect(cards.show).toHaveBeenCalledWith(expect.objectContaining({ id: 'm0' }), 'keyboard');
    expect(cards.announce).toHaveBeenLastCalledWith('Mention 1 of 3: Name 0');
    expect(painter.setCurrent).toHaveBeenLastCalledWith(expect.any(Object));
  });

  it('moves with n / Tab and p / Shift+Tab, swallowing those keys', () => {
    const { nav, key, cards } = setup();
    nav.start();
    expect(key('n').preventDefault).toHaveBeenCalled();
    key('Tab');
    expect(nav.index).toBe(2);
    key('p');
    key('Tab', { shiftKey: true });
    expect(nav.index).toBe(0);
    expect(cards.announce).toHaveBeenLastCalledWith('Mention 1 of 3: Name 0');
  });

  it('does not trap the keyboard: Tab past the last mention leaves navigation and Tab does its job', () => {
    const { nav, key } = setup(2);
    nav.start();
    key('n');
    const tab = key('Tab');
    expect(tab.preventDefault).not.toHaveBeenCalled();
    expect(nav.active).toBe(false);
  });

  it('says so at either end for n and p', () => {
    const { nav, key, cards } = setup(2);
    nav.start();
    key('p');
    expect(nav.index).toBe(0);
    expect(cards.announce).toHaveBeenLastCalledWith('First mention.');
  });

  it('pins with Enter, leaves with Esc and gives focus back', () => {
    const { nav, key, cards, painter } = setup();
    const before = document.getElementById('before')!;
    before.focus();
    nav.start();
    key('Enter');
    expect(cards.pin).toHaveBeenCalled();
    document.getElementById('field')!.focus();
    key('Escape');
    expect(nav.active).toBe(false);
    expect(cards.close).toHaveBeenCalled();
    expect(painter.setCurrent).toHaveBeenLastCalledWith(null);
    expect(document.activeElement).toBe(before);
  });

  it('ignores untrusted events, keys typed into fields and keys with modifiers', () => {
    const { nav, key } = setup();
    nav.start();
    key('n', { isTrusted: false });
    key('n', { target: document.getElementById('field')! });
    key('n', { ctrlKey: true });
    expect(nav.index).toBe(0);
  });

  it('Esc outside navigation closes an open hover card', () => {
    const { key, cards } = setup();
    void cards.show({ id: 'x' } as Mention, 'tap');
    key('Escape');
    expect(cards.close).toHaveBeenCalled();
  });

  it('keeps its place when the page is repainted, and stops when its mention is gone', () => {
    const { nav, key, ranges } = setup();
    nav.start();
    key('n');
    const m1 = { id: 'm1' } as Mention;
    nav.update({ mentions: [m1], ranges } as unknown as Annotated);
    expect(nav.index).toBe(0);
    nav.update({ mentions: [], ranges } as unknown as Annotated);
    expect(nav.active).toBe(false);
  });

  it('says when there is nothing to navigate', () => {
    const { nav, cards } = setup(0);
    nav.start();
    expect(nav.active).toBe(false);
    expect(cards.announce).toHaveBeenCalledWith('No highlighted mentions on this page.');
  });
});
