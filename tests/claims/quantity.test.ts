/** The one set of number rules every claim finder uses. */
import { describe, expect, it } from 'vitest';
import { agrees, qualifierBefore, readNumber, VAGUE } from '../../lib/claims/quantity.ts';
import { relativeWindow } from '../../lib/detect/relative-dates.ts';

describe('number rules', () => {
  it.each([
    ['1,250', 1250],
    ['22.3', 22.3],
    ['1.5m', 1_500_000],
    ['nine', 9],
    ['twenty-one', 21],
    ['a hundred', 100],
    ['second', 2],
    ['14th', 14],
    ['purple', null],
  ])('reads "%s" as %s', (written, value) => {
    expect(readNumber(written)).toBe(value);
  });

  it.each([
    ['more than ', 'more-than'],
    ['in excess of ', 'more-than'],
    ['nearly ', 'almost'],
    ['some ', 'around'],
    ['up to ', 'up-to'],
    ['fewer than ', 'less-than'],
    ['the ', 'exactly'],
  ])('"%s" is the hedge %s', (before, q) => {
    expect(qualifierBefore(before)).toBe(q);
  });

  it('almost and around mean the same for a duration as for a figure', () => {
    // "almost five" (months or thousands): at most five, within 10% below.
    expect(agrees(5, 'almost', 4.6, 1)).toBe(true);
    expect(agrees(5, 'almost', 4.4, 1)).toBe(false);
    expect(agrees(5000, 'almost', 4600, 1000)).toBe(true);
    expect(agrees(5000, 'almost', 4400, 1000)).toBe(false);
    // "around": within its rounding or 5%.
    expect(agrees(20, 'around', 20.9, 1)).toBe(true);
    expect(agrees(20_000, 'around', 21_500, 1000)).toBe(false);
  });

  it('vague amounts are bounds', () => {
    const thousands = VAGUE.find((v) => v.re.test('thousands'))!;
    expect(agrees(thousands.value, thousands.q, 10_000, 1)).toBe(true);
    expect(agrees(thousands.value, thousands.q, 800, 1)).toBe(false);
    const majority = VAGUE.find((v) => v.re.test('a majority'))!;
    expect(majority.percent && agrees(majority.value, majority.q, 54, 1)).toBe(true);
  });

  it.each([
    ['earlier this week', '2023-02-24', '2023-02-20', '2023-02-23'],
    ['next week’s', '2023-03-11', '2023-03-13', '2023-03-19'],
    ['last month', '2023-08-24', '2023-07-01', '2023-07-31'],
    ['later this month', '2025-07-09', '2025-07-10', '2025-07-31'],
    ['in the new year', '2022-12-22', '2023-01-01', '2023-03-31'],
  ])('"%s" seen from %s is %s to %s', (phrase, date, from, to) => {
    expect(relativeWindow(phrase, date)).toEqual({ from, to });
  });
});
