/**
 * CLI batch: `nhs-context annotate --jsonl FILE` over the dev-like articles, as a user runs it (a
 * child process, worker threads, one per core). Two figures per run: the whole command (start-up
 * included) and the steady state (from the first progress line to the end).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BatchRecord } from './generate.ts';
import { ROOT, TODAY } from './inputs.ts';

export interface CliRun {
  /** Spawn to exit. */
  wallMs: number;
  /** Articles annotated per second between the first progress report and the end. */
  steadyPerSec: number;
  lines: number;
}

/** Runs the CLI once over `records`; rejects if it fails or writes the wrong number of lines. */
export async function runCliBatch(records: readonly BatchRecord[]): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), 'nhs-context-bench-'));
  const file = join(dir, 'articles.jsonl');
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  try {
    return await new Promise<CliRun>((done, fail) => {
      const start = performance.now();
      const child = spawn(
        process.execPath,
        [join(ROOT, 'bin', 'nhs-context.mjs'), 'annotate', '--jsonl', file, '--progress', '--today', TODAY],
        {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let lines = 0;
      let stderr = '';
      let firstProgress: { at: number; n: number } | null = null;
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines++;
      });
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
        const m = /annotated (\d+)\//.exec(chunk);
        if (m && !firstProgress) firstProgress = { at: performance.now(), n: Number(m[1]) };
      });
      child.on('error', fail);
      child.on('close', (code) => {
        const end = performance.now();
        if (code !== 0 || lines !== records.length) {
          fail(new Error(`CLI batch: exit ${code}, ${lines}/${records.length} lines\n${stderr.slice(-2000)}`));
          return;
        }
        const p = firstProgress as { at: number; n: number } | null;
        const steady =
          p && end > p.at ? (records.length - p.n) / ((end - p.at) / 1000) : records.length / ((end - start) / 1000);
        done({ wallMs: end - start, steadyPerSec: steady, lines });
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
