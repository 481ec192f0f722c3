import { describe, expect, it } from 'vitest';
import { MAX_ERRORS, validatePack } from '../../lib/facts/packs.ts';
import type { Pack } from '../../lib/facts/schema.ts';
import { richPack } from './fixtures.ts';

/** A mutable deep copy of the rich pack, typed loosely so tests can break it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const broken = (mutate: (p: Loose) => void): unknown => {
  const pack: Loose = JSON.parse(JSON.stringify(richPack())); // no shared objects
  mutate(pack);
  return pack;
};

describe('validatePack', () => {
  it('accepts a good pack and returns it', () => {
    const result = validatePack(richPack());
    expect(result).toEqual({ ok: true, pack: richPack() });
  });

  const cases: [string, (p: Loose) => void, string, RegExp?][] = [
    ['bad role date', (p) => (p.entities[3].roles[0].from = '2022-13'), '$.entities[3].roles[0].from', /YYYY/],
    ['bad pack date', (p) => (p.published = '2026-1-1'), '$.published'],
    ['day 32', (p) => (p.events[0].startDate = '2023-03-32'), '$.events[0].startDate'],
    [
      'javascript: URL',
      (p) => (p.events[0].sources[0].url = 'javascript:alert(1)'),
      '$.events[0].sources[0].url',
      /http/,
    ],
    ['data: URL in sameAs', (p) => (p.entities[0].sameAs[0] = 'data:text/html,x'), '$.entities[0].sameAs[0]'],
    [
      'relative URL in a conflict',
      (p) => (p.facts[0].conflicts[0].source.url = '/a'),
      '$.facts[0].conflicts[0].source.url',
    ],
    ['empty sources', (p) => (p.facts[0].sources = []), '$.facts[0].sources'],
    ['missing sources', (p) => delete p.events[0].sources, '$.events[0].sources'],
    ['missing role sources', (p) => delete p.entities[3].roles[1].sources, '$.entities[3].roles[1].sources'],
    ['empty role sources', (p) => (p.entities[3].roles[1].sources = []), '$.entities[3].roles[1].sources'],
    ['missing source tier', (p) => delete p.events[0].sources[0].tier, '$.events[0].sources[0].tier'],
    ['unknown source tier', (p) => (p.facts[0].sources[0].tier = 'gold'), '$.facts[0].sources[0].tier'],
    ['unknown participant', (p) => (p.events[0].participants[1] = 'nobody'), '$.events[0].participants[1]', /nobody/],
    [
      'duplicate id across entities and events',
      (p) => (p.events[0].id = 'bma'),
      '$.events[0].id',
      /duplicate.*\$\.entities\[0\]\.id/,
    ],
    ['duplicate entity id', (p) => (p.entities[4].id = 'bma-rdc'), '$.entities[4].id', /duplicate/],
    ['duplicate fact id', (p) => p.facts.push({ ...p.facts[0] }), '$.facts[1].id', /duplicate/],
    ['wrong confidence', (p) => (p.facts[0].confidence = 'likely'), '$.facts[0].confidence'],
    ['unknown fact subject', (p) => (p.facts[0].subject = 'strike-2'), '$.facts[0].subject', /strike-2/],
    [
      'unknown role organisation',
      (p) => (p.entities[3].roles[0].organisation = 'rcn'),
      '$.entities[3].roles[0].organisation',
    ],
    [
      'role link to a non-role',
      (p) => (p.entities[3].roles[0].role = 'bma'),
      '$.entities[3].roles[0].role',
      /not a role/,
    ],
    ['unknown parent', (p) => (p.entities[1].parent = 'bma-uk'), '$.entities[1].parent'],
    ['non-kebab id', (p) => (p.entities[2].id = 'Role_Chair'), '$.entities[2].id'],
    ['unknown format', (p) => (p.format = 3), '$.format'],
    ['bad semver', (p) => (p.version = '1.0'), '$.version'],
    ['bad alias match', (p) => (p.entities[0].aliases[0].match = 'fuzzy'), '$.entities[0].aliases[0].match'],
    [
      'alias period ending before it starts',
      (p) => (p.entities[4].aliases[0].current.from = '2025'),
      '$.entities[4].aliases[0].current.to',
    ],
    ['event ending before it starts', (p) => (p.events[0].endDate = '2023-03-01'), '$.events[0].endDate', /before/],
    ['role ending before it starts', (p) => (p.entities[3].roles[0].to = '2021-12'), '$.entities[3].roles[0].to'],
    ['nested details', (p) => (p.events[0].details.x = { a: { b: 1 } }), '$.events[0].details.x'],
    ['three attested dates', (p) => p.entities[3].roles[1].attested.push('2022'), '$.entities[3].roles[1].attested'],
    ['an empty statement', (p) => (p.facts[0].statement = ''), '$.facts[0].statement'],
  ];

  it.each(cases)('rejects %s at its JSON path', (_name, mutate, path, message) => {
    const result = validatePack(broken(mutate));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((e) => e.path === path);
    expect(error, JSON.stringify(result.errors)).toBeDefined();
    if (message) expect(error?.message).toMatch(message);
  });

  it('reports every error, schema and reference alike', () => {
    const result = validatePack(
      broken((p) => {
        p.events[0].sources[0].url = 'javascript:alert(1)';
        p.facts[0].subject = 'missing';
        p.entities[3].roles[0].from = 'soon';
      }),
    );
    expect(result.ok ? [] : result.errors.map((e) => e.path).sort()).toEqual([
      '$.entities[3].roles[0].from',
      '$.events[0].sources[0].url',
      '$.facts[0].subject',
    ]);
  });

  it(`lists at most ${MAX_ERRORS} errors and says how many more`, () => {
    const result = validatePack(
      broken(
        (p) =>
          (p.facts[0].sources = Array.from({ length: 40 }, () => ({
            url: 'ftp://x',
            publisher: '',
            published: 'x',
            tier: 'press',
          }))),
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(MAX_ERRORS + 1);
    expect(result.errors.at(-1)).toEqual({ path: '$', message: '…and 20 more errors' }); // 40 sources × 3 problems
  });

  it('rejects things that are not packs', () => {
    for (const input of [null, 42, 'pack', [], {}]) {
      const result = validatePack(input);
      expect(result.ok).toBe(false);
    }
  });

  it('types the parsed pack', () => {
    const result = validatePack(richPack());
    const pack: Pack | undefined = result.ok ? result.pack : undefined;
    expect(pack?.entities[3]?.roles?.[0]?.role).toBe('role-chair');
  });
});
