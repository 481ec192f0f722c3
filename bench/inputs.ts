/**
 * The bench's inputs, built once per run from fixed seeds (bench/generate.ts), the bundled pack
 * and the seed article fixture: nothing from the network or from outside the repository.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PageText } from '../lib/protocol/page-text.ts';
import type { Pack } from '../lib/facts/schema.ts';
import { blocksOf } from '../cli/text-page.ts';
import {
  devLikeArticles,
  newsPage,
  newsText,
  syntheticPack,
  utf8Length,
  vocabularyOf,
  type BatchRecord,
  type NewsPage,
} from './generate.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const BUNDLED_PACK_PATH = join(ROOT, 'assets', 'packs', 'nhs-industrial-action.json');
/** The seed article's date (it says "today (24 August)"; 2023). */
export const SEED_DATE = '2023-08-24';
/** A fixed "today", so results never depend on the calendar. */
export const TODAY = '2026-01-15';

export const SEEDS = { text2k: 101, text50k: 102, text1m: 103, page: 104, articles: 105, pack: 7 } as const;

export interface Text {
  name: string;
  text: string;
  bytes: number;
}

export interface Inputs {
  bundledPackText: string;
  bundledPack: Pack;
  seed: Text;
  seedHtml: string;
  text2k: Text;
  text50k: Text;
  text1m: Text;
  page1m: NewsPage;
  articles: BatchRecord[];
  /** Built on first use (~0.3 s, ~40 MB of JSON). */
  synthetic: () => Pack;
}

const text = (name: string, t: string): Text => ({ name, text: t, bytes: utf8Length(t) });

export function makeInputs(): Inputs {
  const bundledPackText = readFileSync(BUNDLED_PACK_PATH, 'utf8');
  const bundledPack = JSON.parse(bundledPackText) as Pack;
  const vocab = vocabularyOf(bundledPack);
  let synthetic: Pack | undefined;
  return {
    bundledPackText,
    bundledPack,
    seed: text('seed article', readFileSync(join(ROOT, 'tests', 'fixtures', 'seed-article.txt'), 'utf8')),
    seedHtml: readFileSync(join(ROOT, 'tests', 'fixtures', 'seed-article.html'), 'utf8'),
    text2k: text('2 KB mixed text', newsText(2_000, SEEDS.text2k, vocab, { disputeShare: 0.05, minDispute: 1 })),
    text50k: text('50 KB mixed text', newsText(50_000, SEEDS.text50k, vocab, { disputeShare: 0.05 })),
    text1m: text('1 MB mixed text', newsText(1_000_000, SEEDS.text1m, vocab, { disputeShare: 0.05 })),
    page1m: newsPage(1_000_000, 14_000, SEEDS.page, vocab),
    articles: devLikeArticles(200, SEEDS.articles, vocab),
    synthetic: () => (synthetic ??= syntheticPack(10_000, 100_000, SEEDS.pack)),
  };
}

/** PageText for plain text, as the CLI makes it. */
export function textPage(t: string, published = SEED_DATE): PageText {
  return {
    url: 'https://example.org/bench',
    title: '',
    published,
    publishedFrom: 'given',
    text: t,
    blocks: blocksOf(t),
  };
}
