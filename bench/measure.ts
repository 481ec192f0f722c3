/**
 * Figures, runs and anchors: how the bench times things and what it records for each figure.
 * A figure keeps every run; the table shows median, min and max, and the ratio of the median to the
 * anchor measured in the same run ("times better", whichever direction better is).
 */

export type Better = 'lower' | 'higher';

export interface Anchor {
  /** Id of the anchor figure. */
  id: string;
  label: string;
  median: number;
  unit: string;
}

export interface Figure {
  id: string;
  label: string;
  unit: string;
  better: Better;
  /** Every run, in order (empty when not measured). */
  runs: number[];
  median: number | null;
  min: number | null;
  max: number | null;
  /** An anchor figure: measured only to compare others with. */
  isAnchor?: boolean;
  anchor?: Anchor;
  /** How many times better than the anchor (median over median). */
  ratio?: number;
  /** Why there is no value, when there is none. */
  notMeasured?: string;
  note?: string;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A figure from its runs. */
export function figure(
  id: string,
  label: string,
  unit: string,
  better: Better,
  runs: readonly number[],
  extra: Partial<Pick<Figure, 'note' | 'isAnchor'>> = {},
): Figure {
  return {
    id,
    label,
    unit,
    better,
    runs: [...runs],
    median: runs.length ? median(runs) : null,
    min: runs.length ? Math.min(...runs) : null,
    max: runs.length ? Math.max(...runs) : null,
    ...extra,
  };
}

/** A figure that could not be measured, and why. */
export function notMeasured(id: string, label: string, unit: string, better: Better, reason: string): Figure {
  return { id, label, unit, better, runs: [], median: null, min: null, max: null, notMeasured: reason };
}

/** Attaches an anchor (same unit) and the ratio "times better than the anchor". */
export function withAnchor(f: Figure, a: Figure | undefined): Figure {
  if (!a || f.median === null || a.median === null || f.median === 0 || a.median === 0) return f;
  const ratio = f.better === 'higher' ? f.median / a.median : a.median / f.median;
  return { ...f, anchor: { id: a.id, label: a.label, median: a.median, unit: a.unit }, ratio };
}

/**
 * Like withAnchor, for a figure timed in turn with its anchor (timeInterleaved): the ratio is the
 * median of the per-round ratios, which cancels load that changes between rounds.
 */
export function withPairedAnchor(f: Figure, a: Figure): Figure {
  const anchored = withAnchor(f, a);
  if (f.runs.length === 0 || f.runs.length !== a.runs.length) return anchored;
  const per = f.runs.map((x, i) => (f.better === 'higher' ? x / a.runs[i]! : a.runs[i]! / x));
  return { ...anchored, ratio: median(per) };
}

export interface TimeOptions {
  /** Runs recorded (after warm-up). */
  runs: number;
  /** Unrecorded runs first (JIT, caches). */
  warmup?: number;
  /** Stop early once this much time has been spent on recorded runs (at least one run is kept). */
  budgetMs?: number;
  /** Called before each run, untimed. */
  before?: () => void;
}

/** Milliseconds per run of a synchronous function. */
export function timeSync(fn: () => unknown, opts: TimeOptions): number[] {
  for (let i = 0; i < (opts.warmup ?? 1); i++) {
    opts.before?.();
    fn();
  }
  const out: number[] = [];
  const started = performance.now();
  for (let i = 0; i < opts.runs; i++) {
    opts.before?.();
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
    if (opts.budgetMs !== undefined && performance.now() - started > opts.budgetMs) break;
  }
  return out;
}

/**
 * Milliseconds per run of several functions, run in turn within each round (A B C, A B C, …), so a
 * change in the machine's load hits all of them alike and their ratios stay meaningful.
 */
export function timeInterleaved(fns: readonly (() => unknown)[], opts: TimeOptions): number[][] {
  for (let i = 0; i < (opts.warmup ?? 1); i++) for (const fn of fns) fn();
  const out: number[][] = fns.map(() => []);
  for (let i = 0; i < opts.runs; i++) {
    fns.forEach((fn, k) => {
      const t = performance.now();
      fn();
      out[k]!.push(performance.now() - t);
    });
  }
  return out;
}

/** Milliseconds per run of an async function. */
export async function timeAsync(fn: () => Promise<unknown>, opts: TimeOptions): Promise<number[]> {
  for (let i = 0; i < (opts.warmup ?? 1); i++) {
    opts.before?.();
    await fn();
  }
  const out: number[] = [];
  const started = performance.now();
  for (let i = 0; i < opts.runs; i++) {
    opts.before?.();
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
    if (opts.budgetMs !== undefined && performance.now() - started > opts.budgetMs) break;
  }
  return out;
}

/**
 * Per-call milliseconds of a very short function: each run times `reps` calls and divides, so
 * timer resolution does not dominate.
 */
export function timePerCall(fn: (i: number) => unknown, reps: number, opts: TimeOptions): number[] {
  return timeSync(() => {
    for (let i = 0; i < reps; i++) fn(i);
  }, opts).map((ms) => ms / reps);
}

/** MB/s (MB = 10^6 bytes) from milliseconds per run over `bytes`. */
export function rates(bytes: number, msRuns: readonly number[]): number[] {
  return msRuns.map((ms) => bytes / 1e6 / (ms / 1000));
}

/** Items per second from milliseconds per run over `count` items. */
export function perSecond(count: number, msRuns: readonly number[]): number[] {
  return msRuns.map((ms) => count / (ms / 1000));
}
