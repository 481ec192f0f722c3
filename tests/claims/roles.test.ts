import { describe, expect, it } from 'vitest';
import { FactIndex } from '../../lib/facts/index.ts';
import type { Pack } from '../../lib/facts/schema.ts';
import { bundledPack } from '../helpers/pack.ts';
import { claims, verdicts } from './helpers.ts';

const roles = (text: string, date: string) => verdicts(`${text} The NHS strike goes on.`, date, ['role']);

describe('titles beside names, as of the article date', () => {
  it('a 2024 article calling Steve Barclay Health Secretary differs and names the holder', () => {
    const [c] = claims('Health Secretary Steve Barclay spoke. The NHS strike goes on.', '2024-03-01', 'role');
    expect(c).toMatchObject({
      verdict: 'differs',
      check: { expected: 'Victoria Atkins (Secretary of State for Health and Social Care)' },
    });
    expect(c!.check.explanation).toContain('Secretary of State for Environment, Food and Rural Affairs');
  });

  it.each([
    ['2023: Health Secretary Steve Barclay', 'Health Secretary Steve Barclay spoke.', '2023-08-24', ['consistent']],
    ['the reshuffle day belongs to the new holder', 'Health Secretary Steve Barclay spoke.', '2023-11-13', ['differs']],
    ['from is inclusive', 'Health Secretary Victoria Atkins spoke.', '2023-11-13', ['consistent']],
    ['name then title', 'Steve Barclay, the Health Secretary, spoke.', '2023-08-24', ['consistent']],
    [
      'title of a body, a comma, then the name',
      'Chair of the BMA council, Dr Phil Banfield, answered the minister.',
      '2023-08-24',
      ['consistent'],
    ],
    [
      'a shared plural title before two names of the body',
      'Co-chairs of the BMA junior doctors committee, Dr Robert Laurenson and Dr Vivek Trivedi, wrote to the minister.',
      '2023-04-01',
      ['consistent'],
    ],
    ['a former holder is not a claim about now', 'Former Health Secretary Steve Barclay spoke.', '2024-03-01', []],
    ['health minister Will Quince', 'The BMA met health minister Will Quince.', '2023-07-04', ['consistent']],
    ['Prime Minister Rishi Sunak in 2023', 'Prime Minister Rishi Sunak spoke.', '2023-08-24', ['consistent']],
    ['Prime Minister Rishi Sunak in September 2024', 'Prime Minister Rishi Sunak spoke.', '2024-09-16', ['differs']],
    [
      'shadow health secretary Wes Streeting in 2023',
      'Shadow health secretary Wes Streeting spoke.',
      '2023-08-24',
      ['consistent'],
    ],
    [
      'Health Secretary Wes Streeting in 2023 differs (he was shadow)',
      'Health Secretary Wes Streeting spoke.',
      '2023-08-24',
      ['differs'],
    ],
    ['Health Secretary Wes Streeting in 2024', 'Health Secretary Wes Streeting spoke.', '2024-08-01', ['consistent']],
    ['a name with no title is not a claim', 'Steve Barclay spoke.', '2024-03-01', []],
  ])('%s', (_n, text, date, expected) => expect(roles(text, date)).toEqual(expected));

  it('a role known only from an attested window gives no-data outside it, never differs', () => {
    const pack = bundledPack();
    const source = {
      url: 'https://example.org/r',
      publisher: 'Example',
      published: '2023-06-01',
      tier: 'press' as const,
    };
    const attested: Pack = {
      ...pack,
      entities: pack.entities.map((e) =>
        e.id === 'vishal-sharma'
          ? {
              ...e,
              roles: [
                {
                  title: 'Chair of BMA Council',
                  role: 'role-bma-council-chair',
                  organisation: 'bma',
                  from: null,
                  to: null,
                  attested: ['2023-05-15', '2023-06-30'],
                  sources: [source],
                },
              ],
            }
          : e,
      ),
    };
    const index = FactIndex.fromPacks([attested]);
    const at = (date: string) =>
      claims('BMA chair Dr Vishal Sharma spoke. The NHS strike goes on.', date, 'role', index).map((c) => c.verdict);
    expect(at('2023-06-01')).toEqual(['consistent']);
    expect(at('2025-03-01')).toEqual(['no-data']);
  });
});
