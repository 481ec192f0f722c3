import { describe, expect, it } from 'vitest';
import {
  buildCsv,
  csvCell,
  CSV_COLUMNS,
  escapeFormula,
  HYPOTHESIS_CSV_COLUMNS,
  quoteField,
  sortableDateTime,
} from '../../lib/export/csv.ts';
import { CLAIM, RESULT, input, parseCsv } from './fixture.ts';

const csv = buildCsv(input());
const rows = parseCsv(csv);
const header = rows[0]!;
const col = (name: string) => header.indexOf(name);
const rowOf = (quote: string) => rows.find((r) => r[col('Quote/description')] === quote)!;

describe('CSV export', () => {
  it("leads with Hypothesis's columns in its order, then ours", () => {
    expect(HYPOTHESIS_CSV_COLUMNS).toEqual([
      'Created at',
      'Author',
      'Page',
      'URL',
      'Group',
      'Type',
      'Quote/description',
      'Comment',
      'Tags',
    ]);
    expect(header.slice(0, 9)).toEqual([...HYPOTHESIS_CSV_COLUMNS]);
    expect(header).toEqual(CSV_COLUMNS);
    for (const name of ['Entity', "Role on the article's date", 'Fact', 'Fact date', 'Source URL', 'Verdict'])
      expect(header).toContain(name);
  });

  it('parses back with an RFC 4180 parser: one record per item, every record full width', () => {
    expect(csv.startsWith('Created at,')).toBe(true); // no byte-order mark
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n').length - 1).toBeGreaterThanOrEqual(rows.length);
    expect(rows).toHaveLength(1 + RESULT.annotations.length + RESULT.claims.length);
    for (const r of rows) expect(r).toHaveLength(header.length);
  });

  it('fills the rows', () => {
    const r = rowOf('Health Secretary');
    expect(r[col('Created at')]).toBe('2026-11-24 10:00');
    expect(r[col('Author')]).toBe('NHS Context');
    expect(r[col('URL')]).toBe(RESULT.page.url);
    expect(r[col('Type')]).toBe('Annotation');
    expect(r[col('Tags')]).toBe('nhs-context,entity,person');
    expect(r[col('Entity')]).toBe('Steve Barclay');
    expect(r[col('Wikipedia')]).toBe('https://en.wikipedia.org/wiki/Steve_Barclay');
    expect(r[col('Fact')]).toBe('Last meeting with consultants’ leaders');
    expect(r[col('Fact date')]).toBe('2023-03-27');
    expect(r[col('Distance from article')]).toBe('150 days before this article');
    expect(r[col('Source URL')]).toBe(
      'https://www.bma.org.uk/news/1 https://www.bbc.co.uk/news/health-1\nhttps://www.bbc.co.uk/news/health-1',
    );
    // aligned word for word with the URLs, best first
    expect(r[col('Source tier')]).toBe('primary press\npress');
    const claim = rowOf(CLAIM.exact);
    expect(claim[col('Verdict')]).toBe('differs');
    expect(claim[col('Expected')]).toBe('27 March 2023 (150 days before this article)');
    expect(claim[col('Alternatives')]).toBe(
      'May 2023 (differs) https://pulsetoday.co.uk/?p=137484 (press)\n>200 days (consistent) https://www.bbc.co.uk/news/health-1 (press)',
    );
  });

  it('keeps RTL and astral text intact', () => {
    expect(rowOf('الإضراب مستمر')[col('Entity')]).toBe('الإضراب مستمر');
    expect(rowOf('𝒩𝐇𝐒')[col('Entity')]).toBe('NHS 🏥 badge');
    expect(rowOf('🩺🏥')[col('Value')]).toBe('🩺🏥');
  });

  it('escapes cells a spreadsheet would run as formulas', () => {
    expect(rowOf(`'=HYPERLINK("http://evil.example","click")`)[col('Entity')]).toBe(`' @SUM(1+1)`);
    expect(rowOf('Health Secretary')[col("Role on the article's date")]).toBe(
      `'\n-2+3 Secretary of State for Health and Social Care`,
    );
    expect(rowOf('not been met since 12 May')[col('Explanation')]).toBe(`'+1 nothing to compare.`);
    for (const r of rows.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^(?:[\t\r\n]|\s*[=+\-@])/);
  });

  it.each([
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['\n=1', "'\n=1"],
    ['  @SUM(1)', "'  @SUM(1)"],
    ['\u00a0=1', "'\u00a0=1"],
    ['＝1', "'＝1"],
    ['a=1', 'a=1'],
    ['safe - text', 'safe - text'],
    ['', ''],
  ])('escapeFormula(%j) = %j', (value, expected) => {
    expect(escapeFormula(value)).toBe(expected);
  });

  it('quotes per RFC 4180', () => {
    expect(quoteField('plain')).toBe('plain');
    expect(quoteField('a,b')).toBe('"a,b"');
    expect(quoteField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteField('two\nlines')).toBe('"two\nlines"');
    expect(quoteField('cr\r')).toBe('"cr\r"');
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell('\n@x "q"')).toBe(`"'\n@x ""q"""`);
  });

  it('formats "Created at" in UTC as Hypothesis does (YYYY-MM-DD hh:mm)', () => {
    expect(sortableDateTime('2026-11-24T23:30:59+02:00')).toBe('2026-11-24 21:30');
    expect(sortableDateTime('not a date')).toBe('not a date');
  });
});
