/**
 * CSV: Hypothesis's own columns first, in its order, then ours. Hypothesis's header, from
 * hypothesis/client `src/sidebar/services/annotations-exporter.tsx` (buildCSVExportContent, the
 * version with `formatSortableDateTime` and a separator option; its test
 * `src/sidebar/services/test/annotations-exporter-test.js` pins the same header):
 *   Created at,Author,Page,URL,Group,Type,Quote/description,Comment,Tags
 *
 * Where we differ from Hypothesis, on purpose: records end in CRLF and the file ends with one
 * (RFC 4180; Hypothesis joins rows with "\n"); "Created at" is UTC (Hypothesis uses the local
 * zone) so the output is deterministic; and every cell is escaped against formula injection
 * (OWASP "CSV Injection"), which Hypothesis does not do. No byte-order mark: Hypothesis adds none
 * (`src/shared/download-file.ts` writes the string as-is into a `text/csv` Blob).
 */
import type { AnnotateResult, Annotation, Card, SourceRef } from '../protocol/annotations.ts';
import { byTier, tierLabel } from '../sources/tiers.ts';
import { textFragmentLink } from './fragment.ts';
import { renderer } from './render.ts';
import { cardFor, exportItems, plainText, roleOnDate, sourcesOf, summaryLines, tagsOf } from './summary.ts';
import type { ExportInput } from './types.ts';

/** Hypothesis's CSV header, in its order. */
export const HYPOTHESIS_CSV_COLUMNS = [
  'Created at',
  'Author',
  'Page',
  'URL',
  'Group',
  'Type',
  'Quote/description',
  'Comment',
  'Tags',
] as const;

/** Our columns, after Hypothesis's. Multi-valued cells hold one value per line, facts aligned line by line. */
export const NHS_CONTEXT_CSV_COLUMNS = [
  'Kind',
  'Start',
  'End',
  'Entity',
  'Entity ID',
  'Wikipedia',
  "Role on the article's date",
  'Role now',
  'Value',
  'Fact',
  'Fact date',
  'Distance from article',
  'Source URL',
  'Source tier',
  'Verdict',
  'Expected',
  'Explanation',
  'Alternatives',
  'Text fragment link',
] as const;

export const CSV_COLUMNS = [...HYPOTHESIS_CSV_COLUMNS, ...NHS_CONTEXT_CSV_COLUMNS];

/**
 * OWASP's formula triggers (`=`, `+`, `-`, `@`, tab, CR) at the start of a cell, also after leading
 * whitespace (spreadsheets trim it before deciding) and as full-width forms (which some convert).
 */
const FORMULA = /^(?:[\t\r\n]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/** A cell that a spreadsheet would run as a formula, prefixed with `'` so it stays text. */
export function escapeFormula(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

/** RFC 4180: a field with a comma, a double quote, CR or LF is quoted, its quotes doubled. */
export function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One cell: formula-escaped, then quoted. */
export function csvCell(value: string): string {
  return quoteField(escapeFormula(value));
}

/** "2023-08-24 09:05" in UTC: sortable, and read as a date by spreadsheets (Hypothesis's format). */
export function sortableDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** A source's tier as one CSV word: primary, press, copy, weak (the Comment column says more). */
const tierWord = (s: SourceRef) => s.tier;

function factColumns(a: Annotation, card: Card | undefined): string[] {
  if (a.check || !card) {
    const sources = sourcesOf(a, card);
    return ['', '', '', sources.map((s) => s.url).join('\n'), sources.map(tierWord).join('\n')];
  }
  const facts = card.facts;
  // One line per fact (its sources best first, space-separated), then one per card source;
  // the tier cell is aligned with the URL cell word for word.
  const lists = [...facts.map((f) => byTier(f.sources)), ...byTier(card.sources).map((s) => [s])];
  return [
    facts.map((f) => f.statement).join('\n'),
    facts.map((f) => f.date ?? '').join('\n'),
    facts.map((f) => f.distance ?? '').join('\n'),
    lists.map((l) => l.map((s) => s.url).join(' ')).join('\n'),
    lists.map((l) => l.map(tierWord).join(' ')).join('\n'),
  ];
}

function checkColumns(a: Annotation): string[] {
  const c = a.check;
  if (!c) return ['', '', '', ''];
  const alts = (c.alternatives ?? []).map(
    (alt) => `${alt.value} (${alt.verdict}) ${alt.source.url} (${tierLabel(alt.source)})`,
  );
  return [c.verdict, c.expected, c.explanation, alts.join('\n')];
}

function ourCells(a: Annotation, result: AnnotateResult, text: string): string[] {
  const card = cardFor(result, a);
  const sameAs = a.entity?.sameAs.length ? a.entity.sameAs : (card?.sameAs ?? []);
  return [
    a.kind,
    String(a.start),
    String(a.end),
    a.entity?.name ?? '',
    a.entity?.id ?? '',
    sameAs.join('\n'),
    roleOnDate(a, card),
    card?.roleNow ?? '',
    a.value === undefined ? '' : `${a.value}${a.unit ? ` ${a.unit}` : ''}`,
    ...factColumns(a, card),
    ...checkColumns(a),
    textFragmentLink(result.page.url, text, a.start, a.end),
  ];
}

function row(a: Annotation, input: ExportInput): string[] {
  const { result } = input;
  const hypothesis = [
    sortableDateTime(input.created),
    input.generator.name,
    '',
    result.page.url,
    '',
    'Annotation',
    a.exact,
    plainText(summaryLines(a, result)),
    tagsOf(a).join(','),
  ];
  return [...hypothesis, ...ourCells(a, result, input.text)];
}

/** CSV text: header and one record per item, CRLF after each record. */
export function buildCsv(input: ExportInput): string {
  const rows = [CSV_COLUMNS, ...exportItems(input.result).map((a) => row(a, input))];
  return rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}

/** The CLI's `--format csv` (cli/formats.ts Renderer). */
export const render = renderer(buildCsv);
