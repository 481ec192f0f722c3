import { describe, expect, it } from 'vitest';
import { findDatesAndFigures } from '../../lib/detect/values.ts';
import { sentences } from '../../lib/detect/sentences.ts';

const values = (text: string, date: string) =>
  findDatesAndFigures(text, sentences(text), date).map((f) => [
    f.kind,
    text.slice(f.start, f.end),
    f.value,
    f.unit ?? null,
  ]);

describe('dates, resolved against the article date', () => {
  it.each([
    [
      'a day and month takes the nearest year',
      'The last meeting was on 27 March.',
      '2023-08-24',
      [['date', '27 March', '2023-03-27', null]],
    ],
    [
      'a full date',
      'Published Thursday 24 August 2023.',
      '2023-08-24',
      [['date', 'Thursday 24 August 2023', '2023-08-24', null]],
    ],
    [
      'month first',
      'Strikes on December 21 and December 28.',
      '2022-12-20',
      [
        ['date', 'December 21', '2022-12-21', null],
        ['date', 'December 28', '2022-12-28', null],
      ],
    ],
    [
      'a list of days in one month',
      'Strikes on 19th and 20th September.',
      '2023-08-24',
      [['date', '19th and 20th September', '2023-09-19/2023-09-20', null]],
    ],
    ['a month alone', 'The offer was made in June.', '2023-08-24', [['date', 'June', '2023-06', null]]],
    [
      '"may" the verb is not a month',
      'Talks may resume. They met in May.',
      '2023-08-24',
      [['date', 'May', '2023-05', null]],
    ],
    [
      'a weekday in the past tense looks back',
      'Talks have been held since Tuesday.',
      '2023-03-11',
      [['date', 'Tuesday', '2023-03-07', null]],
    ],
    [
      'a weekday in the future looks ahead',
      'The strike will begin on Monday.',
      '2023-03-11',
      [['date', 'Monday', '2023-03-13', null]],
    ],
    [
      'a UK financial year',
      'Pay for 2023/24 and 2022-23.',
      '2023-08-24',
      [
        ['date', '2023/24', '2023-04-01/2024-03-31', null],
        ['date', '2022-23', '2022-04-01/2023-03-31', null],
      ],
    ],
    ['an invalid date is not a date', 'On 31 February nothing happened.', '2023-08-24', []],
  ])('%s', (_n, text, date, expected) => expect(values(text, date)).toEqual(expected));
});

describe('figures written with digits', () => {
  it.each([
    [
      'percentages',
      'A 14.5% claim and 22.3 per cent offer.',
      [
        ['figure', '14.5%', 14.5, 'percent'],
        ['figure', '22.3 per cent', 22.3, 'percent'],
      ],
    ],
    [
      'money',
      'A £750 payment and £1.5bn cost.',
      [
        ['figure', '£750', 750, 'GBP'],
        ['figure', '£1.5bn', 1500000000, 'GBP'],
      ],
    ],
    [
      'counts',
      '68,000 patients and 37,000 nurses.',
      [
        ['figure', '68,000', 68000, null],
        ['figure', '37,000', 37000, null],
      ],
    ],
    ['not a phone number, a time or NHS 111', 'Call NHS 111 at 7am or 07:00; walkout of 48-hour length.', []],
    ['small bare numbers are not figures', 'It has 3 pages and 12 points.', []],
  ])('%s', (_n, text, expected) => expect(values(text, '2023-08-24')).toEqual(expected));
});
