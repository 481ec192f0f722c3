// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createCardHost, HOST_TAG } from '../../lib/page/host.ts';

describe('createCardHost', () => {
  it('adds one host outside <body> with a closed shadow root, and removes it on destroy', () => {
    const bodyBefore = document.body.childNodes.length;
    const host = createCardHost(document, '.card{color:red}');
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(host.host.parentElement).toBe(document.documentElement);
    expect(host.host.shadowRoot).toBeNull();
    expect(document.body.childNodes.length).toBe(bodyBefore);
    expect(host.host.style.getPropertyPriority('position')).toBe('important');
    host.destroy();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(0);
  });

  it('keeps keys typed in the card from the page’s listeners', () => {
    const host = createCardHost(document, '');
    const input = document.createElement('input');
    host.container.append(input);
    const pageListener = vi.fn();
    document.addEventListener('keydown', pageListener);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true, composed: true }));
    document.removeEventListener('keydown', pageListener);
    host.destroy();
    expect(pageListener).not.toHaveBeenCalled();
  });

  it('has a polite live region and knows its own events', () => {
    const host = createCardHost(document, '');
    expect(host.live.getAttribute('aria-live')).toBe('polite');
    expect(host.isHost(host.host)).toBe(true);
    expect(host.isHost(document.body)).toBe(false);
    host.destroy();
  });
});
