/**
 * The exports on the real pipeline's output for the seed article: every format builds, the JSON
 * ones round-trip byte for byte, the CSV parses back, and every W3C annotation re-anchors.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/detect/annotate.ts';
import { EXPORTERS, parseHypothesis, parseW3C, reanchor, type ExportInput } from '../../lib/export/index.ts';
import { canonicalJson } from '../../lib/export/json.ts';
import { w3cSelector } from '../../lib/export/import.ts';
import { bundledIndex, fixture, textPage } from '../helpers/pack.ts';
import { parseCsv } from './fixture.ts';

const text = fixture('seed-article.txt');
const result = annotate(textPage(text, '2023-08-24'), bundledIndex(), { today: '2026-11-24' });
const input: ExportInput = {
  result,
  text,
  created: '2026-11-24T10:00:00.000Z',
  generator: { name: 'NHS Context', version: '0.1.0', packVersion: result.page.packVersion },
};

describe('exports of the seed article', () => {
  it('W3C round-trips and re-anchors every annotation', () => {
    const json = EXPORTERS.w3c.build(input);
    const parsed = parseW3C(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
    expect(canonicalJson(parsed.value)).toBe(json);
    expect(parsed.value.total).toBeGreaterThan(40);
    for (const a of parsed.value.first.items) {
      const sel = w3cSelector(a);
      expect(reanchor(text, sel)).toEqual({ start: sel.start, end: sel.end });
    }
  });

  it('Hypothesis JSON round-trips', () => {
    const json = EXPORTERS.hypothesis.build(input);
    const parsed = parseHypothesis(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
    expect(canonicalJson(parsed.value)).toBe(json);
  });

  it('CSV parses back, one full-width record per item', () => {
    const rows = parseCsv(EXPORTERS.csv.build(input));
    const ids = new Set([...result.annotations, ...result.claims].map((a) => a.id));
    expect(rows).toHaveLength(1 + ids.size);
    for (const r of rows) expect(r).toHaveLength(rows[0]!.length);
  });

  it('Markdown and ClaimReview build', () => {
    expect(EXPORTERS.md.build(input)).toContain('## Mentions');
    const graph = JSON.parse(EXPORTERS.claimreview.build(input)) as { '@graph': unknown[] };
    expect(graph['@graph']).toHaveLength(result.claims.length);
  });
});
