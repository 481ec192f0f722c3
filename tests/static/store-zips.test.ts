/**
 * The store packages `npm run zip` makes (scripts/build-audit.mjs makes the same in `.output/audit/`):
 * the Chrome Web Store zip, the Firefox add-on zip and the sources zip Mozilla's review asks for.
 * The sources zip must rebuild the add-on: it is unpacked in a temporary folder with nothing else
 * beside it (only the installed node_modules linked in, as `npm ci` from its own lock file would
 * give), built there, and every file compared with the add-on zip's.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { productionBuild } from '../helpers/production-build.ts';
import { AUDIT_DIR, ROOT } from './audit.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const zipPath = (kind: 'chrome' | 'firefox' | 'sources') => join(AUDIT_DIR, `${pkg.name}-${pkg.version}-${kind}.zip`);

async function readZip(path: string): Promise<Map<string, Buffer>> {
  if (!existsSync(path)) throw new Error(`${path} is missing. Run: node scripts/build-audit.mjs`);
  const zip = await JSZip.loadAsync(readFileSync(path));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  }
  return files;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe('store packages', () => {
  it('makes a Chrome zip and a Firefox zip whose manifests carry package.json’s version', async () => {
    const chrome = JSON.parse((await readZip(zipPath('chrome'))).get('manifest.json')!.toString('utf8'));
    const firefox = JSON.parse((await readZip(zipPath('firefox'))).get('manifest.json')!.toString('utf8'));
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.version).toBe(pkg.version);
    expect(firefox.manifest_version).toBe(2);
    expect(firefox.version).toBe(pkg.version);
    expect(firefox.browser_specific_settings.gecko.id).toMatch(/@/);
    // Production packages: never the loopback test hosts.
    for (const m of [chrome, firefox]) expect(JSON.stringify(m.content_scripts)).not.toContain('127.0.0.1');
  });

  it('puts the sources the add-on is built from in the sources zip, and nothing of tests or tools', async () => {
    const names = [...(await readZip(zipPath('sources'))).keys()];
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md'])
      expect(names).toContain(needed);
    expect(names).toContain('entrypoints/content/index.ts');
    expect(names).toContain('assets/packs/nhs-industrial-action.json');
    expect(names.filter((n) => /^(tests|bench|node_modules|\.output|\.wxt)\//.test(n) || n.includes('/.'))).toEqual([]);
  });

  it('rebuilds the Firefox add-on byte for byte from the sources zip alone', async () => {
    const sources = await readZip(zipPath('sources'));
    const addon = await readZip(zipPath('firefox'));
    const dir = mkdtempSync(join(tmpdir(), 'nhs-context-sources-'));
    temps.push(dir);
    for (const [name, body] of sources) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), body);
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    productionBuild('firefox', dir);
    const out = join(dir, '.output', 'firefox-mv2');
    const rebuilt = listFiles(out);
    expect(rebuilt).toEqual([...addon.keys()].sort());
    const differing = rebuilt.filter((name) => !readFileSync(join(out, name)).equals(addon.get(name)!));
    expect(differing).toEqual([]);
  }, 150_000);
});
