import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../lib/export/json.ts';
import { parseW3C, reanchor, w3cSelector } from '../../lib/export/import.ts';
import type { W3CAnnotation } from '../../lib/export/schemas.ts';
import { buildW3C, w3cCollection } from '../../lib/export/w3c.ts';
import { CLAIM, RESULT, TEXT, input, span } from './fixture.ts';

const collection = w3cCollection(input());
const items = collection.first.items;
const byId = (id: string): W3CAnnotation => items.find((a) => a.id.endsWith(`/annotation/${id}`))!;

describe('W3C Web Annotation export', () => {
  it('is an AnnotationCollection whose first page holds every item', () => {
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.first.partOf).toBe(collection.id);
    expect(collection.first.startIndex).toBe(0);
    expect(collection.last).toBe(collection.first.id);
    expect(collection.total).toBe(RESULT.annotations.length + RESULT.claims.length);
    expect(items).toHaveLength(collection.total);
    expect(items.map((a) => a.target.selector[1].start)).toEqual(
      [...items.map((a) => a.target.selector[1].start)].sort((a, b) => a - b),
    );
  });

  it("puts the article's URL, title and date, and the generator, on the collection", () => {
    expect(collection['schema:about']).toEqual({
      id: RESULT.page.url,
      type: 'Text',
      'schema:headline': RESULT.page.title,
      'schema:datePublished': '2023-08-24',
      'schema:description': "Date read from the page's JSON-LD.",
    });
    expect(collection.created).toBe('2026-11-24T10:00:00.000Z');
    expect(collection.generator).toEqual({
      id: collection.generator.id,
      type: 'Software',
      name: 'NHS Context 0.1.0',
      'schema:softwareVersion': '0.1.0',
      'schema:isBasedOn': { type: 'Dataset', name: 'fact pack', 'schema:version': 'nhs-industrial-action@1.0.0' },
    });
    for (const a of items) {
      expect(a.type).toBe('Annotation');
      expect(a.created).toBe('2026-11-24T10:00:00.000Z');
      expect(a.generator).toBe(collection.generator.id);
    }
  });

  it('targets the text with a TextQuoteSelector (32 characters each side) and a TextPositionSelector', () => {
    const a = byId('entity-barclay');
    const { start, end } = span('Steve Barclay');
    expect(a.target.type).toBe('SpecificResource');
    expect(a.target.source).toBe(RESULT.page.url);
    expect(a.target.selector).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: 'Steve Barclay',
        prefix: TEXT.slice(start - 32, start),
        suffix: TEXT.slice(end, end + 32),
      },
      { type: 'TextPositionSelector', start, end },
    ]);
    expect(a.target.selector[0].prefix).toHaveLength(32);
    // "Steve Barclay" occurs twice in the article, so the link carries the words around it.
    expect(a.target['schema:url']).toBe(
      'https://www.example.co.uk/news/nhs-strikes?x=1&y=2#:~:text=action%2C%20Health%20Secretary-,Steve%20Barclay,-is%20standing%20by',
    );
    expect(byId('entity-sign').target['schema:url']).toBe(
      'https://www.example.co.uk/news/nhs-strikes?x=1&y=2#:~:text=%D8%A7%D9%84%D8%A5%D8%B6%D8%B1%D8%A7%D8%A8%20%D9%85%D8%B3%D8%AA%D9%85%D8%B1',
    );
  });

  it('omits an empty suffix at the end of the text and never splits a surrogate pair', () => {
    const last = byId('entity-html');
    expect(last.target.selector[0].suffix).toBe('.');
    for (const a of items) {
      const { prefix = '', suffix = '' } = a.target.selector[0];
      expect(prefix).not.toMatch(/^[\udc00-\udfff]/);
      expect(suffix).not.toMatch(/[\ud800-\udbff]$/);
    }
  });

  it('identifies the entity with its Wikipedia sameAs and describes it with the card', () => {
    const a = byId('entity-hs');
    expect(a.motivation).toBe('identifying');
    expect(a.body[0]).toEqual({
      type: 'SpecificResource',
      purpose: 'identifying',
      source: {
        id: 'urn:nhs-context:entity:steve-barclay',
        'schema:name': 'Steve Barclay',
        'schema:additionalType': 'person',
        'schema:sameAs': ['https://en.wikipedia.org/wiki/Steve_Barclay'],
      },
    });
    expect(a.body[1]).toMatchObject({
      type: 'SpecificResource',
      source: { id: 'urn:nhs-context:role:health-secretary' },
    });
    const text = a.body.find((b) => b.type === 'TextualBody' && b.purpose === 'describing');
    expect(text).toMatchObject({ format: 'text/plain', language: 'en' });
    const value = text?.type === 'TextualBody' ? text.value : '';
    expect(value).toContain('Role on 24 August 2023: \n-2+3 Secretary of State');
    expect(value).toContain('Role now: Secretary of State for Environment');
    expect(value).toContain('27 March 2023, 150 days before this article: Last meeting');
    expect(value).toContain('BMA (primary), 2023-10-03 <https://www.bma.org.uk/news/1>');
    expect(a.body.at(-1)).toMatchObject({ type: 'TextualBody', purpose: 'tagging', value: 'entity' });
  });

  it('gives claims motivation "assessing", the facts checked and the verdict', () => {
    const a = byId(CLAIM.id);
    expect(a.motivation).toBe('assessing');
    expect(a.body).toContainEqual({
      type: 'SpecificResource',
      purpose: 'assessing',
      source: { id: 'urn:nhs-context:fact:consultants-meeting-2023-03-27' },
    });
    expect(a.body).toContainEqual({
      type: 'TextualBody',
      purpose: 'assessing',
      value: 'differs',
      format: 'text/plain',
      language: 'en',
    });
    const text = a.body.find((b) => b.type === 'TextualBody' && b.purpose === 'describing');
    const value = text?.type === 'TextualBody' ? text.value : '';
    expect(value).toContain('Verdict: Differs from the record');
    expect(value).toContain('May 2023 (would be: Differs from the record) — Pulse dated');
    expect(value).toContain('Pulse (press), 2023-10 <https://pulsetoday.co.uk/?p=137484>');
  });

  it('describes dates and figures', () => {
    expect(byId('date-1')).toMatchObject({ motivation: 'describing' });
    const date = byId('date-1').body[0];
    expect(date?.type === 'TextualBody' && date.value).toBe('Date: 27 March 2023 (150 days before this article)');
    const figure = byId('figure-1').body[0];
    expect(figure?.type === 'TextualBody' && figure.value).toBe('Figure: 68000 patients');
  });

  it('is deterministic, and uses the ids passed in', () => {
    expect(buildW3C(input())).toBe(buildW3C(input()));
    const withBase = w3cCollection(input({ idBase: 'https://example.org/exports/7' }));
    expect(withBase.id).toBe('https://example.org/exports/7/collection');
    expect(withBase.first.items[0]!.id).toMatch(/^https:\/\/example\.org\/exports\/7\/annotation\//);
    expect(w3cCollection(input({ created: '2026-11-25T00:00:00.000Z' })).id).not.toBe(collection.id);
  });

  it('round-trips: export → import → export is byte-identical, RTL and astral text included', () => {
    const json = buildW3C(input());
    expect(json).toContain('الإضراب مستمر');
    expect(json).toContain('𝒩𝐇𝐒');
    const parsed = parseW3C(json);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(canonicalJson(parsed.value)).toBe(json);
  });

  it('re-anchors every annotation to the same span, also after text is inserted before it', () => {
    const parsed = parseW3C(buildW3C(input()));
    if (!parsed.ok) throw new Error('export did not parse');
    const inserted = 'UPDATE (25 August): the BMA and the NHS replied. 🩺\n\n';
    for (const a of parsed.value.first.items) {
      const sel = w3cSelector(a);
      expect(reanchor(TEXT, sel)).toEqual({ start: sel.start, end: sel.end });
      expect(reanchor(inserted + TEXT, sel)).toEqual({
        start: sel.start! + inserted.length,
        end: sel.end! + inserted.length,
      });
    }
  });
});
