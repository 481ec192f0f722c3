/**
 * `nhs-context`: the command line. Parses arguments, runs a command, maps
 * failures to exit codes: 0 ok, 1 invalid pack (validate-pack) or internal error, 2 usage or input.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dateAsWritten } from '../lib/page/meta.ts';
import { checkFormat } from './formats.ts';
import { InputError } from './input.ts';
import { type Io, processIo, UsageError } from './io.ts';

const USAGE = `Usage: nhs-context <command> [options]

Commands:
  annotate FILE|URL|-        annotate an article (HTML or plain text)
  annotate --jsonl [FILE|-]  one {id, text, published?, url?} per line in, {id, annotations} out
  claims FILE|URL|-          print the claim checks
  validate-pack FILE         check a fact pack
  eval GOLD.jsonl            precision, recall and F1 against gold annotations
  eval GOLD.jsonl --claims CLAIMS.jsonl
                             claim recall, verdict accuracy and false differs against gold claims

Options:
  -f, --format FORMAT   json (default); w3c, hypothesis, csv, md, claimreview when available
      --published DATE  the article's date (YYYY-MM-DD), overriding the page's own
      --pack FILE       use this fact pack instead of the bundled one
      --today DATE      the date to treat as today (for reproducible output)
      --progress        report batch progress on stderr (default: when stderr is a terminal)
      --predictions F   eval: score this --jsonl output instead of running the pipeline
      --claims FILE     eval: score the claim checks against this gold claims file
      --verbose         eval: list misses and extras (and, with --claims, wrong verdicts)
      --check-nlp       eval: check that compromise only where needed gives the same annotations
                        as compromise over every sentence (exit 1 if not)
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 ok; 1 invalid pack or internal error; 2 bad usage or unreadable input.`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  published: { type: 'string' },
  pack: { type: 'string' },
  today: { type: 'string' },
  jsonl: { type: 'boolean' },
  progress: { type: 'boolean' },
  predictions: { type: 'string' },
  claims: { type: 'string' },
  verbose: { type: 'boolean' },
  'check-nlp': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Values = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err as Error).message;
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    throw new UsageError(unknown ? `unknown option '${unknown[1]}' (see --help)` : message.split('\n')[0]!);
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function isoDate(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || dateAsWritten(value) !== value) {
    throw new UsageError(`--${name} must be a date as YYYY-MM-DD, not '${value}'`);
  }
  return value;
}

function one(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`expected one ${what} (see --help)`);
  return positionals[0]!;
}

async function annotateCmd(args: string[], v: Values, io: Io): Promise<number> {
  const format = checkFormat(v.format ?? 'json');
  const common = { pack: v.pack, today: isoDate('today', v.today) };
  const cmd = await import('./commands.ts');
  if (v.jsonl) {
    if (format !== 'json') throw new UsageError('--jsonl writes JSON lines; --format does not apply');
    if (v.published) throw new UsageError('--jsonl takes each line\'s own "published"; --published does not apply');
    if (args.length > 1) throw new UsageError('annotate --jsonl takes at most one FILE (or - for stdin)');
    const progress = v.progress ?? !!io.stderr.isTTY;
    return cmd.batchCommand({ input: args[0] ?? '-', ...common, progress }, io);
  }
  const input = one(args, 'FILE, URL or - to annotate');
  return cmd.annotateCommand({ input, format, published: isoDate('published', v.published), ...common }, io);
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parse(argv);
  const [command, ...args] = positionals;
  if (v.help) return (io.stdout.write(USAGE + '\n'), 0);
  if (v.version) return (io.stdout.write(version() + '\n'), 0);
  switch (command) {
    case 'annotate':
      return annotateCmd(args, v, io);
    case 'claims': {
      const input = one(args, 'FILE, URL or - to check');
      const cmd = await import('./commands.ts');
      return cmd.claimsCommand(
        { input, published: isoDate('published', v.published), pack: v.pack, today: isoDate('today', v.today) },
        io,
      );
    }
    case 'validate-pack':
      return (await import('./commands.ts')).validatePackCommand(one(args, 'pack FILE'), io);
    case 'eval': {
      const gold = one(args, 'GOLD.jsonl file');
      const opts = {
        pack: v.pack,
        predictions: v.predictions,
        today: isoDate('today', v.today),
        verbose: !!v.verbose,
        checkNlp: !!v['check-nlp'],
        claims: v.claims,
      };
      return (await import('./commands.ts')).evalCommand(gold, opts, io);
    }
    case undefined:
      io.stderr.write(USAGE + '\n');
      return 2;
    default:
      throw new UsageError(`unknown command '${command}' (see --help)`);
  }
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. Never throws. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    return report(err, io);
  }
}

function report(err: unknown, io: Io): number {
  const e = err as Error & { errors?: { path: string; message: string }[]; source?: string };
  if (err instanceof UsageError || err instanceof InputError) {
    io.stderr.write(`nhs-context: ${e.message}\n`);
    return 2;
  }
  if (e?.name === 'PackLoadError' && Array.isArray(e.errors)) {
    io.stderr.write(`nhs-context: ${e.message}\n`);
    for (const x of e.errors) io.stderr.write(`${x.path || '$'}: ${x.message}\n`);
    return 2;
  }
  io.stderr.write(`nhs-context: ${e?.stack ?? String(err)}\n`);
  return 1;
}
