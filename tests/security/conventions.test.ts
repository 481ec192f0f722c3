/**
 * Source conventions that keep doors closed (static, over the browser code: entrypoints, lib,
 * components). Each names the rule, why, and the offending file if it breaks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(...dirs: string[]): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx|js|mjs)$/.test(name))
        out.push({ path: relative(ROOT, full), text: readFileSync(full, 'utf8') });
    }
  };
  for (const d of dirs) walk(join(ROOT, d));
  return out;
}

/** Code that runs in a browser: the background, extension pages and the content script. */
const browserCode = sources('entrypoints', 'lib', 'components');
/** Code that runs in web pages: the content script and what it imports from lib/page and components. */
const pageCode = sources('entrypoints/content', 'lib/page', 'components').concat(
  sources('lib').filter((f) => /^lib\/(messages|content-calls|annotations|settings)\.ts$/.test(f.path)),
);

const offenders = (files: { path: string; text: string }[], pattern: RegExp) =>
  files.filter((f) => pattern.test(f.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))).map((f) => f.path);

describe('closed doors', () => {
  it('has the browser code it scans', () => {
    expect(browserCode.map((f) => f.path)).toEqual(
      expect.arrayContaining(['entrypoints/background.ts', 'entrypoints/content/index.ts', 'lib/background/router.ts']),
    );
  });

  it('never listens to other extensions or web pages (no onMessageExternal / onConnectExternal)', () => {
    expect(offenders(browserCode, /onMessageExternal|onConnectExternal/)).toEqual([]);
  });

  it('opens no long-lived ports a page could reach (no runtime.onConnect / connect)', () => {
    expect(offenders(browserCode, /runtime\s*\.\s*(onConnect|connect)\b/)).toEqual([]);
  });

  it('registers no window "message" listener and posts no window messages in page code', () => {
    expect(offenders(pageCode, /addEventListener\(\s*['"`]message(error)?['"`]/)).toEqual([]);
    expect(offenders(pageCode, /\bonmessage\s*=/)).toEqual([]);
    expect(offenders(pageCode, /\.postMessage\s*\(/)).toEqual([]);
  });

  it("turns off WXT's start-up postMessage, which would tell every page the extension is there", () => {
    expect(readFileSync(join(ROOT, 'entrypoints/content/index.ts'), 'utf8')).toMatch(
      /noScriptStartedPostMessage:\s*true/,
    );
  });

  it('injects nothing into the page’s own world (no MAIN-world scripts, no <script> elements)', () => {
    expect(offenders(browserCode, /world\s*:\s*['"`]MAIN['"`]/)).toEqual([]);
    expect(offenders(pageCode, /createElement\(\s*['"`]script['"`]/)).toEqual([]);
  });

  it('opens the database only in the background’s store module', () => {
    const dexieUsers = offenders(browserCode, /from ['"]dexie['"]|indexedDB\s*\.\s*open/);
    expect(dexieUsers).toEqual(['lib/facts/store.ts']);
  });

  it('lets only pack subscriptions use the network', () => {
    const fetchers = offenders(browserCode, /(^|[^\w$.])fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/);
    // entrypoints/background.ts hands `fetch` to the subscription code; lib/facts/fetch-pack.ts uses it.
    for (const path of fetchers) expect(['entrypoints/background.ts', 'lib/facts/fetch-pack.ts']).toContain(path);
  });
});
