#!/usr/bin/env node
/**
 * Static gates, step 1 (`npm test` stage "audit"): the store packages, exactly as `npm run zip`
 * makes them (production builds for Chrome and Firefox, their zips and the sources zip), in
 * `.output/audit/` (apart from the test build the e2e tests use), then `web-ext lint` on the
 * Firefox add-on zip. Exits non-zero when a build fails or the linter reports an error; warnings are
 * printed here and checked against the reviewed list in tests/static/web-ext-lint.test.ts.
 * The static tests (vitest.static.config.ts) then read the builds and `web-ext-lint.json`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
export const AUDIT_DIR = join(root, '.output', 'audit');

// A production build: never the loopback test hosts or the test hooks.
delete process.env.NHS_CONTEXT_TEST_HOSTS;

/** Run a command, capturing stdout; resolves to { code, stdout }. */
function run(command, args) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('error', (error) => done({ code: 1, stdout: String(error) }));
    child.on('close', (code) => done({ code: code ?? 1, stdout }));
  });
}

async function main() {
  rmSync(AUDIT_DIR, { recursive: true, force: true });
  mkdirSync(AUDIT_DIR, { recursive: true });
  const { zip } = await import('wxt');
  const zips = [];
  for (const browser of ['chrome', 'firefox']) {
    zips.push(...(await zip({ root, browser, mode: 'production', outDir: AUDIT_DIR })));
  }
  const firefoxZip = zips.find((z) => z.endsWith('-firefox.zip'));
  if (!firefoxZip) {
    console.error(`no Firefox add-on zip among ${zips.join(', ')}`);
    return 1;
  }

  const webExt = join(root, 'node_modules', '.bin', 'web-ext');
  const lint = await run(webExt, ['lint', '--source-dir', firefoxZip, '--output', 'json', '--no-config-discovery']);
  let report;
  try {
    report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{')));
  } catch {
    console.error(`web-ext lint gave no JSON report (exit code ${lint.code}):\n${lint.stdout}`);
    return 1;
  }
  writeFileSync(join(AUDIT_DIR, 'web-ext-lint.json'), JSON.stringify(report, null, 2));
  const { errors, warnings, notices } = report.summary;
  console.log(
    `web-ext lint (${relative(root, firefoxZip)}): ${errors} errors, ${warnings} warnings, ${notices} notices`,
  );
  for (const kind of ['errors', 'warnings', 'notices']) {
    for (const m of report[kind])
      console.log(`  ${kind.slice(0, -1)} ${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`);
  }
  return errors === 0 ? 0 : 1;
}

process.exitCode = await main().catch((error) => {
  console.error(error);
  return 1;
});
