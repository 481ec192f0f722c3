/**
 * Firefox smoke test: Debian's firefox-esr, headless, runs a Firefox test build (which also
 * matches 127.0.0.1) through `web-ext run`. Playwright cannot drive stock Firefox, so the page
 * itself reports back to the local test server what the extension highlighted.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness.ts';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const BUILD_DIR = join(ROOT, '.output', 'firefox-mv2');
const REPORT_TIMEOUT_MS = 60_000;

/** Polls the page's own view of the CSS highlight registry and posts what it sees. */
const REPORTER = `<script>
(() => {
  const started = Date.now();
  const tick = () => {
    const names = ['nhs-context-entity', 'nhs-context-event', 'nhs-context-claim'];
    const counts = Object.fromEntries(names.map((n) => [n, CSS.highlights && CSS.highlights.has(n) ? CSS.highlights.get(n).size : 0]));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total > 0 || Date.now() - started > 45000) {
      fetch('/report', { method: 'POST', body: JSON.stringify({ counts, total, text: document.body.innerText.length }) });
    } else setTimeout(tick, 250);
  };
  tick();
})();
</script>`;

describe('Firefox (web-ext run, firefox-esr headless)', () => {
  let server: Server;
  let webExt: ChildProcess | undefined;
  let profile: string;
  let report: Promise<{ counts: Record<string, number>; total: number }>;

  beforeAll(async () => {
    if (!existsSync(FIREFOX))
      throw new Error(
        `Firefox not found at ${FIREFOX}. Install it with: apt-get install -y firefox-esr (as root), or set FIREFOX_PATH.`,
      );
    const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build', '-b', 'firefox'], {
      cwd: ROOT,
      env: { ...process.env, NHS_CONTEXT_TEST_HOSTS: '1' },
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`Firefox test build failed:\n${build.stdout}\n${build.stderr}`);
    const html = readFileSync(join(ROOT, 'tests', 'fixtures', 'seed-article.html'), 'utf8').replace(
      '</body>',
      `${REPORTER}</body>`,
    );
    let resolveReport!: (r: { counts: Record<string, number>; total: number }) => void;
    report = new Promise((r) => (resolveReport = r));
    server = createServer((req, res) => {
      if (req.method === 'POST' && req.url === '/report') {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          resolveReport(JSON.parse(body));
          res.end('ok');
        });
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    profile = mkdtempSync(join(tmpdir(), 'nhs-context-firefox-'));
    webExt = spawn(
      join(ROOT, 'node_modules', '.bin', 'web-ext'),
      [
        'run',
        '--no-input',
        '--no-reload',
        '--firefox',
        FIREFOX,
        '--source-dir',
        BUILD_DIR,
        '--firefox-profile',
        profile,
        '--start-url',
        `http://127.0.0.1:${port}/seed-article.html`,
        '--arg=-headless',
        '--pref=datareporting.policy.dataSubmissionEnabled=false',
        '--pref=browser.shell.checkDefaultBrowser=false',
      ],
      { cwd: ROOT, stdio: 'ignore', detached: true, env: { ...process.env, MOZ_HEADLESS: '1' } },
    );
  }, 120_000);

  afterAll(async () => {
    if (webExt?.pid) {
      try {
        process.kill(-webExt.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('annotates the seed article', async () => {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no report from the page within 60 s')), REPORT_TIMEOUT_MS).unref(),
    );
    const r = await Promise.race([report, timeout]);
    expect(r.counts['nhs-context-entity']).toBeGreaterThan(10);
  }, 90_000);
});
