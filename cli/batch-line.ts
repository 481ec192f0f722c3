/**
 * One line of `annotate --jsonl`: `{id, text, published?, url?}` in, `{id, annotations}` or
 * `{id, error}` out. Shared by the main thread and the batch workers.
 */
import * as z from 'zod';
import { annotate } from '../lib/detect/annotate.ts';
import type { FactIndex } from '../lib/facts/index.ts';
import { dateAsWritten } from '../lib/page/meta.ts';
import { pageFromText } from './page.ts';

/** Marks a line that was too long to read. */
export const OVERSIZE = Symbol('oversize');

const Id = z.union([z.string(), z.number(), z.null()]);

/** An input line; other keys are ignored. */
export const BatchLine = z.object({
  id: Id.optional(),
  text: z.string(),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}/, 'expected an ISO date (YYYY-MM-DD)')
    .refine((s) => dateAsWritten(s) !== null, 'not a real date')
    .nullable()
    .optional(),
  url: z.string().max(4096).nullable().optional(),
});

type Id = z.infer<typeof Id>;

function idOf(value: unknown): Id {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null;
  const id = (value as { id: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

function errorLine(id: Id, error: string): string {
  return JSON.stringify({ id, error });
}

/** The output line (JSON, no newline) for one input line. Never throws. */
export function annotateLine(line: string | typeof OVERSIZE, index: FactIndex, today?: string): string {
  if (line === OVERSIZE) return errorLine(null, 'line is over the 20 MB limit');
  if (line.trim() === '') return errorLine(null, 'empty line');
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return errorLine(null, `invalid JSON: ${(err as Error).message}`);
  }
  const parsed = BatchLine.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(line)'}: ${i.message}`);
    return errorLine(idOf(value), issues.join('; '));
  }
  const { id = null, text, published, url } = parsed.data;
  try {
    const page = pageFromText(text, url ?? '', published ? dateAsWritten(published)! : undefined);
    return JSON.stringify({ id, annotations: annotate(page, index, { today }).annotations });
  } catch (err) {
    return errorLine(id, `annotate failed: ${(err as Error).message}`);
  }
}
