/**
 * The layout docs/ARCHITECTURE.md describes is the tree's: every folder of lib/ and components/
 * is in it, every path it names exists, lib/ keeps at most six loose files, and no source comment
 * sends a reader to a document outside the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SOURCE_DIRS } from '../helpers/import-graph.ts';

const architecture = readFileSync(join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
const folders = (top: string) =>
  readdirSync(join(ROOT, top), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `${top}/${d.name}`);

describe('the layout', () => {
  it('keeps at most six loose files in lib/, each named in docs/ARCHITECTURE.md', () => {
    const loose = readdirSync(join(ROOT, 'lib'), { withFileTypes: true }).filter((d) => d.isFile());
    expect(loose.length).toBeLessThanOrEqual(6);
    for (const file of loose) expect(architecture, file.name).toContain(`\`${file.name}\``);
  });

  it('describes every folder of lib/ and components/ in docs/ARCHITECTURE.md', () => {
    for (const folder of [...folders('lib'), ...folders('components')]) {
      const name = folder.startsWith('lib/') ? folder : folder.slice('components/'.length);
      expect(architecture, folder).toMatch(new RegExp(`\`${name}/`));
    }
  });

  it('names only paths that exist', () => {
    const paths = [...architecture.matchAll(/`((?:lib|components|entrypoints|tests|scripts|cli|data)\/[\w./-]+)`/g)];
    expect(paths.length).toBeGreaterThan(20);
    const missing = paths.map((m) => m[1]!).filter((p) => !existsSync(join(ROOT, p.replace(/\/$/, ''))));
    expect(missing).toEqual([]);
  });

  it('has no comment citing a document outside the repository', () => {
    const cited: string[] = [];
    for (const dir of [...SOURCE_DIRS, 'tests']) {
      for (const file of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
        if (!/\.(ts|tsx|mjs|js)$/.test(file) || file.includes('node_modules')) continue;
        const text = readFileSync(join(ROOT, dir, file), 'utf8');
        if (/\b(DESIGN|STYLE|TOOLCHAIN)\.md\b|\.\.\/shared\/(?!corpus)/.test(text)) cited.push(`${dir}/${file}`);
      }
    }
    expect(cited).toEqual([]);
  });
});
