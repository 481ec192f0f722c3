// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardController } from '../../lib/page/card-controller.tsx';
import { listenPointer } from '../../lib/page/pointer.ts';
import { setBody } from '../helpers/dom.ts';

/** A content-script context whose animation frames run when the test says so. */
function fakeContext() {
  const frames: (() => void)[] = [];
  const ctx = {
    addEventListener: (target: EventTarget, type: string, fn: EventListener, opts?: AddEventListenerOptions) =>
      target.addEventListener(type, fn, opts),
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
  } as unknown as ContentScriptContext;
  const flush = () => frames.splice(0).forEach((fn) => fn());
  return { ctx, flush };
}

let host: HTMLElement;
type Fn = ReturnType<typeof vi.fn<(...args: unknown[]) => void>>;
let cards: Record<
  'isHost' | 'cardEnter' | 'cardLeave' | 'hoverStart' | 'hoverEnd' | 'show' | 'close' | 'reposition',
  Fn
> & {
  openMention: { id: string } | null;
};
let pressOutside: Fn;
let flush: () => void;

/** An event as the browser would send it for a real user (page scripts cannot forge this flag). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const pointer = (type: string, pointerType = 'mouse') =>
  new PointerEvent(type, { bubbles: true, pointerType, clientX: 5, clientY: 5 });

beforeEach(() => {
  setBody('<p>Some text</p>');
  host = document.createElement('nhs-context-card');
  document.body.append(host);
  cards = {
    isHost: vi.fn((t: EventTarget | null) => t === host),
    cardEnter: vi.fn(),
    cardLeave: vi.fn(),
    hoverStart: vi.fn(),
    hoverEnd: vi.fn(),
    show: vi.fn(),
    close: vi.fn(),
    reposition: vi.fn(),
    openMention: null,
  } as never;
  pressOutside = vi.fn<(...args: unknown[]) => void>();
  const fake = fakeContext();
  flush = fake.flush;
  listenPointer({
    ctx: fake.ctx,
    doc: document,
    getState: () => null,
    cards: cards as unknown as CardController,
    onPressOutside: pressOutside,
  });
});

describe('pointer input for the cards', () => {
  it('events a page script makes up neither open, close nor move a card', () => {
    document.body.dispatchEvent(pointer('pointermove'));
    document.body.dispatchEvent(pointer('pointerdown'));
    flush();
    expect(cards.hoverEnd).not.toHaveBeenCalled();
    expect(cards.close).not.toHaveBeenCalled();
    expect(pressOutside).not.toHaveBeenCalled();
  });

  it('many pointer moves within one frame are handled once', () => {
    for (let i = 0; i < 5; i++) document.body.dispatchEvent(trusted(pointer('pointermove')));
    expect(cards.hoverEnd).not.toHaveBeenCalled();
    flush();
    expect(cards.hoverEnd).toHaveBeenCalledTimes(1);
  });

  it('moving onto the card keeps it open, and moving off it lets it go', () => {
    host.dispatchEvent(trusted(pointer('pointermove')));
    flush();
    expect(cards.cardEnter).toHaveBeenCalledTimes(1);
    document.body.dispatchEvent(trusted(pointer('pointermove')));
    flush();
    expect(cards.cardLeave).toHaveBeenCalledTimes(1);
  });

  it('a touch moving over the page does not open hover cards', () => {
    document.body.dispatchEvent(trusted(pointer('pointermove', 'touch')));
    flush();
    expect(cards.hoverEnd).not.toHaveBeenCalled();
    expect(cards.hoverStart).not.toHaveBeenCalled();
  });

  it('pressing outside the card closes it and ends keyboard navigation; pressing inside does not', () => {
    host.dispatchEvent(trusted(pointer('pointerdown')));
    expect(cards.close).not.toHaveBeenCalled();
    expect(pressOutside).not.toHaveBeenCalled();
    document.body.dispatchEvent(trusted(pointer('pointerdown')));
    expect(cards.close).toHaveBeenCalledTimes(1);
    expect(pressOutside).toHaveBeenCalledTimes(1);
  });

  it('scrolling the page or a box in it moves an open card once per frame; scrolling inside the card does not', () => {
    window.dispatchEvent(new Event('scroll'));
    flush();
    expect(cards.reposition).not.toHaveBeenCalled();
    cards.openMention = { id: 'm1' };
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    flush();
    expect(cards.reposition).toHaveBeenCalledTimes(1);
    host.dispatchEvent(new Event('scroll'));
    flush();
    expect(cards.reposition).toHaveBeenCalledTimes(1);
    document.querySelector('p')!.dispatchEvent(new Event('scroll'));
    flush();
    expect(cards.reposition).toHaveBeenCalledTimes(2);
  });
});
