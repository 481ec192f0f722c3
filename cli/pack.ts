/**
 * Fact packs for the CLI: the bundled pack (read from the repository, relative to this module) or
 * a pack file given with `--pack`, validated all-or-nothing.
 */
import { readFile } from 'node:fs/promises';
import type { Pack } from '../lib/facts/schema.ts';
import { type PackError, type PackResult, parsePackText } from '../lib/facts/packs.ts';
import { InputError, readInput } from './input.ts';

/** Where the bundled pack lives (assets/packs/ in the repository). */
export const BUNDLED_PACK_URL = new URL('../assets/packs/nhs-industrial-action.json', import.meta.url);

/** A pack that cannot be used: every problem, each with its JSON path. */
export class PackLoadError extends Error {
  override name = 'PackLoadError';
  constructor(
    readonly source: string,
    readonly errors: PackError[],
  ) {
    super(`${source}: invalid pack (${errors.length} error${errors.length === 1 ? '' : 's'})`);
  }
}

/** Reads and validates a pack file; input problems (missing, empty, not UTF-8) become a `$` error. */
export async function readPackFile(path: string): Promise<PackResult> {
  try {
    const { text } = await readInput(path);
    return parsePackText(text);
  } catch (err) {
    if (err instanceof InputError) return { ok: false, errors: [{ path: '$', message: err.message }] };
    throw err;
  }
}

/** The bundled pack, validated. Throws PackLoadError when it is missing or invalid. */
export async function loadBundledPack(): Promise<Pack> {
  let text: string;
  try {
    text = await readFile(BUNDLED_PACK_URL, 'utf8');
  } catch (err) {
    throw new PackLoadError('bundled pack', [
      { path: '$', message: `cannot read ${BUNDLED_PACK_URL.pathname}: ${(err as Error).message}` },
    ]);
  }
  const result = parsePackText(text);
  if (!result.ok) throw new PackLoadError('bundled pack', result.errors);
  return result.pack;
}

/** The packs to annotate with: the file given with `--pack` instead of the bundled one. */
export async function loadPacks(packPath?: string): Promise<Pack[]> {
  if (!packPath) return [await loadBundledPack()];
  const result = await readPackFile(packPath);
  if (!result.ok) throw new PackLoadError(packPath, result.errors);
  return [result.pack];
}

/** `path: message` lines for a pack's errors. */
export function formatPackErrors(errors: PackError[]): string {
  return errors.map((e) => `${e.path || '$'}: ${e.message}`).join('\n');
}
