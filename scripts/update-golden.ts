/**
 * Regenerates the golden annotation files in tests/fixtures from their texts:
 *   npx tsx scripts/update-golden.ts
 * Review the diff: every change to detection should show up there on purpose.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { annotate } from '../lib/detect/annotate.ts';
import { FactIndex } from '../lib/facts/index.ts';
import { blocksOf } from '../cli/text-page.ts';
import { goldenRows } from './golden.ts';

const GOLDEN: { text: string; published: string; out: string }[] = [
  { text: 'seed-article.txt', published: '2023-08-24', out: 'seed-article.golden.json' },
];

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const index = FactIndex.fromPacks([JSON.parse(readFileSync(root('assets/packs/nhs-industrial-action.json'), 'utf8'))]);
for (const g of GOLDEN) {
  const text = readFileSync(root(`tests/fixtures/${g.text}`), 'utf8');
  const page = {
    url: 'https://example.org/a',
    title: '',
    text,
    blocks: blocksOf(text),
    published: g.published,
    publishedFrom: 'given' as const,
  };
  const rows = goldenRows(annotate(page, index, { today: '2026-11-24' }));
  writeFileSync(root(`tests/fixtures/${g.out}`), `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`${g.out}: ${rows.length} annotations`);
}
