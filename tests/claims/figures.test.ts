import { describe, expect, it } from 'vitest';
import { claims, verdicts } from './helpers.ts';

const SEED =
  'As NHS strikes from consultants recommence today (24 August), the union said so.\n\nTwo days of strikes last month led to 68,000 patients seeing their appointments and operations cancelled.';

describe('figures', () => {
  it("68,000 after July's consultant strike agrees with 67,762 (all settings); 65,557 (acute) shown beside it", () => {
    const [c] = claims(SEED, '2023-08-24', 'figure');
    expect(c).toMatchObject({ exact: '68,000 patients', verdict: 'consistent' });
    expect(c!.check.expected).toContain('67,762');
    expect(c!.check.alternatives).toEqual([
      expect.objectContaining({ value: expect.stringContaining('65,557'), verdict: 'differs' }),
    ]);
  });

  const before = 'As NHS strikes from consultants recommence today (24 August), the union said so.\n\n';
  it.each([
    [
      'a figure off by more than its rounding differs',
      `${before}Two days of strikes last month led to 60,000 patients having appointments cancelled.`,
      '2023-08-24',
      ['differs'],
    ],
    [
      '"almost" below the figure agrees',
      `${before}Two days of strikes last month led to almost 68,000 patients having appointments rescheduled.`,
      '2023-08-24',
      ['consistent'],
    ],
    [
      '"more than" above the figure differs',
      `${before}Two days of strikes last month saw more than 70,000 patients have operations cancelled.`,
      '2023-08-24',
      ['differs'],
    ],
    [
      'the same pay rise for the same group agrees',
      'NHS consultants were given a 6% pay rise by the government.',
      '2023-08-24',
      ['consistent'],
    ],
    [
      'a different pay rise for the same group, undated: no-data (which offer is not said)',
      'NHS consultants were given a 5% pay rise by the government.',
      '2023-08-24',
      ['no-data'],
    ],
    [
      'a different pay rise for the same group, dated: differs',
      'In July, NHS consultants were given a 5% pay rise by the government.',
      '2023-08-24',
      ['differs'],
    ],
    [
      'a pay rise for a group with no award in the fact base: no-data',
      'NHS physiotherapists were given a 7% pay rise.',
      '2023-08-24',
      ['no-data'],
    ],
    [
      'ballot turnout agrees',
      'NHS junior doctors voted again with a turnout of 71% in the BMA ballot.',
      '2023-09-01',
      ['consistent'],
    ],
    [
      'ballot turnout, undated and different: no-data',
      'NHS junior doctors voted again with a turnout of 65% in the BMA ballot.',
      '2023-09-01',
      ['no-data'],
    ],
    [
      'ballot turnout, dated and different: differs',
      'In the BMA ballot of NHS junior doctors that closed on 31 August, turnout was 65%.',
      '2023-09-01',
      ['differs'],
    ],
    [
      'outside the coverage a difference is no-data',
      'In July, NHS consultants were given a 5% pay rise by the government.',
      '2021-08-24',
      ['no-data'],
    ],
    ['share voting for', 'The BMA said 98% voted in favour among NHS junior doctors.', '2023-02-24', ['consistent']],
    [
      'a head count the fact base does not hold for that period is no-data, never differs',
      'Some 68,000 NHS nurses joined the RCN last year.',
      '2023-08-24',
      ['no-data'],
    ],
    ['a date is not a figure claim', 'The NHS consultants strike began on 24 August 2023.', '2023-08-24', []],
    ['an ordinal is not a figure claim', 'It is the 3rd NHS consultants strike this year.', '2023-08-24', []],
    ['a page count is not a figure claim', 'The BMA report on NHS consultants runs to 120 pages.', '2023-08-24', []],
  ])('%s', (_n, text, date, expected) => {
    expect(verdicts(text, date, ['figure'])).toEqual(expected);
  });
});
