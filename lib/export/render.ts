/**
 * The CLI's renderer signature (cli/formats.ts: `render(result, page, {created})`) over a builder.
 * The CLI can pass its name and version; the pack version comes from the result.
 */
import type { AnnotateResult } from '../protocol/annotations.ts';
import type { PageText } from '../protocol/page-text.ts';
import type { ExportInput } from './types.ts';

/** Used when the caller does not say which software it is. */
export const DEFAULT_GENERATOR = { name: 'NHS Context', version: 'unknown' };

export interface RenderOptions {
  created: string;
  generator?: { name: string; version: string };
  idBase?: string;
}

/** Wraps a builder as `render(result, page, opts)`. */
export function renderer(build: (input: ExportInput) => string) {
  return (result: AnnotateResult, page: PageText, opts: RenderOptions): string =>
    build({
      result,
      text: page.text,
      created: opts.created,
      generator: { ...(opts.generator ?? DEFAULT_GENERATOR), packVersion: result.page.packVersion },
      ...(opts.idBase ? { idBase: opts.idBase } : {}),
    });
}
