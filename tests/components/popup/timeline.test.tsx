// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Timeline } from '../../../components/popup/Timeline.tsx';
import { ClaimList } from '../../../components/popup/SummaryLists.tsx';
import type { TimelineItem } from '../../../lib/protocol/messages.ts';

const items: TimelineItem[] = [
  {
    id: 'a',
    kind: 'strike',
    title: 'First consultant strike',
    start: '2023-07-20',
    end: '2023-07-22',
    group: 'consultants',
    groupName: 'Consultants',
    status: null,
    source: null,
  },
  {
    id: 'b',
    kind: 'strike',
    title: 'Junior doctors <b>strike</b>',
    start: '2023-08-11',
    end: '2023-08-15',
    group: 'resident-doctors',
    groupName: 'Resident doctors',
    status: 'suspended',
    source: null,
  },
  {
    id: 'm',
    kind: 'meeting',
    title: 'Consultants meet the Health Secretary',
    start: '2023-03-27',
    end: '2023-03-27',
    group: 'consultants',
    groupName: 'Consultants',
    status: null,
    source: { url: 'https://www.bma.org.uk/news/x', publisher: 'BMA', published: '2023-03-28', tier: 'primary' },
  },
];

afterEach(cleanup);

describe('Timeline', () => {
  it('draws a bar per strike, a mark per meeting, a date axis and the article date', () => {
    const { container } = render(<Timeline items={items} date="2023-08-24" />);
    expect(container.querySelectorAll('svg[role=group] rect.tl-bar')).toHaveLength(2);
    expect(container.querySelectorAll('svg[role=group] circle.tl-meeting')).toHaveLength(1);
    expect(container.querySelector('rect.tl-called-off')).not.toBeNull();
    expect(container.querySelector('line.tl-today')).not.toBeNull();
    const ticks = [...container.querySelectorAll('.tl-tick')].map((t) => t.textContent);
    expect(ticks).toContain('Jul');
    expect(ticks[0]).toMatch(/2023/);
    expect(screen.getByRole('group', { name: /article's date \(24 August 2023\)/ })).toBeTruthy();
  });

  it('names every mark for keyboard and screen reader, and shows the focused one underneath', () => {
    const { container } = render(<Timeline items={items} date="2023-08-24" />);
    const marks = screen.getAllByRole('button');
    expect(marks.map((m) => m.getAttribute('aria-label'))).toContain(
      'Strike, Consultants: First consultant strike, 20 July 2023 to 22 July 2023 (35 days before this article)',
    );
    fireEvent.focus(screen.getByRole('button', { name: /^Meeting, Consultants/ }));
    expect(container.querySelector('.tl-detail')!.textContent).toBe(
      'Meeting, Consultants: Consultants meet the Health Secretary, 27 March 2023 (150 days before this article)' +
        'Source: BMA · primary',
    );
  });

  it("links the shown event's best source with its tier, and only http(s) URLs", () => {
    const { container } = render(<Timeline items={items} date="2023-08-24" />);
    fireEvent.focus(screen.getByRole('button', { name: /^Meeting, Consultants/ }));
    const link = screen.getByRole('link', { name: 'BMA · primary' });
    expect(link.getAttribute('href')).toBe('https://www.bma.org.uk/news/x');
    const unsafe = [{ ...items[2]!, source: { ...items[2]!.source!, url: 'javascript:alert(1)' } }];
    cleanup();
    render(<Timeline items={unsafe} date="2023-08-24" />);
    expect(screen.queryByRole('link', { name: /BMA/ })).toBeNull();
    expect(container.ownerDocument.body.textContent).toContain('BMA · primary');
  });

  it('renders pack text as text, never markup', () => {
    const { container } = render(<Timeline items={items} date="2023-08-24" />);
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('Junior doctors <b>strike</b>');
  });

  it('says so when there is nothing to draw', () => {
    render(<Timeline items={[]} date="2023-08-24" />);
    expect(screen.getByText(/No strikes, ballots, offers or meetings in the fact base/)).toBeTruthy();
  });
});

describe('ClaimList', () => {
  it('shows each verdict in words, never as an accusation', () => {
    render(
      <ClaimList
        claims={[
          {
            annotationId: 'c',
            exact: 'more than five months',
            verdict: 'differs',
            explanation: 'The last meeting…',
            count: 1,
            source: null,
          },
        ]}
        onPick={() => undefined}
      />,
    );
    expect(screen.getByText('The fact base holds something else')).toBeTruthy();
  });

  it("names the check's best source with its tier; a copy says what it copies", () => {
    render(
      <ClaimList
        claims={[
          {
            annotationId: 'c',
            exact: '68,000',
            verdict: 'consistent',
            explanation: 'About 67,762 appointments were rescheduled.',
            count: 1,
            source: { url: 'https://upday.example/x', publisher: 'upday (PA)', published: null, tier: 'copy' },
          },
        ]}
        onPick={() => undefined}
      />,
    );
    expect(screen.getByRole('link', { name: 'upday (PA) · copy of a PA story' })).toBeTruthy();
  });
});
