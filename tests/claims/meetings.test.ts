import { describe, expect, it } from 'vitest';
import { conflictWindow, lastMeeting, meetingsBefore } from '../../lib/claims/meetings.ts';
import type { Conflict } from '../../lib/facts/schema.ts';
import { bundledIndex } from '../helpers/pack.ts';

const index = bundledIndex();
const doctors = new Set(['bma']);

describe('meetings the fact base knows on an article date', () => {
  it('a meeting that happened before the article counts as the last meeting', () => {
    const m = lastMeeting(index, doctors, '2023-06-01');
    expect(m).not.toBeNull();
    expect(m!.from <= '2023-06-01').toBe(true);
    expect(m!.sources.length).toBeGreaterThan(0);
  });

  it('a meeting after the article date is not yet known to the article', () => {
    const later = meetingsBefore(index, doctors, '2023-06-01');
    const earlier = meetingsBefore(index, doctors, '2023-01-11');
    expect(earlier.every((m) => m.from <= '2023-01-11')).toBe(true);
    expect(earlier.length).toBeLessThan(later.length);
  });

  it('meetings come latest last', () => {
    const all = meetingsBefore(index, doctors, '2026-06-01');
    const ends = all.map((m) => m.to);
    expect(ends).toEqual([...ends].sort());
  });

  it('a group with no known meetings has no last meeting', () => {
    expect(lastMeeting(index, new Set(['no-such-group']), '2024-01-01')).toBeNull();
  });
});

const report = (value: string, published?: string) => ({ value, source: { published } }) as unknown as Conflict;

describe('a conflicting report as a window for the last meeting', () => {
  it('"more than N days" as of the report means before that many days before it', () => {
    expect(conflictWindow(report('> 200 days', '2023-10-20'))).toEqual({ from: null, to: '2023-04-03' });
    expect(conflictWindow(report('more than 10 days', '2023-10-20'))).toEqual({ from: null, to: '2023-10-10' });
  });

  it('a month means any day within that month', () => {
    expect(conflictWindow(report('May 2023'))).toEqual({ from: '2023-05-01', to: '2023-05-31' });
    expect(conflictWindow(report('February 2024'))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('a full date is that one day; anything unreadable gives no window', () => {
    expect(conflictWindow(report('2023-03-27'))).toEqual({ from: '2023-03-27', to: '2023-03-27' });
    expect(conflictWindow(report('some time ago'))).toBeNull();
    expect(conflictWindow(report('> 200 days'))).toBeNull();
  });
});
