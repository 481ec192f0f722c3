/**
 * The general claim model, one row per case, in sentences written for these tests. Each row: the
 * text, the article's date, and the claims expected as "kind verdict: exact".
 */
import { describe, expect, it } from 'vitest';
import { claims } from './helpers.ts';

const rows = (text: string, date: string) => claims(text, date).map((c) => `${c.check.kind} ${c.verdict}: ${c.exact}`);

describe('the general claim model', () => {
  it.each([
    // Figures: a value, what it measures (cue words), and whose it is.
    [
      'a turnout with a hedge agrees at the claim’s precision',
      'The BMA said junior doctors in England backed strikes on a turnout of more than 77%.',
      '2023-02-24',
      ['figure consistent: more than 77%'],
    ],
    [
      'vague amounts are bounds: "thousands" fits more than 10,000',
      'Thousands of ambulance workers from the GMB will walk out on 21 December, the union said.',
      '2022-12-06',
      ['figure consistent: Thousands of ambulance workers', 'date consistent: 21 December'],
    ],
    [
      'a head count of another group than the one the sentence names is no-data',
      'NHS consultants said that more than 10,000 cleaning staff had joined them.',
      '2023-08-24',
      ['figure no-data: more than 10,000 cleaning staff'],
    ],
    [
      'a pay figure about another nation is no-data, never differs',
      'Welsh nurses of the RCN were offered a 19% pay rise by the Welsh Government.',
      '2023-05-24',
      ['figure no-data: 19% pay rise'],
    ],
    [
      'a 2023 figure in a 2025 article is not checked against the 2025 record',
      'Resident doctors in England want a 35% pay rise, the BMA said.',
      '2025-07-09',
      ['figure no-data: 35% pay rise'],
    ],
    [
      'a phone number is not a claim',
      'Nurses of the RCN can call 0345 772 6100 for advice about the strike.',
      '2022-12-06',
      [],
    ],
    ['NHS 111 is not a claim', 'During the nurses’ strike patients should use NHS 111 online.', '2022-12-15', []],
    [
      'a figure kept only in a conflict note that describes exactly it is consistent (rule: conflicts)',
      'Junior doctors in Scotland were offered a 14.5% pay rise over two years, BMA Scotland said, and will now ballot on strikes.',
      '2023-06-20',
      ['figure consistent: 14.5% pay rise'],
    ],
    [
      'the same figure over another span of years is not that note',
      'Junior doctors in Scotland were offered a 14.5% pay rise over three years, BMA Scotland said, and will now ballot on strikes.',
      '2023-06-20',
      ['figure no-data: 14.5% pay rise'],
    ],
    // Counts: lengths, ordinals, rankings.
    [
      'a date across a dash does not pick the strike a length is about, so no false differs',
      'NHS consultants in England begin a two-day strike today – and the BMA has named further walkouts in October.',
      '2023-08-24',
      ['count consistent: two-day strike', 'date consistent: today', 'date consistent: October'],
    ],
    [
      'a length that the date beside it pins to another strike still differs',
      'NHS consultants in England began a three-day strike today.',
      '2023-08-24',
      ['count differs: three-day strike', 'date consistent: today'],
    ],
    [
      'a recent vote to strike "for the first time" is about the coming strike the record calls the first',
      'NHS consultants in England recently voted to strike for the first time in this dispute.',
      '2023-06-30',
      ['date consistent: recently', 'count consistent: for the first time in this dispute'],
    ],
    [
      '"longest so far" counts a joint strike by the days the group itself struck',
      'NHS consultants in England will also walk out on 2, 3 and 4 October, the longest stretch of action by consultants so far.',
      '2023-08-24',
      ['date consistent: 2, 3 and 4 October', 'count consistent: the longest stretch of action by consultants so far'],
    ],
    [
      'a strike length written as hours agrees with the strike of the date beside it',
      'Junior doctors in the BMA will stage a 72-hour walkout in England from 13 March.',
      '2023-03-01',
      ['count consistent: 72-hour walkout', 'date consistent: 13 March'],
    ],
    [
      'an ordinal counts the group’s days of action',
      'Nurses of the RCN walked out today in their second strike day this month.',
      '2022-12-20',
      ['date consistent: today', 'count consistent: their second strike', 'date consistent: this month'],
    ],
    [
      'a ranking no record makes is no-data',
      'The nurses’ walkout was the biggest in the RCN’s history so far.',
      '2022-12-20',
      ['count no-data: the biggest in the RCN’s history so far'],
    ],
    // Dates: relative dates resolved from the article's date, checked against the group's events.
    [
      'relative dates resolve from the article’s date',
      'The BMA ballot of junior doctors in England closed earlier this week.',
      '2023-02-24',
      ['date consistent: earlier this week'],
    ],
    [
      'a date on which the group did nothing recorded is no-data',
      'NHS physiotherapists will strike on 3 August, their union said.',
      '2025-07-09',
      ['date no-data: 3 August'],
    ],
    [
      'the date of a statement is not a claim',
      'The RCN said on 2 December that nurses would strike.',
      '2022-12-06',
      [],
    ],
    // Durations.
    [
      'a gap between two dated events',
      'Ambulance workers of the GMB will strike on 21 December, a day after nurses of the RCN walk out again.',
      '2022-12-06',
      ['date consistent: 21 December', 'duration consistent: a day after'],
    ],
  ])('%s', (_n, text, date, expected) => {
    expect(rows(text, date)).toEqual(expected);
  });
});
