import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  daysCovered,
  distanceFromArticle,
  endExclusiveOf,
  formatDate,
  monthsAndDays,
  startOf,
  rangesMeet,
} from '../../lib/util/dates.ts';

describe('dates', () => {
  it.each([
    ['2023-03-27', '2023-08-24', 150],
    ['2023-08-24', '2023-08-24', 0],
    ['2024-02-28', '2024-03-01', 2],
  ])('days from %s to %s = %i', (a, b, n) => expect(daysBetween(a, b)).toBe(n));

  it('breaks 27 March → 24 August 2023 into 4 months 28 days', () => {
    expect(monthsAndDays('2023-03-27', '2023-08-24')).toEqual({ months: 4, days: 28 });
  });

  it.each([
    ['2023', '2023-01-01', '2024-01-01'],
    ['2023-12', '2023-12-01', '2024-01-01'],
    ['2023-07-20', '2023-07-20', '2023-07-21'],
  ])('partial date %s spans [%s, %s)', (d, s, e) => {
    expect(startOf(d)).toBe(s);
    expect(endExclusiveOf(d)).toBe(e);
  });

  it('says how far a fact is from the article', () => {
    expect(distanceFromArticle('2023-03-27', '2023-08-24')).toEqual({
      days: -150,
      text: '150 days before this article',
    });
    expect(distanceFromArticle('2023-08-25', '2023-08-24')).toEqual({ days: 1, text: '1 day after this article' });
    expect(distanceFromArticle('2023-08-24', '2023-08-24').text).toBe('the same day as this article');
    expect(distanceFromArticle('2023-03', '2023-08-24').text).toBe('before this article');
  });

  it('formats dates for people', () => {
    expect(formatDate('2023-03-27')).toBe('27 March 2023');
    expect(formatDate('2023-07')).toBe('July 2023');
    expect(formatDate('2023')).toBe('2023');
  });
});

describe('the days a record covers, and whether two ranges meet', () => {
  it.each([
    ['a strike of three days', '2023-07-20', '2023-07-22', 'period', { from: '2023-07-20', to: '2023-07-22' }],
    ['a one-day meeting', '2023-03-27', null, 'period', { from: '2023-03-27', to: '2023-03-27' }],
    ['a ballot known only by its month', '2024-02', null, 'period', { from: '2024-02-01', to: '2024-02-29' }],
    [
      'the same ballot, linking by its first day',
      '2024-02',
      null,
      'first-day',
      { from: '2024-02-01', to: '2024-02-01' },
    ],
    ['an end given as a month', '2023-06-15', '2023-07', 'first-day', { from: '2023-06-15', to: '2023-07-31' }],
  ] as const)('%s', (_name, start, end, open, expected) => {
    expect(daysCovered(start, end, open)).toEqual(expected);
  });

  it('meets when the ranges share a day, the first and last days included', () => {
    const strike = { from: '2023-07-20', to: '2023-07-22' };
    expect(rangesMeet(strike, { from: '2023-07-22', to: '2023-07-31' })).toBe(true);
    expect(rangesMeet(strike, { from: '2023-07-01', to: '2023-07-20' })).toBe(true);
    expect(rangesMeet(strike, { from: '2023-07-23', to: '2023-07-31' })).toBe(false);
    expect(rangesMeet({ from: '2023-07-21', to: '2023-07-21' }, strike)).toBe(true);
  });
});
