/**
 * The export formats: one pure builder each, shared by the popup
 * and the CLI's `--format`. `EXPORTERS[format].build(input)` gives the file's text; `extension` and
 * `mime` are for the download.
 */
import { buildClaimReview } from './claimreview.ts';
import { buildCsv } from './csv.ts';
import { buildHypothesis } from './hypothesis.ts';
import { buildMarkdown } from './markdown.ts';
import type { ExportInput, Exporter } from './types.ts';
import { buildW3C } from './w3c.ts';

export type { ExportInput, Exporter } from './types.ts';
export { canonicalJson } from './json.ts';
export { parseHypothesis, parseW3C, reanchor, type QuoteSelector } from './import.ts';

/** The export format names, as the CLI's `--format` takes them. */
export type ExportFormat = 'w3c' | 'hypothesis' | 'csv' | 'md' | 'claimreview';

/** Every export format. */
export const EXPORTERS: Record<ExportFormat, Exporter> = {
  w3c: { build: buildW3C, extension: 'jsonld', mime: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"' },
  hypothesis: { build: buildHypothesis, extension: 'json', mime: 'application/json' },
  csv: { build: buildCsv, extension: 'csv', mime: 'text/csv;charset=utf-8' },
  md: { build: buildMarkdown, extension: 'md', mime: 'text/markdown;charset=utf-8' },
  claimreview: { build: buildClaimReview, extension: 'jsonld', mime: 'application/ld+json' },
};

/** Builds one format. */
export function buildExport(format: ExportFormat, input: ExportInput): string {
  return EXPORTERS[format].build(input);
}

/** What each format's file name says it holds, so two formats never share a name. */
const FILE_LABEL: Record<ExportFormat, string> = {
  w3c: 'web-annotations',
  hypothesis: 'hypothesis',
  csv: 'annotations',
  md: 'report',
  claimreview: 'claimreview',
};

/**
 * A download file name carrying the site, the article's date and what it holds:
 * `nhs-context_www.bbc.co.uk_2023-08-24_annotations.csv` (the site is the URL's host, or "page").
 */
export function exportFileName(format: ExportFormat, url: string, published: string): string {
  let site = 'page';
  try {
    site = new URL(url).hostname || 'page';
  } catch {
    // not a URL (a local file name, or nothing): keep "page"
  }
  const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '-');
  return `nhs-context_${safe(site)}_${safe(published)}_${FILE_LABEL[format]}.${EXPORTERS[format].extension}`;
}
