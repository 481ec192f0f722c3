import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { NAVIGATE_COMMAND, NEWS_SITE_MATCHES, TEST_HOSTS_ENV, TEST_SITE_MATCHES } from './lib/sites.ts';

/** A test build also runs the content script on loopback pages served by the e2e tests. */
const testHosts = process.env[TEST_HOSTS_ENV] === '1';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  imports: false,
  // `wxt dev` would try to launch a browser, which crashes as root without a display.
  webExt: { disabled: true },
  vite: () => ({
    plugins: [preact()],
    // The test-only hook (lib/page/test-hook.ts) exists only in a test build; elsewhere this is
    // `false` and the bundler drops the hook's code.
    define: { 'import.meta.env.NHS_CONTEXT_TEST': JSON.stringify(testHosts) },
    // Extension pages support modulepreload natively; Vite's polyfill would add a `fetch` to them
    // (tests/static/bundle-scan.test.ts allows network code only for pack subscriptions).
    build: { modulePreload: { polyfill: false } },
  }),
  // `npm run zip`: the store packages, named from package.json's version (which is also the
  // manifest's). The Firefox run also writes the sources zip Mozilla's review asks for: what the
  // extension is built from (data/factbase included: the source tiers are read from it) and no
  // tests, benchmarks, CLI or docs; tests/static/store-zips.test.ts rebuilds it and compares.
  zip: {
    artifactTemplate: '{{name}}-{{packageVersion}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{packageVersion}}-sources.zip',
    excludeSources: [
      'tests/**',
      'bench/**',
      'cli/**',
      'bin/**',
      'docs/**',
      'scripts/**',
      'SECURITY.md',
      'eslint.config.js',
      'vitest.*.ts',
      'demo-output/**',
      'screenshots/**',
      'test-results/**',
      'coverage/**',
      '*.log',
    ],
  },
  manifest: ({ browser }) => ({
    name: 'NHS Context',
    description:
      'Annotates UK news about NHS industrial action with dated, sourced facts: who held which role, when strikes and offers happened.',
    // alarms: subscription updates; contextMenus: "Search NHS Context" on selected text.
    permissions: ['storage', 'alarms', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: NEWS_SITE_MATCHES,
    // Other sites only when the user grants them.
    optional_host_permissions: ['https://*/*'],
    commands: {
      [NAVIGATE_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Step through the highlighted mentions on this page',
      },
    },
    // Chrome only (Firefox has no such key): no web page, and — `ids` unset — no other extension
    // may message us. Approved in tests/static/manifest.test.ts.
    ...(browser !== 'firefox' && { externally_connectable: { matches: [] } }),
    // Firefox only: Chromium flags unknown manifest keys.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'nhs-context@example.org', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (testHosts) {
        for (const script of manifest.content_scripts ?? []) {
          script.matches = [...(script.matches ?? []), ...TEST_SITE_MATCHES];
        }
      }
      // MV2 (Firefox's default target) has no optional_host_permissions: hosts go in optional_permissions.
      if (wxt.config.manifestVersion === 2 && manifest.optional_host_permissions) {
        manifest.optional_permissions = [
          ...(manifest.optional_permissions ?? []),
          ...manifest.optional_host_permissions,
        ] as typeof manifest.optional_permissions;
        delete manifest.optional_host_permissions;
      }
    },
  },
});
