/**
 * `--format` values: `json` (the annotate result itself) and the export formats, built by the
 * same pure builders the popup uses (lib/export).
 */
import { readFileSync } from 'node:fs';
import type { AnnotateResult } from '../lib/protocol/annotations.ts';
import type { PageText } from '../lib/protocol/page-text.ts';
import { EXPORTERS } from '../lib/export/index.ts';
import { UsageError } from './io.ts';

/** Every format the CLI contract names. */
export const FORMATS = ['json', 'w3c', 'hypothesis', 'csv', 'md', 'claimreview'] as const;
export type Format = (typeof FORMATS)[number];

/** Throws UsageError unless `format` is one of FORMATS. */
export function checkFormat(format: string): Format {
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}'; formats: ${FORMATS.join(', ')}`);
  }
  return format as Format;
}

/** The package version, for the exports' `generator`. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** Renders an export format; `created` is passed in so output can be made deterministic. */
export function renderExport(
  format: Exclude<Format, 'json'>,
  result: AnnotateResult,
  page: PageText,
  created: string,
): string {
  return EXPORTERS[format].build({
    result,
    text: page.text,
    created,
    generator: { name: 'NHS Context', version: packageVersion(), packVersion: result.page.packVersion },
  });
}
