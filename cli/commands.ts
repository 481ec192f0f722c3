/**
 * The CLI's commands, run with explicit streams (see io.ts). The pipeline (compromise and all) is
 * imported only after the input has been read, so bad input fails fast.
 */
import type { AnnotateResult } from '../lib/protocol/annotations.ts';
import type { PageText } from '../lib/protocol/page-text.ts';
import { FactIndex } from '../lib/facts/index.ts';
import { todayIso } from '../lib/util/dates.ts';
import { type Format, renderExport } from './formats.ts';
import { InputError, readInput } from './input.ts';
import type { Io } from './io.ts';
import { formatPackErrors, loadPacks, readPackFile } from './pack.ts';
import { pageFromInput } from './page.ts';

/** Options shared by `annotate` and `claims`. */
export interface AnnotateArgs {
  input: string;
  published?: string;
  pack?: string;
  today?: string;
}

/** Reads the input, builds the page and annotates it with the packs. */
export async function annotateInput(args: AnnotateArgs, io: Io): Promise<{ page: PageText; result: AnnotateResult }> {
  const input = await readInput(args.input, io.stdin);
  const page = await pageFromInput(input, { published: args.published, today: args.today });
  const index = FactIndex.fromPacks(await loadPacks(args.pack));
  const { annotate } = await import('../lib/detect/annotate.ts');
  return { page, result: annotate(page, index, { today: args.today }) };
}

/** `annotate FILE|URL|-`: `{page, annotations, cards, claims}` (json) or an export format. */
export async function annotateCommand(args: AnnotateArgs & { format: Format }, io: Io): Promise<number> {
  const { page, result } = await annotateInput(args, io);
  if (args.format === 'json') {
    io.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return 0;
  }
  const created = args.today ? `${args.today}T00:00:00.000Z` : new Date().toISOString();
  const text = renderExport(args.format, result, page, created);
  io.stdout.write(text.endsWith('\n') ? text : text + '\n');
  return 0;
}

/** `annotate --jsonl [FILE|-]`. */
export async function batchCommand(
  args: { input: string; pack?: string; today?: string; progress: boolean },
  io: Io,
): Promise<number> {
  const packs = await loadPacks(args.pack);
  const { runBatch } = await import('./batch.ts');
  return runBatch(args.input, io, { packs, today: args.today, progress: args.progress });
}

/** `claims FILE`: the claim checks as JSON. */
export async function claimsCommand(args: AnnotateArgs, io: Io): Promise<number> {
  const { result } = await annotateInput(args, io);
  io.stdout.write(JSON.stringify(result.claims, null, 2) + '\n');
  return 0;
}

/** `validate-pack FILE`: counts when valid (exit 0), else every error with its JSON path (exit 1). */
export async function validatePackCommand(path: string, io: Io): Promise<number> {
  const result = await readPackFile(path);
  if (result.ok) {
    const { entities, events, facts } = result.pack;
    io.stdout.write(`valid: ${entities.length} entities, ${events.length} events, ${facts.length} facts\n`);
    return 0;
  }
  io.stdout.write(formatPackErrors(result.errors) + '\n');
  io.stderr.write(`invalid: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}\n`);
  return 1;
}

/** `eval GOLD.jsonl`: precision, recall and F1 by type (cli/eval.ts). */
export async function evalCommand(
  gold: string,
  args: {
    pack?: string;
    predictions?: string;
    today?: string;
    verbose: boolean;
    checkNlp?: boolean;
    claims?: string;
  },
  io: Io,
): Promise<number> {
  const { runEval, checkSelective } = await import('./eval.ts');
  const index = FactIndex.fromPacks(await loadPacks(args.pack));
  const today = args.today ?? todayIso();
  let text: string;
  try {
    if (args.checkNlp) {
      const check = checkSelective(gold, index, today);
      io.stdout.write(check.text + '\n');
      return check.same ? 0 : 1;
    }
    ({ text } = runEval(gold, {
      index,
      predictions: args.predictions,
      today,
      verbose: args.verbose,
      claims: args.claims,
    }));
  } catch (err) {
    // readGold and readPredictions name the file and line of a bad record.
    throw new InputError(`eval: ${(err as Error).message}`);
  }
  io.stdout.write(text + '\n');
  return 0;
}
