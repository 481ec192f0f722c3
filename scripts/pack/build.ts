/**
 * Builds the bundled pack from the research fact base:
 *   npx tsx scripts/build-pack.ts [RESEARCH.json] [OUT.json]
 * Converts (lib/facts/convert.ts), validates with the schema and reference checks, and writes
 * pretty JSON only when the result is valid, so a broken pack never replaces a good one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertResearch, PACK_META } from '../lib/facts/convert.ts';
import { packSummary, sharedAliases, validatePack } from '../lib/facts/packs.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(process.argv[2] ?? resolve(root, '../shared/factbase/nhs-industrial-action.facts.json'));
const output = resolve(process.argv[3] ?? resolve(root, 'assets/packs/nhs-industrial-action.json'));

const pack = convertResearch(JSON.parse(readFileSync(input, 'utf8')), PACK_META);
const result = validatePack(pack);
if (!result.ok) {
  for (const e of result.errors) console.error(`${e.path}: ${e.message}`);
  console.error(`build-pack: ${input} did not convert to a valid pack; nothing written.`);
  process.exit(1);
}
writeFileSync(output, `${JSON.stringify(result.pack, null, 2)}\n`);
console.log(`build-pack: wrote ${output}`);
console.log(JSON.stringify(packSummary(result.pack)));
for (const s of sharedAliases(result.pack)) console.log(`note: alias "${s.text}" is on ${s.entities.join(', ')}`);
