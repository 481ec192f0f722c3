/**
 * A production build of the extension, run from a test. The test runner's environment must not
 * leak into it: vitest sets NODE_ENV=test (Vite then builds differently) and a test build is
 * asked for with NHS_CONTEXT_TEST_HOSTS; both are removed, so the output is what `npm run zip` ships.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Run `wxt build -b BROWSER` in `cwd` (default: the repository); throws with the output on failure. */
export function productionBuild(browser: 'chrome' | 'firefox', cwd = ROOT): void {
  const env = { ...process.env };
  delete env.NODE_ENV;
  delete env.NHS_CONTEXT_TEST_HOSTS;
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build', '-b', browser], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (build.status !== 0) {
    throw new Error(
      `wxt build -b ${browser} in ${cwd} failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`,
    );
  }
}
