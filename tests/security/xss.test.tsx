// @vitest-environment happy-dom
/**
 * Strings are text, never markup: the card renders every field of the XSS corpus as text (its text
 * equals the input, no element with an `on*` attribute, no script/iframe/object/embed/img/svg), and
 * only http(s) URLs become links — at the pack schema (import refuses them) and again in the card.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Card } from '../../components/Card.tsx';
import { safeHref } from '../../lib/util/urls.ts';
import type { Card as CardData } from '../../lib/protocol/annotations.ts';
import { HttpUrl } from '../../lib/facts/schema.ts';
import { BAD_URLS, SENTINEL, XSS_PAYLOADS } from '../fixtures/hostile/xss-payloads.ts';

afterEach(cleanup);

const source = (publisher: string, url = 'https://example.org/a') => ({
  url,
  publisher,
  published: null,
  tier: 'weak' as const,
});

function cardWith(payload: string, url = 'https://example.org/a'): CardData {
  return {
    id: 'x',
    name: `Zed ${payload}`,
    kind: 'person',
    description: payload,
    sameAs: [],
    roleOnDate: payload,
    roleNow: payload,
    termNote: payload,
    facts: [
      {
        id: 'f',
        statement: payload,
        date: '2024-01-01',
        daysFromArticle: -3,
        distance: payload,
        confidence: 'single-source',
        sources: [source(payload, url)],
        conflicts: [{ value: payload, note: payload, source: source(payload, url) }],
      },
    ],
    sources: [source(payload, url)],
    coverageNotice: payload,
  };
}

function renderCard(data: CardData) {
  const props = { asOf: '2024-01-04', undated: false, pinned: true, status: null, onCopy: () => {}, onClose: () => {} };
  return render(<Card content={{ kind: 'card', card: data }} {...props} onHide={() => {}} />).container;
}

/** Elements that would mean markup got through. */
function activeContent(root: Element): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (
      /^(script|iframe|object|embed|img|svg|math|style|template|form|input|details|body|noscript|x)$/i.test(
        el.localName,
      )
    ) {
      found.push(el.localName);
    }
    for (const attr of el.getAttributeNames()) {
      if (/^on/i.test(attr) || attr === 'style' || attr === 'formaction' || attr === 'srcdoc')
        found.push(`${el.localName}[${attr}]`);
    }
  }
  return found;
}

describe('the card renders the XSS corpus as text', () => {
  it.each(XSS_PAYLOADS.map((p, i) => ({ p, i })))('payload $i stays text, read back unchanged', ({ p }) => {
    const root = renderCard(cardWith(p));
    expect(activeContent(root)).toEqual([]);
    expect((globalThis as Record<string, unknown>)[SENTINEL]).toBeUndefined();
    const text = root.textContent ?? '';
    // Every field shows the payload verbatim: name, description, roles, the fact, its source and conflict.
    expect(text.split(p).length - 1).toBeGreaterThanOrEqual(8);
    expect(root.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe(`Zed ${p}`);
    for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).toBe('https://example.org/a');
  });
});

describe('only http(s) links survive', () => {
  it.each(BAD_URLS.map((u) => ({ u })))('refuses $u in the pack schema and in the card', ({ u }) => {
    expect(HttpUrl.safeParse(u).success).toBe(false);
    expect(safeHref(u)).toBeNull();
    const root = renderCard(cardWith('plain', u));
    expect(root.querySelectorAll('a')).toHaveLength(0);
    expect(root.textContent).toContain('plain');
  });

  it('keeps http and https links, normalised', () => {
    expect(safeHref('https://www.bbc.co.uk/news/1')).toBe('https://www.bbc.co.uk/news/1');
    expect(safeHref('HTTP://Example.ORG/a b')).toBe('http://example.org/a%20b');
    const root = renderCard(cardWith('plain', 'https://www.bbc.co.uk/news/1'));
    for (const a of root.querySelectorAll('a')) {
      expect(a.getAttribute('href')).toBe('https://www.bbc.co.uk/news/1');
      expect(a.getAttribute('rel')).toContain('noopener');
    }
  });
});
