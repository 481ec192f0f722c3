/**
 * Every export shows a source's tier: primary and press first, a copy says whose story it copies,
 * and a record only weak hosts cite reads "Weakly sourced" with the reason, before its sources.
 */
import { describe, expect, it } from 'vitest';
import type { Card, SourceRef } from '../../lib/protocol/annotations.ts';
import { EXPORTERS, type ExportFormat } from '../../lib/export/index.ts';
import { CARDS, input, RESULT } from './fixture.ts';

const WEAK: SourceRef = { url: 'https://rawderm.com/nhs-1', publisher: 'rawderm.com', published: null, tier: 'weak' };
const COPY: SourceRef = {
  url: 'https://upday.com/uk/x',
  publisher: 'upday (PA)',
  published: '2023-03-28',
  tier: 'copy',
};
const GOV: SourceRef = { url: 'https://www.gov.uk/x', publisher: 'DHSC', published: '2023-03-27', tier: 'primary' };

/** Barclay's card with one fact cited only by a weak host and one by a weak host, a copy and GOV.UK. */
function tieredInput() {
  const [barclay, ...rest] = CARDS;
  const fact = barclay!.facts[0]!;
  const card: Card = {
    ...barclay!,
    facts: [
      { ...fact, id: 'weak-only', statement: 'A weakly sourced fact', sources: [WEAK] },
      { ...fact, id: 'mixed', statement: 'A well sourced fact', sources: [WEAK, COPY, GOV] },
    ],
    sources: [WEAK],
  };
  return input({ result: { ...RESULT, cards: [card, ...rest] } });
}

const formats: ExportFormat[] = ['md', 'hypothesis', 'w3c', 'csv'];

describe('tiers in exports', () => {
  it.each(formats)('%s: a weak-only fact reads "weakly sourced" with its reason', (format) => {
    const text = EXPORTERS[format].build(tieredInput());
    expect(text).toContain(
      'A weakly sourced fact (single-source) — Weakly sourced: only cited by rawderm.com, a weak source',
    );
    expect(text).toContain('rawderm.com (weak source)');
  });

  it.each(formats)('%s: sources best first, a copy labelled as the copy of a PA story', (format) => {
    const text = EXPORTERS[format].build(tieredInput());
    const gov = text.indexOf('DHSC (primary)');
    const copy = text.indexOf('upday (PA) (copy of a PA story)');
    const weak = text.indexOf('rawderm.com (weak source)', text.indexOf('A well sourced fact'));
    expect(gov).toBeGreaterThan(0);
    expect(copy).toBeGreaterThan(gov);
    expect(weak).toBeGreaterThan(copy);
  });

  it('md: the Sources section lists primary and press before copies and weak hosts', () => {
    const md = EXPORTERS.md.build(tieredInput());
    const section = md.slice(md.indexOf('## Sources'));
    const order = [
      'DHSC (primary)',
      'BBC News (press)',
      'upday (PA) (copy of a PA story)',
      'rawderm.com (weak source)',
    ];
    const at = order.map((label) => section.indexOf(label));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('claimreview: citations carry the tier, weak claims say so in the explanation', () => {
    const [claim] = RESULT.claims;
    const weakClaim = { ...claim!, check: { ...claim!.check!, sources: [WEAK], alternatives: [] } };
    const text = EXPORTERS.claimreview.build(input({ result: { ...RESULT, claims: [weakClaim] } }));
    const doc = JSON.parse(text) as { '@graph'?: unknown[] } | unknown[];
    const json = JSON.stringify(doc);
    expect(json).toContain('"description":"weak source"');
    expect(json).toContain('Weakly sourced: only cited by rawderm.com');
  });
});
