// @vitest-environment happy-dom
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../../components/popup/Timeline.tsx';
import { ClaimList } from '../../../components/popup/SummaryLists.tsx';

const items = [
  {
    id: 'a',
    title: 'First consultant strike',
    start: '2023-07-20',
    end: '2023-07-22',
    group: 'consultants',
    groupName: 'Consultants',
    status: null,
    sourceUrl: null,
  },
  {
    id: 'b',
    title: 'Junior doctors <b>strike</b>',
    start: '2023-08-11',
    end: '2023-08-15',
    group: 'resident-doctors',
    groupName: 'Resident doctors',
    status: 'suspended',
    sourceUrl: null,
  },
];

describe('Timeline', () => {
  it('draws a bar per strike and marks the article date, with a text list for screen readers', () => {
    const { container } = render(<Timeline items={items} date="2023-08-24" />);
    expect(container.querySelectorAll('rect.tl-bar')).toHaveLength(2);
    expect(container.querySelector('rect.tl-called-off')).not.toBeNull();
    expect(container.querySelector('line.tl-today')).not.toBeNull();
    expect(screen.getByRole('img').getAttribute('aria-labelledby')).toBe('timeline-title');
    expect(container.textContent).toContain(
      'First consultant strike, 20 July 2023 to 22 July 2023 (35 days before this article)',
    );
  });

  it('renders pack text as text, never markup', () => {
    const { container } = render(<Timeline items={items} date="2023-08-24" />);
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('Junior doctors <b>strike</b>');
  });

  it('says so when there is nothing to draw', () => {
    render(<Timeline items={[]} date="2023-08-24" />);
    expect(screen.getByText(/No strikes in the fact base/)).toBeTruthy();
  });
});

describe('ClaimList', () => {
  it('shows each verdict in words, never as an accusation', () => {
    render(
      <ClaimList
        claims={[
          { annotationId: 'c', exact: 'more than five months', verdict: 'differs', explanation: 'The last meeting…' },
        ]}
        onPick={() => undefined}
      />,
    );
    expect(screen.getByText('The fact base holds something else')).toBeTruthy();
  });
});
