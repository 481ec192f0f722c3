/**
 * Looking into a page the extension annotated, from a Playwright test: the highlights (the page's
 * own `CSS.highlights` registry is the document's, so it shows the content script's highlights),
 * the card inside its closed shadow root (through the DevTools protocol: `DOM.describeNode` with
 * `pierce` reaches closed roots), and the test build's hook (lib/page/test-hook.ts).
 */
import type { Page } from 'playwright-core';
import type { TestSnapshot } from '../../lib/page/test-hook.ts';

/** The highlight names (lib/page/highlight.ts). */
export const NAMES = [
  'nhs-context-entity',
  'nhs-context-quiet',
  'nhs-context-event',
  'nhs-context-claim',
  'nhs-context-current',
] as const;

/** What the highlights cover: per name, the text of each range and whether it lies inside `within`. */
export function highlightTexts(
  page: Page,
  within = 'article',
): Promise<Record<string, { text: string; inside: boolean }[]>> {
  return page.evaluate(
    ({ names, within }) => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
      const root = document.querySelector(within);
      const out: Record<string, { text: string; inside: boolean }[]> = {};
      for (const name of names) {
        out[name] = [...(registry.get(name) ?? [])].map((r) => ({
          text: r.toString(),
          inside: !!root && root.contains(r.startContainer) && !r.collapsed,
        }));
      }
      return out;
    },
    { names: [...NAMES], within },
  );
}

/** What the card's closed shadow root holds. */
export interface CardProbe {
  open: boolean;
  role: string | null;
  label: string | null;
  text: string;
  links: { href: string | null; rel: string | null; target: string | null }[];
  live: string;
  /** The class of the focused element inside the shadow root, or null. */
  focused: string | null;
}

const READ_CARD = `function () {
  const card = this.querySelector('.card');
  const live = this.querySelector('.live');
  return {
    open: !!card,
    role: card ? card.getAttribute('role') : null,
    label: card ? card.getAttribute('aria-label') : null,
    text: card ? card.textContent : '',
    links: card ? [...card.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel'), target: a.getAttribute('target') })) : [],
    live: live ? live.textContent : '',
    focused: this.activeElement ? String(this.activeElement.className) : null,
  };
}`;

/** Run a function with the card host's closed shadow root as `this`; null when there is no host. */
export async function onCardRoot<T>(page: Page, functionDeclaration: string): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const host = await cdp.send('Runtime.evaluate', { expression: "document.querySelector('nhs-context-card')" });
    if (!host.result.objectId) return null;
    const { node } = await cdp.send('DOM.describeNode', { objectId: host.result.objectId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration,
      returnByValue: true,
    });
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/** The card as it stands (closed when there is no host yet). */
export async function readCard(page: Page): Promise<CardProbe> {
  const probe = await onCardRoot<CardProbe>(page, READ_CARD);
  return probe ?? { open: false, role: null, label: null, text: '', links: [], live: '', focused: null };
}

/**
 * Copy the card (its markup and styles) into an open shadow root in the page, so axe-core, which
 * cannot enter a closed root, can check it with the real styles. Returns the copy's selector.
 */
export async function copyCardForAxe(page: Page): Promise<string> {
  const done = await onCardRoot<boolean>(
    page,
    `function () {
      const copy = document.createElement('div');
      copy.id = 'axe-card-copy';
      const root = copy.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync([...this.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\\n'));
      root.adoptedStyleSheets = [sheet];
      root.append(this.querySelector('.layer').cloneNode(true));
      document.body.append(copy);
      return true;
    }`,
  );
  if (!done) throw new Error('no card to copy');
  return '#axe-card-copy';
}

/**
 * Ask the test build's hook for its snapshot: `navigate` starts keyboard navigation first,
 * `measure` extracts and paints again so `timings` are fresh (for the bench).
 */
export function hookSnapshot(
  page: Page,
  command: 'state' | 'navigate' | 'measure' = 'state',
): Promise<TestSnapshot | null> {
  return page.evaluate(
    (command) =>
      new Promise<TestSnapshot | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), 5000);
        document.addEventListener(
          'nhs-context-test-reply',
          (event) => {
            clearTimeout(timer);
            resolve(JSON.parse((event as CustomEvent<string>).detail) as TestSnapshot);
          },
          { once: true },
        );
        document.dispatchEvent(new CustomEvent('nhs-context-test', { detail: command }));
      }),
    command,
  );
}

/** The viewport centre of the first occurrence of `text` inside `selector` (scrolled to the middle first unless told not to). */
export async function pointOf(
  page: Page,
  selector: string,
  text: string,
  scroll = true,
): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ selector, text, scroll }) => {
      for (const el of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const at = node.data.indexOf(text);
          if (at < 0) continue;
          if (scroll) node.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          const rect = range.getClientRects()[0]!;
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      return null;
    },
    { selector, text, scroll },
  );
  if (!point) throw new Error(`"${text}" not found in ${selector}`);
  return point;
}
