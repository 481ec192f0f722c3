import { describe, expect, it } from 'vitest';
import { hypothesisSelector, parseHypothesis, parseW3C, reanchor } from '../../lib/export/import.ts';
import { quoteContext } from '../../lib/export/selectors.ts';

const text = 'The BMA met ministers. Later the BMA struck. Then the BMA met ministers again.';

describe('reanchor', () => {
  it('keeps the position when the quote is still there', () => {
    const at = text.indexOf('BMA', 10);
    expect(reanchor(text, { exact: 'BMA', start: at, end: at + 3 })).toEqual({ start: at, end: at + 3 });
  });

  it('finds the quote by prefix and suffix when the position is stale', () => {
    const at = text.lastIndexOf('BMA');
    const { prefix, suffix } = quoteContext(text, at, at + 3);
    const moved = `Breaking: ${text}`;
    expect(reanchor(moved, { exact: 'BMA', prefix, suffix, start: at, end: at + 3 })).toEqual({
      start: at + 10,
      end: at + 13,
    });
  });

  it('uses the suffix alone at the start of the text', () => {
    const { suffix } = quoteContext(text, 4, 7);
    expect(reanchor('X ' + text, { exact: 'BMA', suffix })).toEqual({ start: 6, end: 9 });
  });

  it('prefers the occurrence nearest the old position when contexts tie', () => {
    const twice = 'abc abc';
    expect(reanchor(twice, { exact: 'abc', start: 5, end: 8 })).toEqual({ start: 4, end: 7 });
  });

  it('returns null for a quote that is gone, or empty', () => {
    expect(reanchor(text, { exact: 'RCN' })).toBeNull();
    expect(reanchor(text, { exact: '' })).toBeNull();
  });
});

describe('parsing', () => {
  it('names the JSON path of what is wrong', () => {
    const bad = parseW3C('{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toContain('$.id');
    const notJson = parseHypothesis('nope');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.errors[0]!.path).toBe('$');
  });

  it("reads Hypothesis's own export: other selectors, title as a string", () => {
    const file = {
      export_date: '2024-01-01T00:00:00.000Z',
      export_userid: 'acct:jane@hypothes.is',
      client_version: '1.1500.0',
      annotations: [
        {
          id: 'abc',
          created: '2024-01-01T00:00:00.000Z',
          updated: '2024-01-01T00:00:00.000Z',
          user: 'acct:jane@hypothes.is',
          uri: 'https://x.test/',
          group: '__world__',
          hidden: false,
          text: 'note',
          tags: [],
          document: { title: 'A page' },
          permissions: {
            read: ['group:__world__'],
            update: ['acct:jane@hypothes.is'],
            delete: ['acct:jane@hypothes.is'],
          },
          target: [
            {
              source: 'https://x.test/',
              selector: [
                { type: 'RangeSelector', startContainer: '/p[1]', endContainer: '/p[1]', startOffset: 0, endOffset: 3 },
                { type: 'TextPositionSelector', start: 0, end: 3 },
                { type: 'TextQuoteSelector', exact: 'The', suffix: ' BMA' },
              ],
            },
          ],
          links: { html: 'https://hypothes.is/a/abc' },
        },
      ],
    };
    const parsed = parseHypothesis(JSON.stringify(file));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const ann = parsed.value.annotations[0]!;
    expect(ann.target[0]!.selector![0]).toMatchObject({ type: 'RangeSelector', startContainer: '/p[1]' });
    expect(hypothesisSelector(ann)).toEqual({ exact: 'The', prefix: undefined, suffix: ' BMA', start: 0, end: 3 });
  });
});
