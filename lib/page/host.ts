/**
 * The one element the extension adds to a page: a host for the card with a closed shadow root
 * (docs/ARCHITECTURE.md, "Decisions"). Styles come in through `adoptedStyleSheets`, never a
 * web-accessible file; the host resets the page's inherited styles; key and input events from
 * inside the card stop at the host, so the page's shortcuts do not see what the reader types
 * there. `destroy()` removes everything.
 */
import { adoptSheet } from './browser-differences.ts';
import { styleSheet } from './highlight.ts';

/** The host's tag: a valid custom-element name, never defined (content scripts have no registry). */
export const HOST_TAG = 'nhs-context-card';

/** Events that must not reach the page's listeners from inside the card. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'copy', 'paste', 'cut'] as const;

/** Inline `!important` styles beat any page stylesheet that targets the host element. */
const HOST_STYLE =
  'all:initial;position:fixed;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483647;display:block'
    .split(';')
    .map((rule) => `${rule}!important`)
    .join(';');

export interface CardHost {
  /** The element in the page. */
  host: HTMLElement;
  /** Where the card is rendered (inside the closed shadow root). */
  container: HTMLElement;
  /** A polite live region for announcements. */
  live: HTMLElement;
  /** Whether an event's (retargeted) target is the card: anything inside a closed root reads as the host. */
  isHost(target: EventTarget | null): boolean;
  /** Whether keyboard focus is inside the card. */
  hasFocus(): boolean;
  destroy(): void;
}

/** Create the host, attach it to the document's root element and adopt `css` in its shadow root. */
export function createCardHost(doc: Document, css: string): CardHost {
  const host = doc.createElement(HOST_TAG);
  host.style.cssText = HOST_STYLE;
  const root = host.attachShadow({ mode: 'closed' });
  adoptSheet(root, styleSheet(doc, css));

  const layer = doc.createElement('div');
  layer.className = 'layer';
  const container = doc.createElement('div');
  const live = doc.createElement('div');
  live.className = 'live';
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');
  layer.append(container, live);
  root.append(layer);

  const stop = (event: Event) => event.stopPropagation();
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, stop);
  // Outside <body>: the page's own text (body.innerText) and layout stay as they were.
  doc.documentElement.append(host);

  return {
    host,
    container,
    live,
    isHost: (target) => target === host,
    hasFocus: () => doc.activeElement === host,
    destroy() {
      for (const type of ISOLATED_EVENTS) host.removeEventListener(type, stop);
      host.remove();
    },
  };
}
