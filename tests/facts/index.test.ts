import { describe, expect, it } from 'vitest';
import { roleHeldOn } from '../../lib/facts/index.ts';
import type { Role } from '../../lib/facts/schema.ts';
import { bundledIndex } from '../helpers/pack.ts';

const source = { url: 'https://example.org/s', publisher: 'Example', published: null, tier: 'press' as const };
const role = (r: Partial<Role>): Role => ({
  title: 'T',
  organisation: null,
  from: null,
  to: null,
  sources: [source],
  ...r,
});

describe('roleHeldOn', () => {
  it.each([
    ['from is inclusive', role({ from: '2022-10-25', to: '2023-11-13' }), '2022-10-25', true],
    ['the day before from', role({ from: '2022-10-25', to: '2023-11-13' }), '2022-10-24', false],
    [
      'to is exclusive (a reshuffle day belongs to the new holder)',
      role({ from: '2022-10-25', to: '2023-11-13' }),
      '2023-11-13',
      false,
    ],
    ['open end', role({ from: '2024-07-05' }), '2030-01-01', true],
    ['month precision from', role({ from: '2022-09', to: '2022-10-25' }), '2022-09-01', true],
    ['attested window, inside', role({ attested: ['2023-05-15', '2024-04'] }), '2024-04-30', true],
    ['attested window, after', role({ attested: ['2023-05-15', '2024-04'] }), '2024-05-01', false],
    ['attested single date', role({ attested: ['2023-07-07'] }), '2023-07-07', true],
    ['no dates and no attestation: unknown, not held', role({}), '2023-07-07', false],
  ])('%s', (_n, r, date, held) => expect(roleHeldOn(r, date)).toBe(held));
});

describe('FactIndex over the bundled pack', () => {
  const index = bundledIndex();

  it.each([
    ['role-health-secretary', '2023-08-24', 'steve-barclay'],
    ['role-health-secretary', '2023-11-13', 'victoria-atkins'],
    ['role-health-secretary', '2024-07-05', 'wes-streeting'],
    ['role-health-secretary', '2022-10-01', 'therese-coffey'],
    ['role-prime-minister', '2023-08-24', 'rishi-sunak'],
    ['role-prime-minister', '2024-09-16', 'keir-starmer'],
    ['role-shadow-health-secretary', '2023-08-24', 'wes-streeting'],
    ['role-minister-of-state-health', '2023-08-24', 'will-quince'],
  ])('%s on %s is %s', (roleId, date, person) => {
    expect(index.holdersOn(roleId, date).map((h) => h.person.id)).toEqual([person]);
  });

  it('lists every alias with its entity', () => {
    const texts = index
      .aliases()
      .filter((a) => a.entityId === 'bma')
      .map((a) => a.text);
    expect(texts).toEqual(expect.arrayContaining(['British Medical Association', 'BMA']));
  });

  it('gives the facts that describe the world on a date, not later running totals', () => {
    const event = 'consultants-strike-2023-07';
    expect(index.factsOn(event, '2023-07-19')).toEqual([]);
    expect(index.factsOn(event, '2023-08-24').length).toBeGreaterThan(0);
  });

  it('knows its coverage', () => {
    expect(index.covers('2023-08-24')).toBe(true);
    expect(index.covers('2021-01-01')).toBe(false);
    expect(index.packVersion).toMatch(/^nhs-industrial-action@\d+\.\d+\.\d+$/);
  });
});
