#!/usr/bin/env node
/**
 * `npm test`: typecheck, lint, unit tests, the store packages (production builds and zips) with
 * static gates (web-ext lint on the Firefox zip, manifest contract, bundle scan, a rebuild from the
 * sources zip), a test build for Chromium, end-to-end tests (Chromium with the test build, Firefox
 * ESR with a production build).
 * Every stage runs (a failure does not hide the next stage's news) except e2e after a failed build,
 * which would test a stale or missing extension. The last line is exactly `N passed, N failed`:
 * the sum of all vitest tests, plus one failure per failed typecheck, lint or build.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const STAGE_TIMEOUT_MS = 10 * 60_000;
const work = mkdtempSync(join(tmpdir(), 'nhs-context-test-'));

/** Run a command with inherited output; resolves to its exit code (a timeout or spawn error is 1). */
function run(command, args, env = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    const timer = setTimeout(() => {
      console.error(`\n${command} took over ${STAGE_TIMEOUT_MS / 60_000} minutes; stopping it.`);
      child.kill('SIGKILL');
    }, STAGE_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      console.error(`could not start ${command}: ${error.message}`);
      done(1);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done(code ?? 1);
    });
  });
}

/** A static stage: one failure when it fails. */
async function staticStage(name, command, args, env) {
  banner(name);
  const code = await run(command, args, env);
  return { name, passed: 0, failed: code === 0 ? 0 : 1, ok: code === 0 };
}

/** A vitest stage, counted from its JSON report; a run that left no report is one failure. */
async function vitestStage(name, args) {
  banner(name);
  const report = join(work, `${name}.json`);
  const code = await run(bin('vitest'), [
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  let counts;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    counts = { passed: json.numPassedTests ?? 0, failed: json.numFailedTests ?? 0 };
  } catch {
    console.error(`${name}: vitest left no readable report (exit code ${code}).`);
    counts = { passed: 0, failed: 1 };
  }
  // A non-zero exit with no failed test (a file that failed to load, an unhandled error) still fails.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return { name, ...counts, ok: code === 0 && counts.failed === 0 };
}

function banner(name) {
  console.log(`\n=== ${name} ===`);
}

async function main() {
  const results = [];
  results.push(await staticStage('typecheck', bin('tsc'), ['--noEmit']));
  results.push(await staticStage('lint', bin('eslint'), ['.']));
  results.push(await vitestStage('unit', []));
  // Static gates on the store packages (Chrome and Firefox, in .output/audit/): web-ext lint, then
  // the manifest contract, the bundle scan and the sources-zip rebuild.
  const audit = await staticStage('audit', process.execPath, [join(root, 'scripts', 'build-audit.mjs')]);
  results.push(audit);
  if (audit.ok) {
    results.push(await vitestStage('static', ['--config', 'vitest.static.config.ts']));
  } else {
    console.log('\n=== static ===\nskipped: the production builds failed.');
  }
  const build = await staticStage('build', bin('wxt'), ['build', '-b', 'chrome'], { NHS_CONTEXT_TEST_HOSTS: '1' });
  results.push(build);
  if (build.ok) {
    results.push(await vitestStage('e2e', ['--config', 'vitest.e2e.config.ts']));
  } else {
    console.log('\n=== e2e ===\nskipped: the build failed, so there is no extension to test.');
  }

  console.log('\n=== summary ===');
  for (const r of results) {
    const detail =
      r.name === 'unit' || r.name === 'static' || r.name === 'e2e'
        ? `${r.passed} passed, ${r.failed} failed`
        : r.ok
          ? 'ok'
          : 'FAILED';
    console.log(`${r.name.padEnd(10)} ${detail}`);
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(error);
  console.log('0 passed, 1 failed');
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = exitCode;
