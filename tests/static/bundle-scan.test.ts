/**
 * A scan of the production bundles (Chrome and Firefox) for remote code, eval and network hosts.
 *
 * - No code is loaded from anywhere but the extension: no importScripts, remote <script>, remote
 *   import(), CSS @import, no new Worker.
 * - No eval; the Function constructor only in zod's known, guarded places (background only,
 *   switched off by lib/zod-jitless.ts).
 * - Network APIs only in the background, for pack subscriptions (`fetch`); none in the content
 *   script or the extension pages; no XHR, WebSocket, EventSource or sendBeacon anywhere.
 * - Every http(s) URL in a bundle is either data — a source or sameAs link of the bundled pack,
 *   shown to the reader as a citation and never fetched — or on the allowlist below, with a reason.
 * - No test hook or test host survives in a production build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_SITE_MATCHES } from '../../lib/sites.ts';
import { buildFiles, ROOT, type Browser } from './audit.ts';

/** URLs the bundles may contain besides the bundled pack's data. Each is an identifier or a message, never fetched. */
const URL_ALLOWLIST: { pattern: RegExp; reason: string }[] = [
  { pattern: /^https?:\/\/$/, reason: 'bare schemes: sender and link checks (`startsWith("https://")`)' },
  {
    pattern: /^https:\/\/\*\.\$\{\w+\}\/\*$/,
    reason: 'the match-pattern template `https://*.${domain}/*` of lib/sites.ts (site list, permissions)',
  },
  { pattern: /^http:\/\/\[\$\{\w+\}\]$/, reason: "zod's IPv6 URL formatting template (validation, no request)" },
  {
    pattern: /^http:\/\/www\.w3\.org\/(2000\/svg|1998\/Math\/MathML|1999\/xhtml|1999\/xlink|XML\/1998\/namespace)$/,
    reason: "XML namespace names in Preact's DOM renderer",
  },
  {
    pattern: /^https?:\/\/www\.w3\.org\/ns\/anno\.jsonld$/,
    reason: 'the W3C Web Annotation JSON-LD context, written into exports (lib/export/w3c.ts)',
  },
  {
    pattern: /^https?:\/\/schema\.org\/?[\w/]*$/,
    reason: 'schema.org JSON-LD identifiers, written into ClaimReview exports',
  },
  {
    pattern: /^https:\/\/en\.wikipedia\.org\/wiki\/$/,
    reason: 'the prefix of sameAs links (full English Wikipedia URLs)',
  },
  {
    pattern: /^https?:\/\/json-schema\.org\/(draft\/2020-12\/schema|draft-07\/schema#|draft-04\/schema#)$/,
    reason: "zod's JSON Schema `$schema` identifiers (toJSONSchema, unused)",
  },
  { pattern: /^https:\/\/tinyurl\.com\/y2uuvskb$/, reason: "a link in Dexie's 'IndexedDB API missing' error message" },
  {
    pattern: /^http:\/\/bit\.ly\/2kdckMn$/,
    reason: "a link in Dexie's 'Transaction committed too early' error message",
  },
  // Pack subscriptions: add the default subscription host here when there is one, with its reason.
];

/** Where network APIs may appear: the background, for pack subscriptions only (lib/facts/fetch-pack.ts). */
const NETWORK_APIS_ALLOWED_IN: Record<string, string[]> = { 'background.js': ['fetch'] };

/** Code that loads or runs code from elsewhere, or talks to the network. */
const FORBIDDEN_CODE: { name: string; pattern: RegExp }[] = [
  { name: 'importScripts', pattern: /\bimportScripts\s*\(/ },
  { name: 'remote import()', pattern: /\bimport\s*\(\s*[`'"]https?:/ },
  { name: 'remote <script src>', pattern: /<script[^>]+src\s*=\s*["']?(https?:)?\/\// },
  { name: 'CSS @import', pattern: /@import\s/ },
  { name: 'new Worker', pattern: /\bnew\s+(Shared)?Worker\s*\(/ },
  { name: 'eval', pattern: /(^|[^\w$.])eval\s*\(/ },
  { name: 'XMLHttpRequest', pattern: /\bXMLHttpRequest\b/ },
  { name: 'WebSocket', pattern: /\bWebSocket\b/ },
  { name: 'EventSource', pattern: /\bEventSource\b/ },
  { name: 'sendBeacon', pattern: /\bsendBeacon\b/ },
  { name: 'fetch', pattern: /(^|[^\w$.])fetch\s*\(/ },
];

/**
 * The Function constructor, as zod v4 writes it (minified names vary): its `allowsEval` probe and
 * its JIT compiler. lib/zod-jitless.ts turns both off in the background; anything else fails.
 */
const FUNCTION_ALLOWLIST: RegExp[] = [
  /\.jitless\|\|typeof navigator<`u`&&navigator\?\.userAgent\?\.includes\(`Cloudflare`\)\)return!1;try\{return Function\(``\),!0\}/,
  /=Function,\w+=this\?\.content\?\?\[``\];return new \w+\(/,
];

const URL_RE = /https?:\/\/[^\s"'`)\\<>]*/g;

/** Every URL in the bundled packs, extracted the same way as from the bundles. */
function packUrls(): Set<string> {
  const dir = join(ROOT, 'assets', 'packs');
  const urls = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    for (const url of readFileSync(join(dir, name), 'utf8').match(URL_RE) ?? []) urls.add(url);
  }
  return urls;
}

const code = (browser: Browser) => buildFiles(browser).filter((f) => /\.(m?js|html|css)$/.test(f.path));

describe.each(['chrome', 'firefox'] as const)('bundle scan: %s production build', (browser) => {
  const files = code(browser);

  it('has the bundles it should (the scan is not looking at nothing)', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toContain('background.js');
    expect(paths).toContain('content-scripts/content.js');
    expect(paths).toContain('popup.html');
  });

  it('loads no remote code, evaluates no strings and uses no network API outside pack subscriptions', () => {
    const found: string[] = [];
    for (const { path, text } of files) {
      for (const { name, pattern } of FORBIDDEN_CODE) {
        if (!pattern.test(text)) continue;
        if (NETWORK_APIS_ALLOWED_IN[path]?.includes(name)) continue;
        const at = text.search(pattern);
        found.push(`${path}: ${name} near …${text.slice(Math.max(0, at - 60), at + 60)}…`);
      }
    }
    expect(found).toEqual([]);
  });

  it('uses the Function constructor only in zod’s known places, in the background', () => {
    const found: string[] = [];
    for (const { path, text } of files) {
      let masked = text;
      if (path === 'background.js') for (const known of FUNCTION_ALLOWLIST) masked = masked.replace(known, '');
      const re = /(^|[^\w$.])Function\s*[(,;)]|\bnew\s+Function\b/g;
      for (const m of masked.matchAll(re))
        found.push(`${path}: …${masked.slice(Math.max(0, m.index - 80), m.index + 60)}…`);
    }
    expect(found).toEqual([]);
  });

  it('contains no URL but the bundled pack’s data and the allowlist', () => {
    const data = packUrls();
    const unknown = new Set<string>();
    for (const { path, text } of files) {
      for (const url of text.match(URL_RE) ?? []) {
        if (data.has(url) || URL_ALLOWLIST.some((a) => a.pattern.test(url))) continue;
        unknown.add(`${path}: ${url}`);
      }
    }
    expect([...unknown]).toEqual([]);
  });

  it('keeps pack data out of the content script and the extension pages', () => {
    const data = [...packUrls()].filter((u) => u.length > 30);
    for (const { path, text } of files.filter((f) => f.path !== 'background.js')) {
      expect(
        data.filter((u) => text.includes(u)),
        path,
      ).toEqual([]);
    }
  });

  it('gives web pages no message channel: no window "message" listener in the content script', () => {
    const content = files.find((f) => f.path === 'content-scripts/content.js')!;
    expect(content.text).not.toMatch(/addEventListener\(\s*[`'"]message(error)?[`'"]/);
    expect(content.text).not.toMatch(/\bonmessage\s*=/);
    expect(content.text).not.toMatch(/onMessageExternal|onConnectExternal/);
    for (const { path, text } of files) expect(text, path).not.toMatch(/onMessageExternal|onConnectExternal/);
  });

  it('carries no test hook or test host', () => {
    for (const { path, text } of files) {
      expect(text, path).not.toContain('nhs-context-test');
      expect(text, path).not.toContain('__nhsContextTest');
      for (const host of TEST_SITE_MATCHES) expect(text, path).not.toContain(host);
    }
  });
});

describe('bundle scan allowlist', () => {
  it('gives a reason for every entry', () => {
    for (const entry of URL_ALLOWLIST) expect(entry.reason.length).toBeGreaterThan(10);
  });
});
