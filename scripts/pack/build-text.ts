/**
 * The bundled pack's exact text, from the research file's text: shared by `npm run build:pack` and
 * the test that checks the committed pack is what the build makes, byte for byte.
 */
import { validatePack, type PackError } from '../../lib/facts/packs.ts';
import { convertResearch, PACK_META } from './convert.ts';

/** Paths relative to the repository root. */
export const DEFAULT_RESEARCH = 'data/factbase/nhs-industrial-action.facts.json';
export const DEFAULT_OUTPUT = 'assets/packs/nhs-industrial-action.json';

/** Converts and validates; the text is pretty JSON with a final newline. */
export function buildPackText(researchText: string): { ok: true; text: string } | { ok: false; errors: PackError[] } {
  const pack = convertResearch(JSON.parse(researchText), PACK_META);
  const result = validatePack(pack);
  if (!result.ok) return result;
  return { ok: true, text: `${JSON.stringify(result.pack, null, 2)}\n` };
}
