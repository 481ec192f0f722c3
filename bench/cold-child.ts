/**
 * Run in a fresh process (`node --expose-gc --import tsx bench/cold-child.ts`): what a cold start
 * costs in Node, and how much heap a FactIndex (and its gazetteer) keeps. Prints one JSON object.
 * Fresh process, because both figures are about first use: module evaluation (compromise's
 * included), the fold table, the first automaton, and a heap without the bench's other data.
 */
import { readFileSync } from 'node:fs';
import type { Pack } from '../lib/facts/schema.ts';
import { syntheticPack } from './generate.ts';
import { BUNDLED_PACK_PATH, SEEDS, SEED_DATE, TODAY, ROOT } from './inputs.ts';
import { join } from 'node:path';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const MB = 1024 * 1024;

function heap(): number {
  gc!();
  gc!();
  // Typed arrays (the automaton's tables) live outside the JS heap: count them too.
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export interface ColdResult {
  importMs: number;
  indexMs: number;
  gazetteerMs: number;
  firstAnnotateMs: number;
  /** index + gazetteer + first annotate (module evaluation excluded). */
  firstAnnotationsMs: number;
  heapIndexBundledMB: number;
  heapGazetteerBundledMB: number;
  heapIndexSyntheticMB: number;
  heapGazetteerSyntheticMB: number;
}

const packText = readFileSync(BUNDLED_PACK_PATH, 'utf8');
const seedText = readFileSync(join(ROOT, 'tests', 'fixtures', 'seed-article.txt'), 'utf8');

let t = performance.now();
const [{ annotate }, { FactIndex }, { gazetteerFor }, { blocksOf }] = await Promise.all([
  import('../lib/detect/annotate.ts'),
  import('../lib/facts/index.ts'),
  import('../lib/detect/gazetteer.ts'),
  import('../cli/text-page.ts'),
]);
const importMs = performance.now() - t;

t = performance.now();
const index = FactIndex.fromPacks([JSON.parse(packText) as Pack]);
const indexMs = performance.now() - t;
t = performance.now();
gazetteerFor(index);
const gazetteerMs = performance.now() - t;
t = performance.now();
annotate(
  {
    url: 'https://example.org/seed',
    title: '',
    published: SEED_DATE,
    publishedFrom: 'given',
    text: seedText,
    blocks: blocksOf(seedText),
  },
  index,
  { today: TODAY },
);
const firstAnnotateMs = performance.now() - t;

/** Heap kept by a FactIndex built from pack JSON, and by its gazetteer on top. */
function heapOf(json: string): { index: number; gazetteer: number } {
  const before = heap();
  const idx = FactIndex.fromPacks([JSON.parse(json) as Pack]);
  const withIndex = heap();
  gazetteerFor(idx);
  const withGazetteer = heap();
  // Keep idx alive until after the last measurement.
  if (idx.entities.size < 0) console.log(idx);
  return { index: (withIndex - before) / MB, gazetteer: (withGazetteer - withIndex) / MB };
}

const bundledHeap = heapOf(packText);
const syntheticHeap = heapOf(JSON.stringify(syntheticPack(10_000, 100_000, SEEDS.pack)));

const result: ColdResult = {
  importMs,
  indexMs,
  gazetteerMs,
  firstAnnotateMs,
  firstAnnotationsMs: indexMs + gazetteerMs + firstAnnotateMs,
  heapIndexBundledMB: bundledHeap.index,
  heapGazetteerBundledMB: bundledHeap.gazetteer,
  heapIndexSyntheticMB: syntheticHeap.index,
  heapGazetteerSyntheticMB: syntheticHeap.gazetteer,
};
process.stdout.write(JSON.stringify(result) + '\n');
