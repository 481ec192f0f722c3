// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card, type CardProps } from '../../components/Card.tsx';
import { safeHref } from '../../lib/util/urls.ts';
import type { Card as CardData } from '../../lib/protocol/annotations.ts';

afterEach(cleanup);

const markup = '<img src=x onerror="window.pwned=1"><b>bold</b>';

const data: CardData = {
  id: 'steve-barclay',
  name: `Steve Barclay ${markup}`,
  kind: 'person',
  description: 'Health Secretary during the 2022-23 strikes.',
  sameAs: [],
  roleOnDate: 'Secretary of State for Health and Social Care',
  roleNow: 'Secretary of State for Environment',
  termNote: null,
  facts: [
    {
      id: 'f1',
      statement: `Strike days lost ${markup}`,
      date: '2023-03-27',
      daysFromArticle: -150,
      distance: '150 days before this article',
      confidence: 'single-source',
      sources: [
        { url: 'javascript:alert(1)', publisher: 'Evil', published: null, tier: 'weak' },
        { url: 'data:text/html,<script>alert(1)</script>', publisher: 'Data', published: null, tier: 'weak' },
        { url: 'http://example.org/b', publisher: 'Example', published: '2023-10-03', tier: 'press' },
        { url: 'https://www.bma.org.uk/a', publisher: 'BMA', published: null, tier: 'primary' },
      ],
      conflicts: [
        {
          value: '1.2 million',
          note: 'NHS England count',
          source: { url: 'https://www.england.nhs.uk/x', publisher: 'NHS England', published: null, tier: 'primary' },
        },
      ],
    },
  ],
  sources: [],
  coverageNotice: 'This article falls outside the fact base’s coverage.',
};

function renderCard(props: Partial<CardProps> = {}) {
  const handlers = { onCopy: vi.fn(), onHide: vi.fn(), onClose: vi.fn() };
  render(
    <Card
      content={{ kind: 'card', card: data }}
      asOf="2023-08-24"
      undated={false}
      pinned={false}
      status={null}
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

describe('Card', () => {
  it('is a dialog labelled with the entity’s name', () => {
    renderCard();
    expect(screen.getByRole('dialog').getAttribute('aria-label')).toBe(data.name);
  });

  it('renders page and pack text as text, never as markup', () => {
    renderCard();
    const dialog = screen.getByRole('dialog');
    expect(dialog.querySelector('img, b')).toBeNull();
    expect(dialog.textContent).toContain(markup);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('shows the role on the article’s date and now, the fact with its distance and confidence, and the coverage notice', () => {
    renderCard();
    const text = screen.getByRole('dialog').textContent!;
    expect(text).toContain('Secretary of State for Health and Social Care, on 24 August 2023');
    expect(text).toContain('Now: Secretary of State for Environment');
    expect(text).toContain('150 days before this article');
    expect(text).toContain('Single source');
    expect(text).toContain('outside the fact base’s coverage');
  });

  it('links only http and https sources, opening them safely; others stay as plain text', () => {
    renderCard();
    const text0 = () => screen.getByRole('dialog').textContent!;
    const links = [...screen.getByRole('dialog').querySelectorAll('a')];
    // The first source is named ("+3 more"); the fact-base column cites it too (not a link).
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://www.england.nhs.uk/x']);
    expect(text0()).toContain('Sources: Evil · weak source +3 more');
    for (const a of links) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('target')).toBe('_blank');
    }
  });

  it('names each source by its publisher with its tier, the date on hover', () => {
    const sources = [
      { url: 'https://www.bma.org.uk/a', publisher: 'BMA', published: '2023-10-03', tier: 'primary' as const },
      { url: 'https://www.bbc.co.uk/b', publisher: 'BBC News', published: null, tier: 'press' as const },
    ];
    const card = { ...data, facts: [{ ...data.facts[0]!, sources, conflicts: [] }] };
    renderCard({ content: { kind: 'card', card } });
    const links = [...screen.getByRole('dialog').querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toEqual(['BMA · primary']);
    expect(screen.getByRole('dialog').textContent).toContain('+1 more');
    expect(screen.getByRole('dialog').textContent).not.toContain('Weakly sourced');
    expect(links[0]!.getAttribute('title')).toBe('BMA, 3 October 2023');
  });

  it('says a fact is weakly sourced, and why, when only weak hosts cite it', () => {
    const sources = [{ url: 'https://rawderm.com/x', publisher: 'rawderm', published: null, tier: 'weak' as const }];
    const card = { ...data, facts: [{ ...data.facts[0]!, sources, conflicts: [] }] };
    renderCard({ content: { kind: 'card', card } });
    expect(screen.getByRole('dialog').textContent).toContain('Weakly sourced: only cited by rawderm.com');
    expect(screen.getByRole('link').textContent).toBe('rawderm · weak source');
  });

  it('shows three facts and keeps the rest behind “More facts”, heading and close button first', () => {
    const facts = Array.from({ length: 6 }, (_, i) => ({
      ...data.facts[0]!,
      id: `f${i}`,
      statement: `Fact ${i}`,
      conflicts: [],
    }));
    renderCard({ content: { kind: 'card', card: { ...data, facts } } });
    const dialog = screen.getByRole('dialog');
    const top = [...dialog.querySelectorAll(':scope > ul.facts > li')].map(
      (li) => li.querySelector('.statement')!.textContent,
    );
    expect(top).toEqual(['Fact 0', 'Fact 1', 'Fact 2']);
    expect(dialog.querySelector('details.more > summary')!.textContent).toBe('More facts (3)');
    expect(dialog.querySelectorAll('details.more li')).toHaveLength(3);
    const head = dialog.querySelector('.head')!;
    expect(head.querySelector('h2')!.textContent).toContain('Steve Barclay');
    expect(head.querySelector('button.close')).not.toBeNull();
  });

  it('shows conflicting figures side by side with their sources', () => {
    renderCard();
    const columns = [...screen.getByRole('dialog').querySelectorAll('.conflicts .column')].map((c) => c.textContent);
    expect(columns).toHaveLength(2);
    expect(columns[0]).toContain('Fact base');
    expect(columns[1]).toContain('Also reported: 1.2 million');
    expect(columns[1]).toContain('NHS England');
  });

  it('copies, hides and closes through its buttons', () => {
    const handlers = renderCard();
    fireEvent.click(screen.getByText('Copy as citation'));
    fireEvent.click(screen.getByText('Not this — hide on this site'));
    fireEvent.click(screen.getByLabelText('Close card'));
    expect([handlers.onCopy, handlers.onHide, handlers.onClose].map((h) => h.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('says when the page had no date, shows its status, and how to leave a pinned card', () => {
    renderCard({ undated: true, status: 'Citation copied.', pinned: true });
    const text = screen.getByRole('dialog').textContent!;
    expect(text).toContain('No date found on this page');
    expect(screen.getByRole('status').textContent).toBe('Citation copied.');
    expect(text).toContain('Esc closes this card.');
  });

  it('renders a disputed claim with the fact base’s figure and the alternatives, without a hide button', () => {
    render(
      <Card
        content={{
          kind: 'claim',
          name: 'more than five months',
          check: {
            claim: 'more than five months',
            kind: 'duration',
            verdict: 'differs',
            expected: '4 months and 28 days',
            explanation: 'The last meeting was on 27 March 2023.',
            factIds: [],
            sources: [],
            alternatives: [
              {
                value: '12 May',
                verdict: 'consistent',
                source: { url: 'https://x.org', publisher: 'X', published: null, tier: 'press' },
              },
            ],
          },
        }}
        asOf="2023-08-24"
        undated={false}
        pinned={false}
        status={null}
        onCopy={() => {}}
        onClose={() => {}}
      />,
    );
    const text = screen.getByRole('dialog').textContent!;
    expect(text).toContain('The fact base differs: 4 months and 28 days');
    expect(text).toContain('12 May (fits the claim)');
    expect(screen.queryByText('Not this — hide on this site')).toBeNull();
  });
});

describe('safeHref', () => {
  it.each([
    ['https://a.org/x', 'https://a.org/x'],
    ['http://a.org', 'http://a.org/'],
    ['javascript:alert(1)', null],
    ['JAVASCRIPT:alert(1)', null],
    [' javascript:alert(1)', null],
    ['data:text/html,x', null],
    ['vbscript:x', null],
    ['//a.org', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });
});
