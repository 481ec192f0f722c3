import { describe, expect, it } from 'vitest';
import { buildHypothesis, hypothesisExport, HYPOTHESIS_USER } from '../../lib/export/hypothesis.ts';
import { hypothesisSelector, parseHypothesis, reanchor } from '../../lib/export/import.ts';
import { canonicalJson } from '../../lib/export/json.ts';
import { CLAIM, RESULT, TEXT, input, span } from './fixture.ts';

const out = hypothesisExport(input());

describe('Hypothesis-compatible JSON', () => {
  it("has Hypothesis's export envelope", () => {
    expect(Object.keys(out).sort()).toEqual(['annotations', 'client_version', 'export_date', 'export_userid']);
    expect(out.export_date).toBe('2026-11-24T10:00:00.000Z');
    expect(out.export_userid).toBe(HYPOTHESIS_USER);
    expect(out.client_version).toBe('NHS Context 0.1.0 (fact pack nhs-industrial-action@1.0.0)');
    expect(out.annotations).toHaveLength(RESULT.annotations.length + RESULT.claims.length);
  });

  it("shapes each annotation as the h API does (the fields Hypothesis's importer keeps are all there)", () => {
    const a = out.annotations.find((x) => x.id === 'entity-barclay')!;
    const { start, end } = span('Steve Barclay');
    expect(a).toMatchObject({
      created: '2026-11-24T10:00:00.000Z',
      updated: '2026-11-24T10:00:00.000Z',
      user: HYPOTHESIS_USER,
      uri: RESULT.page.url,
      group: '__world__',
      hidden: false,
      document: { title: [RESULT.page.title] },
      tags: ['nhs-context', 'entity', 'person'],
      permissions: { read: ['group:__world__'], update: [HYPOTHESIS_USER], delete: [HYPOTHESIS_USER] },
    });
    expect(a.target).toEqual([
      {
        source: RESULT.page.url,
        selector: [
          { type: 'TextPositionSelector', start, end },
          {
            type: 'TextQuoteSelector',
            exact: 'Steve Barclay',
            prefix: TEXT.slice(start - 32, start),
            suffix: TEXT.slice(end, end + 32),
          },
        ],
      },
    ]);
    expect(a.links.incontext).toMatch(/#:~:text=.*Steve%20Barclay/);
  });

  it('writes the summary as Markdown with sources as links', () => {
    const a = out.annotations.find((x) => x.id === 'entity-barclay')!;
    expect(a.text).toContain('Role on 24 August 2023: Secretary of State for Health and Social Care');
    expect(a.text).toContain('[BMA (primary), 2023-10-03](https://www.bma.org.uk/news/1)');
    const claim = out.annotations.find((x) => x.id === CLAIM.id)!;
    expect(claim.tags).toEqual(['nhs-context', 'claim', 'differs']);
    expect(claim.text).toContain('Verdict: Differs from the record');
  });

  it('round-trips: export → import → export is byte-identical, RTL and astral text included', () => {
    const json = buildHypothesis(input());
    expect(json).toContain('الإضراب مستمر');
    expect(json).toContain('🩺🏥');
    const parsed = parseHypothesis(json);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(canonicalJson(parsed.value)).toBe(json);
  });

  it('re-anchors every annotation on the same text', () => {
    for (const a of out.annotations) {
      const sel = hypothesisSelector(a)!;
      expect(reanchor(TEXT, sel)).toEqual({ start: sel.start, end: sel.end });
    }
  });
});
