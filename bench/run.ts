/**
 * `npm run bench`: every figure beside an anchor measured in the same run, checked against the
 * budgets in bench/budgets.ts. Prints a table and writes bench/results.json. Exits 0 even when a
 * budget is missed (it reports), unless `--strict`. `--quick`: two runs per figure (to check the
 * bench itself). `--no-browser`: skip the Chromium figures. `--browser-only`: only the sizes and the
 * Chromium figures (what the page work needs; the Node, cold-start and CLI rows say "not measured").
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { annotate } from '../lib/detect/annotate.ts';
import { FactIndex } from '../lib/facts/index.ts';
import { browserFigures, CHROMIUM_PATH } from './browser.ts';
import { BUDGETS, type Budget } from './budgets.ts';
import { runCliBatch } from './cli.ts';
import type { ColdResult } from './cold-child.ts';
import { makeInputs, ROOT, TODAY } from './inputs.ts';
import { figure, notMeasured, withAnchor, type Figure } from './measure.ts';
import { nodeFigures } from './node.ts';
import { compromisePlugins, containsCompromise, entrypointSizes, unusedPlugins } from './sizes.ts';

const args = new Set(process.argv.slice(2));
const strict = args.has('--strict');
const quick = args.has('--quick');
const withBrowser = !args.has('--no-browser');
const browserOnly = args.has('--browser-only');
const started = performance.now();
const BUILD_DIR = join(ROOT, '.output', 'bench');
const EXTENSION_DIR = join(BUILD_DIR, 'chrome-mv3');
/** A test build (loopback hosts, test hook) for the stress pages and hover to card. */
const TEST_BUILD_DIR = join(ROOT, '.output', 'bench-test');
const TEST_EXTENSION_DIR = join(TEST_BUILD_DIR, 'chrome-mv3');

const log = (line: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);

/** Runs a command to completion; rejects with its output when it fails. */
function run(cmd: string, argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done(out) : fail(new Error(`${cmd} ${argv.join(' ')} exited ${code}\n${out.slice(-3000)}`)),
    );
  });
}

/** A production build (as `npx wxt build`) in .output/bench, so a concurrent test build is untouched. */
async function productionBuild(): Promise<void> {
  const env = { ...process.env };
  delete env.NHS_CONTEXT_TEST_HOSTS;
  await run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { build } from 'wxt'; await build({ browser: 'chrome', outDir: ${JSON.stringify(BUILD_DIR)} });`,
    ],
    env,
  );
}

/** A test build (as `npm run build:test`) in .output/bench-test. */
async function testBuild(): Promise<void> {
  await run(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { build } from 'wxt'; await build({ browser: 'chrome', outDir: ${JSON.stringify(TEST_BUILD_DIR)} });`,
    ],
    { ...process.env, NHS_CONTEXT_TEST_HOSTS: '1' },
  );
}

function sizeFigures(): Figure[] {
  const out: Figure[] = [];
  for (const e of entrypointSizes(EXTENSION_DIR)) {
    out.push(
      figure(`size.${e.name}`, `${e.name}: gzip -9 of ${e.files.join(' + ')}`, 'KB gz', 'lower', [e.gzip / 1000], {
        note: `${(e.raw / 1000).toFixed(1)} KB raw`,
      }),
    );
  }
  const bg = join(EXTENSION_DIR, 'background.js');
  const { reports, unknown } = compromisePlugins(ROOT, bg);
  const unused = [...unusedPlugins(reports), ...unknown];
  out.push(
    figure(
      'size.background-unused-plugins',
      'compromise plugins in background.js that our code never calls',
      'plugins',
      'lower',
      [unused.length],
      {
        note:
          reports
            .map(
              (r) =>
                `${r.plugin}: ${r.inBundle ? 'bundled' : 'not bundled'}, called in ${r.usedIn.join(', ') || 'nothing'}`,
            )
            .join('; ') + (unknown.length ? `; unknown plugins: ${unknown.join(', ')}` : ''),
      },
    ),
  );
  const content = join(EXTENSION_DIR, 'content-scripts', 'content.js');
  if (existsSync(content))
    out.push(
      figure('size.content-has-compromise', 'compromise inside the content script (1 = yes)', 'flag', 'lower', [
        containsCompromise(content) ? 1 : 0,
      ]),
    );
  return out;
}

async function coldFigures(runs: number): Promise<Figure[]> {
  const results: ColdResult[] = [];
  for (let i = 0; i < runs; i++) {
    const out = await run(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench', 'cold-child.ts')]);
    results.push(JSON.parse(out.trim().split('\n').at(-1)!) as ColdResult);
  }
  const f = (id: string, label: string, unit: string, key: keyof ColdResult, note?: string) =>
    figure(
      id,
      label,
      unit,
      'lower',
      results.map((r) => r[key]),
      note ? { note } : {},
    );
  return [
    f('node.cold-import', 'Node, fresh process: import the pipeline (tsx + compromise evaluation)', 'ms', 'importMs'),
    f(
      'node.cold-first-annotations',
      'Node, fresh process: FactIndex + automaton + first annotate of the seed article',
      'ms',
      'firstAnnotationsMs',
      'module evaluation excluded',
    ),
    f('gazetteer.build-cold', 'automaton build, first in a process (fold table included)', 'ms', 'gazetteerMs'),
    f('facts.index-heap-bundled', 'FactIndex heap, bundled pack (JS heap + array buffers)', 'MB', 'heapIndexBundledMB'),
    f('facts.gazetteer-heap-bundled', 'automaton heap on top, bundled pack', 'MB', 'heapGazetteerBundledMB'),
    f('facts.index-heap-synthetic', 'FactIndex heap, synthetic pack', 'MB', 'heapIndexSyntheticMB'),
    f('facts.gazetteer-heap-synthetic', 'automaton heap on top, synthetic pack', 'MB', 'heapGazetteerSyntheticMB'),
  ];
}

async function cliFigures(
  inputs: ReturnType<typeof makeInputs>,
  anchor: Figure | undefined,
  runs: number,
): Promise<Figure[]> {
  const steady: number[] = [];
  const wall: number[] = [];
  await runCliBatch(inputs.articles.slice(0, 21)); // warm-up: tsx's transform cache
  const startup: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runCliBatch(inputs.articles);
    steady.push(r.steadyPerSec);
    wall.push(inputs.articles.length / (r.wallMs / 1000));
    startup.push((await runCliBatch(inputs.articles.slice(0, 21))).wallMs);
  }
  const n = inputs.articles.length;
  return [
    withAnchor(
      figure(
        'cli.batch',
        `CLI annotate --jsonl, ${n} dev-like 2 KB articles, ${availableParallelism()} workers: steady state`,
        'articles/s',
        'higher',
        steady,
        { note: 'from the first progress report (50 done) to the end' },
      ),
      anchor,
    ),
    withAnchor(
      figure(
        'cli.batch-wall',
        `CLI annotate --jsonl, ${n} articles, whole command (start-up included)`,
        'articles/s',
        'higher',
        wall,
      ),
      anchor,
    ),
    figure(
      'cli.startup',
      'CLI start-up: a 21-line batch (the smallest that starts workers), spawn to exit',
      'ms',
      'lower',
      startup,
    ),
  ];
}

interface BudgetResult extends Budget {
  label: string;
  value: number | null;
  status: 'pass' | 'miss' | 'not measured';
  /** How far past the limit, in the budget's unit (positive = missed by). */
  by: number | null;
}

function checkBudgets(figures: Figure[]): BudgetResult[] {
  return BUDGETS.map((b) => {
    const f = figures.find((x) => x.id === b.figure);
    const value = !f ? null : b.field === 'ratio' ? (f.ratio ?? null) : f.median;
    if (value === null) return { ...b, label: f?.label ?? b.figure, value, status: 'not measured' as const, by: null };
    const ok = b.op === 'max' ? value <= b.limit : value >= b.limit;
    const by = b.op === 'max' ? value - b.limit : b.limit - value;
    return { ...b, label: f!.label, value, status: ok ? ('pass' as const) : ('miss' as const), by };
  });
}

const fmt = (x: number | null | undefined): string => {
  if (x === null || x === undefined) return '—';
  const a = Math.abs(x);
  return a >= 100
    ? x.toFixed(0)
    : a >= 10
      ? x.toFixed(1)
      : a >= 1
        ? x.toFixed(2)
        : a >= 0.01
          ? x.toFixed(3)
          : x.toFixed(4);
};

function table(figures: Figure[]): string {
  const rows = [['figure', 'median', 'min', 'max', 'unit', 'anchor (same run)', 'ratio']];
  for (const f of figures) {
    if (f.notMeasured) {
      rows.push([f.label, f.notMeasured, '', '', '', '', '']);
      continue;
    }
    rows.push([
      f.label,
      fmt(f.median),
      fmt(f.min),
      fmt(f.max),
      f.unit,
      f.anchor ? `${fmt(f.anchor.median)} ${f.anchor.unit} — ${f.anchor.id.replace(/^anchor\./, '')}` : '',
      f.ratio !== undefined ? `${fmt(f.ratio)}×` : '',
    ]);
  }
  return markdown(rows);
}

function budgetTable(results: BudgetResult[]): string {
  const rows = [['target', 'value', 'limit', 'status']];
  for (const r of results) {
    const unit = r.field === 'ratio' ? '×' : r.unit;
    const pct =
      r.value !== null && r.by !== null && r.limit !== 0 ? ` (${fmt((100 * Math.abs(r.by)) / r.limit)}%)` : '';
    const status = r.status === 'miss' ? `MISS by ${fmt(Math.abs(r.by!))} ${unit}${pct}` : r.status;
    rows.push([
      r.target,
      r.value === null ? '—' : `${fmt(r.value)} ${unit}`,
      `${r.op === 'max' ? '≤' : '≥'} ${r.limit} ${unit}`,
      status,
    ]);
  }
  return markdown(rows);
}

function markdown(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

function chromiumVersion(): string | null {
  try {
    return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? '',
    loadavgBefore: loadavg(),
    node: process.version,
    chromium: chromiumVersion(),
  };
  log(
    `${machine.cpus} cores, load ${machine.loadavgBefore.map((x) => x.toFixed(2)).join(' ')}, Node ${machine.node}, ${machine.chromium ?? 'no Chromium'}`,
  );
  const figures: Figure[] = [];
  log('inputs');
  const inputs = makeInputs();
  log(
    `inputs: ${inputs.text1m.bytes} B mixed text, ${inputs.page1m.bytes} B page (${inputs.page1m.nodes} nodes), ${inputs.articles.length} articles`,
  );

  log('production build (wxt build -b chrome → .output/bench/chrome-mv3)');
  let built = true;
  try {
    await productionBuild();
    figures.push(...sizeFigures());
  } catch (error) {
    built = false;
    log(`build failed: ${(error as Error).message.split('\n')[0]}`);
    figures.push(
      notMeasured('size.content', 'content script size', 'KB gz', 'lower', 'not measured: the production build failed'),
    );
  }

  if (!browserOnly) {
    const node = await nodeFigures({ inputs, log, quick });
    figures.push(...node.figures);

    log('cold start and heap (fresh processes)');
    figures.push(...(await coldFigures(quick ? 1 : 3)));

    log('CLI batch');
    try {
      figures.push(...(await cliFigures(inputs, node.anchors['anchor.compromise-batch'], quick ? 1 : 3)));
    } catch (error) {
      figures.push(
        notMeasured(
          'cli.batch',
          'CLI batch',
          'articles/s',
          'higher',
          `not measured: ${(error as Error).message.split('\n')[0]}`,
        ),
      );
    }
  } else {
    figures.push(notMeasured('pipeline.seed', 'Node figures', 'ms', 'lower', 'not measured: --browser-only'));
  }

  if (withBrowser && built && existsSync(CHROMIUM_PATH)) {
    const index = FactIndex.fromPacks([inputs.bundledPack]);
    let testExtensionDir: string | undefined;
    try {
      log('test build (NHS_CONTEXT_TEST_HOSTS=1 → .output/bench-test/chrome-mv3)');
      await testBuild();
      testExtensionDir = TEST_EXTENSION_DIR;
    } catch (error) {
      log(`test build failed: ${(error as Error).message.split('\n')[0]}`);
    }
    try {
      const b = await browserFigures({
        inputs,
        extensionDir: EXTENSION_DIR,
        testExtensionDir,
        log,
        quick,
        annotateInNode: (page) => annotate(page, index, { today: TODAY }),
      });
      // The service worker's anchors: the same work in Node, in the same run.
      for (const f of b) {
        if (f.id === 'sw.cold')
          figures.push(
            withAnchor(
              f,
              figures.find((x) => x.id === 'node.cold-first-annotations'),
            ),
          );
        else if (f.id === 'sw.warm')
          figures.push(
            withAnchor(
              f,
              figures.find((x) => x.id === 'pipeline.seed'),
            ),
          );
        else figures.push(f);
      }
    } catch (error) {
      log(`Chromium figures failed: ${(error as Error).stack ?? error}`);
      figures.push(
        notMeasured(
          'sw.cold',
          'service worker cold',
          'ms',
          'lower',
          `not measured: ${(error as Error).message.split('\n')[0]}`,
        ),
      );
    }
  } else {
    const why = !withBrowser ? '--no-browser' : !built ? 'no production build' : `no Chromium at ${CHROMIUM_PATH}`;
    figures.push(notMeasured('sw.cold', 'Chromium figures', 'ms', 'lower', `not measured: ${why}`));
  }

  const budgets = checkBudgets(figures);
  const durationMs = performance.now() - started;
  const anchors = figures.filter((f) => f.isAnchor);
  const measured = figures.filter((f) => !f.isAnchor);
  const report = [
    `NHS Context bench — ${new Date().toISOString()} — ${machine.cpus} cores (${machine.cpu}), Node ${machine.node}, ${machine.chromium ?? 'no Chromium'}`,
    `load average before/after: ${machine.loadavgBefore.map((x) => x.toFixed(2)).join(' ')} / ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}; ${(durationMs / 1000).toFixed(0)} s${quick ? ' (--quick)' : ''}`,
    '',
    '## Anchors (measured in this run)',
    table(anchors),
    '',
    '## Figures',
    table(measured),
    '',
    '## Budgets (bench/budgets.ts)',
    budgetTable(budgets),
  ].join('\n');
  process.stdout.write(report + '\n');
  writeFileSync(
    join(ROOT, 'bench', 'results.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        quick,
        machine: { ...machine, loadavgAfter: loadavg() },
        durationMs,
        figures,
        budgets,
      },
      null,
      2,
    ) + '\n',
  );
  const missed = budgets.filter((b) => b.status === 'miss').length;
  const unmeasured = budgets.filter((b) => b.status === 'not measured').length;
  process.stdout.write(
    `\n${budgets.length - missed - unmeasured} budgets met, ${missed} missed, ${unmeasured} not measured; results in bench/results.json\n`,
  );
  return strict && missed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
