/**
 * Size budgets (bench/budgets.ts) on the production Chrome build in `.output/audit/` — the build the
 * static stage already has, so this test builds nothing. Sizes only: deterministic for a given
 * source tree, unlike times, which only the bench (`npm run bench`) measures.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIZE_BUDGET_BYTES } from '../../bench/budgets.ts';
import { compromisePlugins, containsCompromise, entrypointSizes, unusedPlugins } from '../../bench/sizes.ts';
import { BUILDS, readManifest, ROOT } from './audit.ts';

const dir = BUILDS.chrome;

function sizeOf(name: string) {
  readManifest('chrome'); // fails with "run scripts/build-audit.mjs" when the build is missing
  const entry = entrypointSizes(dir).find((e) => e.name === name);
  if (!entry) throw new Error(`no entrypoint '${name}' in ${dir}`);
  return entry;
}

describe('bundle sizes of the production Chrome build (gzip -9)', () => {
  it(`keeps the content script within ${SIZE_BUDGET_BYTES.content / 1000} KB`, () => {
    const e = sizeOf('content');
    expect(e.gzip, `${e.files.join(' + ')}: ${e.gzip} bytes gzipped`).toBeLessThanOrEqual(SIZE_BUDGET_BYTES.content);
  });

  it(`keeps the popup, with every chunk it loads, within ${SIZE_BUDGET_BYTES.popup / 1000} KB`, () => {
    const e = sizeOf('popup');
    expect(
      e.files.some((f) => f.endsWith('.js')),
      'the popup loads no script: the size walk is broken',
    ).toBe(true);
    expect(e.gzip, `${e.files.join(' + ')}: ${e.gzip} bytes gzipped`).toBeLessThanOrEqual(SIZE_BUDGET_BYTES.popup);
  });

  it('keeps compromise out of the content script', () => {
    const content = join(dir, 'content-scripts', 'content.js');
    expect(existsSync(content), `${content} is missing`).toBe(true);
    expect(containsCompromise(content)).toBe(false);
  });

  it('bundles no compromise plugin into the background that our code does not call', () => {
    const { reports, unknown } = compromisePlugins(ROOT, join(dir, 'background.js'));
    expect(unknown, 'installed compromise plugins missing from COMPROMISE_PLUGINS in bench/budgets.ts').toEqual([]);
    expect(unusedPlugins(reports)).toEqual([]);
  });
});
