/**
 * Builds the bundled pack from the research fact base kept in the repository:
 *   npm run build:pack                 (data/factbase/… → assets/packs/nhs-industrial-action.json)
 *   npx tsx scripts/pack/build.ts [RESEARCH.json] [OUT.json]
 *   npx tsx scripts/pack/build.ts --check   (exit 1 when the committed pack differs from a rebuild)
 * Converts (convert.ts), validates with the schema and reference checks, and writes pretty JSON
 * only when the result is valid, so a broken pack never replaces a good one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packSummary, sharedAliases, validatePack } from '../../lib/facts/packs.ts';
import { buildPackText, DEFAULT_OUTPUT, DEFAULT_RESEARCH } from './build-text.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const [inArg, outArg] = args.filter((a) => a !== '--check');
const input = resolve(root, inArg ?? DEFAULT_RESEARCH);
const output = resolve(root, outArg ?? DEFAULT_OUTPUT);

const built = buildPackText(readFileSync(input, 'utf8'));
if (!built.ok) {
  for (const e of built.errors) console.error(`${e.path}: ${e.message}`);
  console.error(`build-pack: ${input} did not convert to a valid pack; nothing written.`);
  process.exit(1);
}
if (check) {
  const same = readFileSync(output, 'utf8') === built.text;
  console.log(
    same ? `build-pack: ${output} is up to date` : `build-pack: ${output} differs from a rebuild of ${input}`,
  );
  process.exit(same ? 0 : 1);
}
writeFileSync(output, built.text);
const pack = validatePack(JSON.parse(built.text));
console.log(`build-pack: wrote ${output}`);
if (pack.ok) {
  console.log(JSON.stringify(packSummary(pack.pack)));
  for (const s of sharedAliases(pack.pack)) console.log(`note: alias "${s.text}" is on ${s.entities.join(', ')}`);
}
