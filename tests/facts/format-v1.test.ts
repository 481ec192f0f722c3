/** Packs in format 1 (no tiers, one source per role) still import, upgraded to format 2 on read. */
import { describe, expect, it } from 'vitest';
import { parsePackText, validatePack } from '../../lib/facts/packs.ts';
import { richPack } from './fixtures.ts';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** richPack() as format 1 wrote it: no `tier`, a role's single `source`. */
function v1Pack(): Loose {
  const p: Loose = JSON.parse(JSON.stringify(richPack()));
  p.format = 1;
  const strip = (s: Loose) => {
    delete s.tier;
    return s;
  };
  for (const e of p.entities)
    for (const r of e.roles ?? []) {
      r.source = strip(r.sources[0]);
      delete r.sources;
    }
  for (const r of [...p.events, ...p.facts]) {
    r.sources.forEach(strip);
    for (const c of r.conflicts ?? []) strip(c.source);
  }
  return p;
}

describe('format 1 packs', () => {
  it('import as format 2: roles get `sources`, every source a tier from its host', () => {
    const p = v1Pack();
    p.facts[0].sources = [
      { url: 'https://rawderm.com/x', publisher: 'rawderm.com', published: null },
      { url: 'https://www.bbc.co.uk/news/x', publisher: 'BBC News', published: '2023-02-24' },
      { url: 'https://www.gov.uk/x', publisher: 'DHSC', published: '2023-02-24' },
      { url: 'https://unknown.example/x', publisher: 'Somebody', published: null },
    ];
    const result = validatePack(p);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.format).toBe(2);
    // best first; the host table's tier; an unknown host is weak
    expect(result.pack.facts[0]?.sources.map((s) => [s.publisher, s.tier])).toEqual([
      ['DHSC', 'primary'],
      ['BBC News', 'press'],
      ['rawderm.com', 'weak'],
      ['Somebody', 'weak'],
    ]);
    const roles = result.pack.entities.find((e) => e.roles)?.roles ?? [];
    expect(roles.length).toBeGreaterThan(0);
    for (const r of roles)
      expect(r.sources).toEqual([expect.objectContaining({ url: 'https://example.org/a', tier: 'weak' })]);
    expect(result.pack.facts[0]?.conflicts?.[0]?.source.tier).toBe('weak');
  });

  it('are checked as format 1: errors name format 1 paths', () => {
    const p = v1Pack();
    delete p.entities[3].roles[0].source;
    const result = parsePackText(JSON.stringify(p));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toContain('$.entities[3].roles[0].source');
  });

  it('a format 2 pack without tiers is refused, not guessed', () => {
    const p = v1Pack();
    p.format = 2;
    const result = validatePack(p);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.some((e) => /\.tier$/.test(e.path))).toBe(true);
  });
});
