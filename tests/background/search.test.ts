import { describe, expect, it } from 'vitest';
import { buildCard } from '../../lib/detect/card-data.ts';
import { FactIndex } from '../../lib/facts/index.ts';
import { searchFacts } from '../../lib/background/search.ts';
import { richPack } from '../facts/fixtures.ts';
import { bundledIndex } from '../helpers/pack.ts';

const demo = FactIndex.fromPacks([richPack()]);
const cardOn = (index: FactIndex, date: string) => (id: string) => buildCard(index, id, date, '2025-07-25');

describe('searchFacts', () => {
  it('finds an entity by alias with its card, roles and sourced facts', () => {
    const [hit] = searchFacts(demo, 'bloggs', cardOn(demo, '2023-03-14'));
    expect(hit).toMatchObject({ id: 'jo-bloggs', name: 'Jo Bloggs', kind: 'person', private: false });
    expect(hit?.card?.roleOnDate).toBe('Chair of BMA Council');
    expect(hit?.roles.map((r) => [r.title, r.from, r.to])).toEqual([
      ['Chair of BMA Council', '2022-07', '2025'],
      ['Member', null, null],
    ]);
    expect(hit?.roles[0]?.sources.map((s) => s.url)).toEqual(['https://example.org/a']);
  });

  it('finds an event by title, with the facts about it and their sources', () => {
    const hits = searchFacts(demo, 'resident doctors strike', cardOn(demo, '2023-03-14'));
    expect(hits[0]?.id).toBe('strike-1');
    expect(hits[0]?.facts.map((f) => f.id)).toEqual(['strike-1', 'turnout-1']);
    expect(hits[0]?.facts[1]?.sources.map((s) => s.url)).toEqual(['https://example.org/a', 'http://example.com/b']);
  });

  it('finds an event by words of its title in any order, ignoring punctuation', () => {
    const index = bundledIndex();
    const hits = searchFacts(index, 'consultants strike august', cardOn(index, '2023-08-24'));
    expect(hits.map((h) => h.id)).toContain('consultants-strike-2023-08');
  });

  it("finds what a fact is about by the fact's own words, after name matches", () => {
    const index = bundledIndex();
    const hits = searchFacts(index, 'refused to meet consultant leaders', cardOn(index, '2023-08-24'));
    expect(hits[0]?.id).toBe('bma-consultants-committee');
  });

  it('ranks exact names before partial ones and ignores case, accents and a leading "the"', () => {
    const names = searchFacts(demo, 'The BMA', cardOn(demo, '2024-01-01')).map((h) => h.id);
    expect(names[0]).toBe('bma');
    expect(searchFacts(demo, 'BRITISH médical', cardOn(demo, '2024-01-01'))[0]?.id).toBe('bma');
    expect(searchFacts(demo, '   ', cardOn(demo, '2024-01-01'))).toEqual([]);
  });

  it('finds Steve Barclay in the bundled pack with his role as Health Secretary', () => {
    const index = bundledIndex();
    const [hit] = searchFacts(index, 'Steve Barclay', cardOn(index, '2023-08-24'));
    expect(hit?.card?.roleOnDate).toMatch(/Secretary of State for Health and Social Care/);
    expect(hit?.roles.every((r) => r.sources.length > 0 && r.sources.every((s) => s.url.startsWith('http')))).toBe(
      true,
    );
  });
});
