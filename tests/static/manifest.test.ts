/**
 * Manifest contract: the production manifests hold exactly the approved permissions, no
 * web-accessible resources, the default (strict) CSP, and a closed `externally_connectable`.
 */
import { describe, expect, it } from 'vitest';
import { NEWS_DOMAINS, TEST_SITE_MATCHES } from '../../lib/sites.ts';
import { readManifest } from './audit.ts';

/**
 * ─── APPROVED MANIFEST ─────────────────────────────────────────────────────────────────────────
 * Changing anything here is a security decision: say why in the change, and update SECURITY.md.
 *
 * - permissions: storage (settings), alarms (pack subscription updates), activeTab + scripting
 *   ("Annotate this page" on a site the reader is looking at), contextMenus ("Search NHS Context"
 *   on selected text; no install warning, no page access), nothing else — no tabs, no webRequest,
 *   no cookies, no unlimitedStorage, no downloads.
 * - host permissions: the news sites of lib/sites.ts `NEWS_DOMAINS`, https only, one
 *   `https://*.<domain>/*` pattern each (that list is reviewed where it is kept).
 * - optional host permissions: any https site, only when the reader grants it ("Always on this site").
 * - no content_security_policy key: the browsers' defaults (no remote code, no eval).
 * - no web_accessible_resources: a page cannot load or probe any of our files.
 * - Chrome: externally_connectable `{matches: []}` — no web page may message us, and with `ids`
 *   unset, no other extension either. (Firefox has no such key; we register no external listener.)
 */
const APPROVED = {
  permissions: ['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage'],
  hostPermissions: NEWS_DOMAINS.map((domain) => `https://*.${domain}/*`),
  optionalHostPermissions: ['https://*/*'],
  chromeExternallyConnectable: { matches: [] },
} as const;

const sorted = (list: unknown): string[] => [...((list as string[] | undefined) ?? [])].sort();

describe('manifest contract: Chrome (MV3)', () => {
  const manifest = readManifest('chrome');

  it('is a production manifest (no loopback test hosts)', () => {
    const json = JSON.stringify(manifest);
    for (const test of TEST_SITE_MATCHES) expect(json).not.toContain(test);
  });

  it('asks for exactly the approved permissions', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(sorted(manifest.permissions)).toEqual([...APPROVED.permissions]);
    expect(sorted(manifest.host_permissions)).toEqual(sorted(APPROVED.hostPermissions));
    expect(sorted(manifest.optional_host_permissions)).toEqual([...APPROVED.optionalHostPermissions]);
    expect(manifest.optional_permissions).toBeUndefined();
  });

  it('has host patterns of the safe form only (https, a whole registrable domain, no <all_urls>)', () => {
    for (const pattern of manifest.host_permissions as string[]) {
      expect(pattern).toMatch(/^https:\/\/\*\.[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
    }
  });

  it('keeps the default CSP, exposes no resources and is closed to other extensions and pages', () => {
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toEqual(APPROVED.chromeExternallyConnectable);
  });

  it('runs the content script in the top frame of the listed sites only', () => {
    const scripts = manifest.content_scripts as { matches: string[]; all_frames?: boolean; world?: string }[];
    expect(scripts).toHaveLength(1);
    expect(sorted(scripts[0]!.matches)).toEqual(sorted(APPROVED.hostPermissions));
    expect(scripts[0]!.all_frames).toBe(false);
    expect(scripts[0]!.world).toBeUndefined(); // the isolated world, never MAIN
  });
});

describe('manifest contract: Firefox (MV2)', () => {
  const manifest = readManifest('firefox');

  it('asks for exactly the approved permissions (MV2 puts hosts in permissions)', () => {
    expect(manifest.manifest_version).toBe(2);
    expect(sorted(manifest.permissions)).toEqual(sorted([...APPROVED.permissions, ...APPROVED.hostPermissions]));
    expect(sorted(manifest.optional_permissions)).toEqual([...APPROVED.optionalHostPermissions]);
  });

  it('keeps the default CSP, exposes no resources, and declares no data collection', () => {
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.browser_specific_settings).toMatchObject({
      gecko: { id: expect.any(String), data_collection_permissions: { required: ['none'] } },
    });
  });

  it('runs the content script in the top frame of the listed sites only', () => {
    const scripts = manifest.content_scripts as { matches: string[]; all_frames?: boolean }[];
    expect(scripts).toHaveLength(1);
    expect(sorted(scripts[0]!.matches)).toEqual(sorted(APPROVED.hostPermissions));
    expect(scripts[0]!.all_frames).toBe(false);
  });
});
