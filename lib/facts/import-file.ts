/**
 * Importing a pack from a file the reader picked (the options page sends its text). Pure: the plan
 * says what to write, or lists every problem by JSON path (bad JSON by line and column). A file
 * whose pack id is `own` is an own-facts export: its facts may refer to the other packs' entities,
 * and its `flags` come along.
 */
import { OWN_PACK_ID, editContext } from './own.ts';
import { flagsOf, type FlagRecord } from './own-store.ts';
import { parsePackText, validatePack, type PackError } from './packs.ts';
import type { Pack } from './schema.ts';

/** What an import will write, or why it will not. */
export type ImportPlan =
  { ok: true; pack: Pack; own: boolean; flags: FlagRecord[] } | { ok: false; errors: PackError[] };

/** Plans the import of `text` given the installed packs. */
export function planImport(text: string, installed: readonly Pack[], today: string): ImportPlan {
  const json = parseJson(text);
  if (!json.ok) return json;
  const root = json.data;
  const own = typeof root === 'object' && root !== null && (root as { id?: unknown }).id === OWN_PACK_ID;
  if (!own) {
    const result = validatePack(root);
    return result.ok ? { ok: true, pack: result.pack, own: false, flags: [] } : result;
  }
  const result = validatePack(root, { external: editContext(installed, today).external });
  const flags = flagsOf(root);
  const errors = [...(result.ok ? [] : result.errors), ...(flags.ok ? [] : flags.errors)];
  if (!result.ok || !flags.ok) return { ok: false, errors };
  return { ok: true, pack: result.pack, own: true, flags: flags.flags };
}

/** JSON.parse; on failure, parsePackText's message with the line and column. */
function parseJson(text: string): { ok: true; data: unknown } | { ok: false; errors: PackError[] } {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, data: JSON.parse(clean) as unknown };
  } catch {
    const positioned = parsePackText(text);
    return positioned.ok ? { ok: false, errors: [{ path: '$', message: 'Invalid JSON' }] } : positioned;
  }
}
