#!/usr/bin/env node
// nhs-context: the CLI (cli/main.ts) runs in the repo without a build step. The first run after a
// source change bundles cli/ and lib/ with esbuild into .cli-build/ (one level below the repo root,
// like cli/, so paths relative to the module still resolve); later runs and the batch worker
// threads load that plain JavaScript directly, which starts far faster than transpiling on the fly.
// If bundling fails for any reason, the CLI runs through tsx instead.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = join(root, '.cli-build');

process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

/** A fingerprint of every source file the bundle is made from (paths, sizes, modification times). */
function fingerprint() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|mjs|js)$/.test(entry.name)) {
        const s = statSync(path);
        hash.update(`${path}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ['cli', 'lib']) walk(join(root, dir));
  hash.update(String(statSync(join(root, 'package.json')).mtimeMs));
  return hash.digest('hex').slice(0, 16);
}

/** The bundled main module's URL, building it if the sources changed; null if bundling is unavailable. */
async function bundled() {
  if (process.env.NHS_CONTEXT_NO_BUNDLE) return null;
  try {
    const stamp = fingerprint();
    const main = join(buildDir, `main-${stamp}.mjs`);
    if (!existsSync(main)) {
      const { build } = await import('esbuild');
      const tmp = join(buildDir, `tmp-${process.pid}-${Date.now()}`);
      mkdirSync(tmp, { recursive: true });
      await build({
        entryPoints: { main: join(root, 'cli/main.ts'), 'batch-worker': join(root, 'cli/batch-worker.ts') },
        outdir: tmp,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        outExtension: { '.js': '.mjs' },
        logLevel: 'silent',
      });
      // The worker is looked up beside the main module; rename atomically so concurrent runs agree.
      renameSync(join(tmp, 'batch-worker.mjs'), join(buildDir, 'batch-worker.mjs'));
      renameSync(join(tmp, 'main.mjs'), main);
      rmSync(tmp, { recursive: true, force: true });
      for (const f of readdirSync(buildDir))
        if (/^main-.*\.mjs$/.test(f) && join(buildDir, f) !== main) rmSync(join(buildDir, f), { force: true });
    }
    return pathToFileURL(main).href;
  } catch {
    return null;
  }
}

const url = await bundled();
let main;
if (url) ({ main } = await import(url));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
