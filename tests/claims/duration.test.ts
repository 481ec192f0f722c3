import { describe, expect, it } from 'vitest';
import { claims, verdicts } from './helpers.ts';

const SEED =
  'Government ministers have not sat down with striking NHS consultants in more than five months, according to the Labour Party.';

describe('durations since the last meeting', () => {
  it('the seed claim differs, with the arithmetic and the "over 200 days" report as an alternative', () => {
    const [c] = claims(SEED, '2023-08-24', 'duration');
    expect(c).toMatchObject({
      verdict: 'differs',
      check: { kind: 'duration', expected: '27 March 2023 (150 days before this article)' },
    });
    expect(c!.check.explanation).toContain('27 March 2023, 150 days — 4 months 28 days — before this article');
    expect(c!.check.sources[0]!.publisher).toBe('BMA');
    expect(c!.check.alternatives).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: '>200 days', verdict: 'consistent' })]),
    );
  });

  it.each([
    [
      'more than four months fits 4 months 28 days',
      'Ministers have not met NHS consultants in more than four months.',
      '2023-08-24',
      ['consistent'],
    ],
    [
      'almost five months fits',
      'Ministers have not met NHS consultants for almost five months.',
      '2023-08-24',
      ['consistent'],
    ],
    ['150 days, exactly', 'Ministers have not met NHS consultants in 150 days.', '2023-08-24', ['consistent']],
    [
      'more than six months differs',
      'The Health Secretary has not met NHS consultants for more than six months.',
      '2023-08-24',
      ['differs'],
    ],
    [
      'before any meeting the fact base knows: no-data',
      'Ministers have not met NHS consultants in more than five months.',
      '2023-03-01',
      ['no-data'],
    ],
    [
      'a group with no recorded meetings: no-data, not a guess',
      'Ministers have not met NHS midwives in more than six months.',
      '2023-08-24',
      ['no-data'],
    ],
    [
      'talks over a period without daily dates: no-data',
      'Junior doctors in the NHS have not been met since 12 May.',
      '2023-08-24',
      ['no-data'],
    ],
    [
      'the same last meeting day',
      'The NHS radiographers union, the Society of Radiographers, was last spoken to on 4 July.',
      '2023-08-24',
      ['consistent'],
    ],
    [
      'a later meeting in the fact base differs',
      'The Society of Radiographers of the NHS was last spoken to on 1 July.',
      '2023-08-24',
      ['differs'],
    ],
    [
      'a date after the last known meeting: no-data',
      'The Society of Radiographers of the NHS was last spoken to on 6 July.',
      '2023-08-24',
      ['no-data'],
    ],
    ['a meeting verb without a negation is not a claim', 'NHS consultants met in 10 days of talks.', '2023-08-24', []],
    [
      'a phone number is not a duration',
      'NHS consultants can call 0300 123 1233 for 24 hours a day.',
      '2023-08-24',
      [],
    ],
    ['NHS 111 is not a claim', 'Patients should call NHS 111 during the consultants strike.', '2023-08-24', []],
  ])('%s', (_n, text, date, expected) => {
    expect(verdicts(text, date, ['duration', 'date'])).toEqual(expected);
  });
});
