/**
 * The bundled pack is built from the research kept in the repository (data/factbase/), nothing
 * outside it: the committed pack must be exactly what `npm run build:pack` makes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../lib/facts/packs.ts';
import { buildPackText, DEFAULT_OUTPUT, DEFAULT_RESEARCH } from '../../scripts/pack/build-text.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('the bundled pack', () => {
  const built = buildPackText(read(DEFAULT_RESEARCH));

  it('is byte for byte what build:pack makes from data/factbase/', () => {
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    // On failure: run `npm run build:pack` and commit assets/packs/ with the research change.
    expect(read(DEFAULT_OUTPUT) === built.text).toBe(true);
  });

  it('covers to June 2026, with the 2026 records, and a tier on every source', () => {
    const result = validatePack(JSON.parse(read(DEFAULT_OUTPUT)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const pack = result.pack;
    expect(pack.format).toBe(2);
    expect(pack.coverage).toEqual({ from: '2022-10', to: '2026-06' });
    expect(pack.events.some((e) => e.kind === 'strike' && (e.startDate ?? '').startsWith('2026-06'))).toBe(true);
    const murray = pack.entities.find((e) => e.id === 'james-murray');
    expect(murray?.roles?.find((r) => r.role === 'role-health-secretary')).toMatchObject({ from: '2026-05-14' });
    const sources = [
      ...pack.events.flatMap((e) => [...e.sources, ...(e.conflicts ?? []).map((c) => c.source)]),
      ...pack.facts.flatMap((f) => [...f.sources, ...(f.conflicts ?? []).map((c) => c.source)]),
      ...pack.entities.flatMap((e) => (e.roles ?? []).flatMap((r) => r.sources)),
    ];
    expect(sources.length).toBeGreaterThan(900);
    expect(sources.every((s) => ['primary', 'press', 'copy', 'weak'].includes(s.tier))).toBe(true);
  });

  it('lists every record’s sources best first', () => {
    const rank = { primary: 0, press: 1, copy: 2, weak: 3 } as const;
    const pack = JSON.parse(read(DEFAULT_OUTPUT)) as {
      events: { id: string; sources: { tier: keyof typeof rank }[] }[];
    };
    for (const e of pack.events) {
      const ranks = e.sources.map((s) => rank[s.tier]);
      expect(ranks, e.id).toEqual([...ranks].sort((a, b) => a - b));
    }
  });
});
