import { describe, expect, it } from 'vitest';
import { EXPORTERS, buildExport, exportFileName, type ExportFormat } from '../../lib/export/index.ts';
import * as csv from '../../lib/export/csv.ts';
import * as hypothesis from '../../lib/export/hypothesis.ts';
import * as markdown from '../../lib/export/markdown.ts';
import * as claimreview from '../../lib/export/claimreview.ts';
import * as w3c from '../../lib/export/w3c.ts';
import type { PageText } from '../../lib/protocol/page-text.ts';
import { RESULT, TEXT, input } from './fixture.ts';

const formats = Object.keys(EXPORTERS) as ExportFormat[];

describe('export registry', () => {
  it('has every format the CLI names, with a file extension and a MIME type', () => {
    expect(formats.sort()).toEqual(['claimreview', 'csv', 'hypothesis', 'md', 'w3c']);
    expect(EXPORTERS.csv).toMatchObject({ extension: 'csv', mime: 'text/csv;charset=utf-8' });
    expect(EXPORTERS.w3c.mime).toBe('application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"');
  });

  it.each(formats)('%s: same input, same bytes; JSON formats parse', (format) => {
    const out = buildExport(format, input());
    expect(buildExport(format, input())).toBe(out);
    expect(out.endsWith('\n')).toBe(true);
    if (EXPORTERS[format].extension.startsWith('json')) expect(() => JSON.parse(out)).not.toThrow();
  });

  it.each(formats)('%s: works on a page with nothing annotated', (format) => {
    const empty = { ...RESULT, annotations: [], claims: [], cards: [] };
    expect(() => buildExport(format, input({ result: empty, text: '' }))).not.toThrow();
  });

  it('exposes render(result, page, {created}) in each module, as cli/formats.ts loads it', () => {
    const page: PageText = {
      url: RESULT.page.url,
      title: RESULT.page.title,
      publishedFrom: 'json-ld',
      published: '2023-08-24',
      text: TEXT,
      blocks: [],
    };
    const opts = { created: '2026-11-24T10:00:00.000Z', generator: { name: 'NHS Context', version: '0.1.0' } };
    const modules = { w3c, hypothesis, csv, md: markdown, claimreview };
    for (const format of formats) expect(modules[format].render(RESULT, page, opts)).toBe(buildExport(format, input()));
    expect(w3c.render(RESULT, page, { created: opts.created })).toContain('"name": "NHS Context unknown"');
  });

  it('names files after the site, the date and the format, never two formats alike', () => {
    expect(exportFileName('csv', 'https://www.bbc.co.uk/news/x', '2023-08-24')).toBe(
      'nhs-context_www.bbc.co.uk_2023-08-24_annotations.csv',
    );
    expect(exportFileName('w3c', 'article.txt', '2023-08-24')).toBe(
      'nhs-context_page_2023-08-24_web-annotations.jsonld',
    );
    const names = formats.map((f) => exportFileName(f, 'https://www.bbc.co.uk/news/x', '2023-08-24'));
    expect(new Set(names).size).toBe(formats.length);
  });
});
