/** Test helpers: the bundled pack and a small hand-made pack for focused cases. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FactIndex } from '../../lib/facts/index.ts';
import type { Pack } from '../../lib/facts/schema.ts';
import type { PageText } from '../../lib/protocol/page-text.ts';
import { blocksOf } from '../../cli/text-page.ts';

const packPath = fileURLToPath(new URL('../../assets/packs/nhs-industrial-action.json', import.meta.url));

let bundled: FactIndex | undefined;

/** The bundled pack, parsed once per test file. */
export function bundledPack(): Pack {
  return JSON.parse(readFileSync(packPath, 'utf8')) as Pack;
}

/** A FactIndex over the bundled pack (cached per test file). */
export function bundledIndex(): FactIndex {
  bundled ??= FactIndex.fromPacks([bundledPack()]);
  return bundled;
}

/** A PageText for plain text, dated as given. */
export function textPage(text: string, published?: string): PageText {
  return {
    url: 'https://example.org/a',
    title: '',
    text,
    blocks: blocksOf(text),
    ...(published ? { published, publishedFrom: 'given' as const } : { publishedFrom: 'none' as const }),
  };
}

/** Reads a test fixture as text. */
export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');
}
