import { describe, expect, it } from 'vitest';
import { claims } from './helpers.ts';

const LEAD = 'As NHS strikes from consultants recommence today (24 August), the BMA said so.\n\n';

describe('dates and counts of strikes and offers', () => {
  it('"six per cent pay increase put forward in June" differs: the 6% award was announced on 13 July 2023', () => {
    const c = claims(
      'But Health Secretary Steve Barclay is standing by the six per cent pay increase that was put forward in June for NHS consultants.',
      '2023-08-24',
      'date',
    );
    expect(c).toEqual([expect.objectContaining({ verdict: 'differs' })]);
    expect(c[0]!.check.explanation).toContain('13 July 2023');
  });

  it.each([
    [
      "two days of strikes last month (July's consultant strike)",
      `${LEAD}Two days of strikes last month led to cancellations.`,
      '2023-08-24',
      ['consistent', 'consistent'],
    ],
    [
      'another round planned for September',
      `${LEAD}Another round of strikes is planned for September.`,
      '2023-08-24',
      ['consistent'],
    ],
    ['strikes planned for October', `${LEAD}Further strikes are planned for October.`, '2023-08-24', ['consistent']],
    [
      'a date near but not on a known strike differs',
      `${LEAD}Further strikes are planned for 10 September.`,
      '2023-08-24',
      ['differs'],
    ],
    [
      'five days of strikes last month differs',
      `${LEAD}Five days of strikes last month led to cancellations.`,
      '2023-08-24',
      ['differs', 'consistent'],
    ],
    [
      'a 48-hour walkout starting today',
      'NHS consultants begin a 48-hour walkout today.',
      '2023-08-24',
      ['consistent', 'consistent'],
    ],
    [
      'a 72-hour walkout starting today differs',
      'NHS consultants begin a 72-hour walkout today.',
      '2023-08-24',
      ['differs', 'consistent'],
    ],
    [
      'a three-day strike from Monday',
      'NHS junior doctors will hold a three-day strike from Monday, the BMA said.',
      '2023-03-11',
      ['consistent', 'consistent'],
    ],
    [
      'strikes by a group with none in the fact base: no-data',
      'NHS midwives said strikes are planned for March.',
      '2023-08-24',
      ['no-data'],
    ],
    [
      'the 6% award announced in July agrees',
      'NHS consultants received the 6% pay award announced in July.',
      '2023-08-24',
      ['consistent'],
    ],
    [
      'an offer the fact base does not have: no-data',
      'NHS consultants rejected a 9% pay offer made in June.',
      '2023-08-24',
      ['no-data'],
    ],
    [
      'a strike date in a text with no group is not checked against a guess',
      'Rail strikes are planned for September.',
      '2023-08-24',
      [],
    ],
  ])('%s', (_n, text, date, expected) => {
    // The lead's own "today (24 August)" is a date claim of its own (consistent); these rows are about the second paragraph.
    const after = text.startsWith(LEAD) ? LEAD.length : 0;
    expect(
      claims(text, date)
        .filter((c) => ['date', 'count'].includes(c.check.kind) && text.indexOf(c.exact, after) >= after)
        .map((c) => c.verdict),
    ).toEqual(expected);
  });
});
