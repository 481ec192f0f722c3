/**
 * Event linking by the dates a sentence gives: the event whose dates fit wins, a strike dated
 * outside every recorded one stays unlinked, and past the fact base's coverage nothing undated is
 * guessed. A small pack with strikes in April and June 2026, coverage to June 2026.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/detect/annotate.ts';
import { FactIndex } from '../../lib/facts/index.ts';
import type { Event, Pack } from '../../lib/facts/schema.ts';
import { relativeDates } from '../../lib/detect/relative-dates.ts';
import { richPack } from '../facts/fixtures.ts';
import { textPage } from '../helpers/pack.ts';

function pack(): Pack {
  const base = richPack();
  const strike = (id: string, startDate: string, endDate: string): Event => ({
    ...base.events[0]!,
    id,
    title: `Resident doctors strike from ${startDate}`,
    startDate,
    endDate,
  });
  return {
    ...base,
    coverage: { from: '2022-10', to: '2026-06' },
    events: [
      ...base.events,
      strike('strike-2026-04', '2026-04-07', '2026-04-13'),
      strike('strike-2026-06', '2026-06-15', '2026-06-19'),
    ],
    facts: [],
  };
}

const index = FactIndex.fromPacks([pack()]);

/** "exact → event id" (or "unlinked") for every event annotation. */
function events(text: string, date: string): string[] {
  return annotate(textPage(text, date), index, { claims: false })
    .annotations.filter((a) => a.kind === 'event')
    .map((a) => `${a.exact} → ${a.entity?.id ?? 'unlinked'}`);
}

describe('event linking prefers the event whose dates fit the sentence', () => {
  it.each([
    [
      'a start date written beside the noun',
      'The BMA has called a strike for five days from 15 June, its junior doctors committee said.',
      '2026-06-12',
      ['strike → strike-2026-06'],
    ],
    [
      '"next week\'s" on a Friday article is the strike starting on Monday',
      "Junior doctors say next week's walkout by BMA members will go ahead.",
      '2026-06-12',
      ['walkout → strike-2026-06'],
    ],
    [
      '"last month" picks the strike of that month',
      'The BMA said the junior doctors strike last month cost the NHS dearly.',
      '2026-05-20',
      ['strike → strike-2026-04'],
    ],
    [
      'a month named in the sentence picks the strike of that month, not the nearest one',
      'The April strike by junior doctors was the BMA’s longest this year.',
      '2026-06-12',
      ['strike → strike-2026-04'],
    ],
    [
      'undated and in the past tense: the latest strike before the article',
      'Junior doctors in the BMA said the strike had been solid.',
      '2026-06-25',
      ['strike → strike-2026-06'],
    ],
  ])('%s', (_n, text, date, expected) => expect(events(text, date)).toEqual(expected));
});

describe('a strike outside every recorded period stays unlinked', () => {
  it.each([
    [
      '"last month" with no strike that month does not borrow an older one',
      "Last month's strike by BMA junior doctors was called off at the last minute.",
      '2026-06-12',
      ['strike → unlinked'],
    ],
    [
      'a date with no recorded strike on it',
      'The BMA has called a strike from 3 March, junior doctors said.',
      '2026-02-20',
      ['strike → unlinked'],
    ],
    [
      'a strike said to be happening now, with none on or near that day',
      'Junior doctors in the BMA begin a fresh strike today.',
      '2026-05-20',
      ['strike → unlinked'],
    ],
    [
      'two years past the coverage, "from 15 June" is that year\'s June',
      'The BMA has called a strike for five days from 15 June, its junior doctors committee said.',
      '2028-06-12',
      ['strike → unlinked'],
    ],
    [
      'past the coverage, an undated strike is not guessed',
      'Junior doctors in the BMA said the strike had been solid.',
      '2026-08-20',
      ['strike → unlinked'],
    ],
  ])('%s', (_n, text, date, expected) => expect(events(text, date)).toEqual(expected));

  it('past the coverage, a strike the sentence dates inside it is still linked', () => {
    expect(events('The BMA junior doctors strike in June 2026 was the last before the deal.', '2026-09-01')).toEqual([
      'strike → strike-2026-06',
    ]);
  });
});

describe('relative time phrases', () => {
  const values = (s: string, date: string) => relativeDates(s, 0, date).map((c) => c.value);
  it.each([
    ['last month', '2026-06-12', ['2026-05']],
    ['last month', '2026-01-05', ['2025-12']],
    ["next week's walkout", '2026-06-12', ['2026-06-15/2026-06-21']],
    ['this week', '2026-06-14', ['2026-06-08/2026-06-14']],
    ['earlier this year', '2026-06-12', ['2026-01-01/2026-06-11']], // "earlier" ends the day before the article
    ['earlier this week', '2023-02-24', ['2023-02-20/2023-02-23']],
    ['the strike later this month', '2025-07-09', ['2025-07-10/2025-07-31']],
    ['a walkout in the new year', '2022-12-22', ['2023-01-01/2023-03-31']],
    ['talks resumed recently', '2026-06-12', ['2026-05-13/2026-06-12']],
    ["yesterday's strike", '2026-06-16', ['2026-06-15']],
    ['the union said yesterday', '2026-06-16', []],
    ['over the past month', '2026-06-12', ['2026-05-12/2026-06-12']],
  ])('%s on %s', (s, date, expected) => expect(values(s, date)).toEqual(expected));
});

describe('one relative-date reader for linking and claims', () => {
  it('bare day words are read only when asked, possessives always', () => {
    expect(relativeDates('the union said yesterday', 0, '2026-06-16', { bareDays: true }).map((c) => c.value)).toEqual([
      '2026-06-15',
    ]);
    expect(relativeDates("tonight's walkout", 0, '2026-06-16').map((c) => c.value)).toEqual(['2026-06-16']);
  });
  it('"earlier this month" on the first of the month means nothing', () => {
    expect(relativeDates('earlier this month', 0, '2026-06-01')).toEqual([]);
  });
});
