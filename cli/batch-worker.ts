/**
 * A batch worker thread: builds the FactIndex once from the packs in workerData, then answers
 * `{first, lines}` jobs with `{first, outputs}` (one output line per input line, same order).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FactIndex } from '../lib/facts/index.ts';
import type { Pack } from '../lib/facts/schema.ts';
import { annotateLine, OVERSIZE } from './batch-line.ts';

/** A job sent to a worker; `null` stands for an oversized line. */
export interface BatchJob {
  first: number;
  lines: (string | null)[];
}

/** A worker's answer to one job. */
export interface BatchReply {
  first: number;
  outputs: string[];
}

const { packs, today } = workerData as { packs: Pack[]; today?: string };
const index = FactIndex.fromPacks(packs);

parentPort!.on('message', (job: BatchJob) => {
  const outputs = job.lines.map((line) => annotateLine(line ?? OVERSIZE, index, today));
  parentPort!.postMessage({ first: job.first, outputs } satisfies BatchReply);
});
