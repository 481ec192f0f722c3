/**
 * `--format` values. `json` is built in; the others are pure builders in lib/export/ (a later
 * issue). A format whose module does not exist yet is refused with the list of formats available.
 */
import { existsSync } from 'node:fs';
import type { AnnotateResult, PageText } from '../lib/annotations.ts';
import { UsageError } from './io.ts';

/** Every format the CLI contract names. */
export const FORMATS = ['json', 'w3c', 'hypothesis', 'csv', 'md', 'claimreview'] as const;
export type Format = (typeof FORMATS)[number];

/** Module file names tried for each export format, under lib/export/. */
const MODULES: Record<Exclude<Format, 'json'>, string[]> = {
  w3c: ['w3c.ts'],
  hypothesis: ['hypothesis.ts'],
  csv: ['csv.ts'],
  md: ['md.ts', 'markdown.ts'],
  claimreview: ['claimreview.ts'],
};

/**
 * What an export module must provide to be used by the CLI: `render(result, page, opts)` returning
 * the document as text. `created` (ISO timestamp) is passed in so output can be deterministic.
 */
export type Renderer = (result: AnnotateResult, page: PageText, opts: { created: string }) => string;

function moduleUrl(format: Exclude<Format, 'json'>): URL | null {
  for (const file of MODULES[format]) {
    const url = new URL(`../lib/export/${file}`, import.meta.url);
    if (existsSync(url)) return url;
  }
  return null;
}

/** Formats usable now: json plus every export whose module exists. */
export function availableFormats(): Format[] {
  return FORMATS.filter((f) => f === 'json' || moduleUrl(f) !== null);
}

/** Throws UsageError unless `format` is known and available now. */
export function checkFormat(format: string): Format {
  const now = availableFormats().join(', ');
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}'; formats available now: ${now}`);
  }
  if (format !== 'json' && !moduleUrl(format as Exclude<Format, 'json'>)) {
    throw new UsageError(`format '${format}' is not available yet; formats available now: ${now}`);
  }
  return format as Format;
}

/** The renderer for an export format (not json). */
export async function loadRenderer(format: Exclude<Format, 'json'>): Promise<Renderer> {
  const url = moduleUrl(format);
  const mod = url ? ((await import(url.href)) as { render?: Renderer }) : {};
  if (typeof mod.render !== 'function') {
    throw new UsageError(`format '${format}' is not wired into the CLI yet (lib/export has no render())`);
  }
  return mod.render;
}
