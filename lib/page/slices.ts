/**
 * Long work in short slices: the page read and the highlight pass are written as generators that
 * `yield` at safe points (every few dozen nodes or ranges); a driver runs them either at once
 * (`runNow`: the CLI, tests) or in slices of about `SLICE_MS`, giving the page the main thread in
 * between (`runSliced`: the content script), so none of our tasks comes near the 50 ms that
 * counts as a long task, whatever the page's size.
 */

/** Work per slice before yielding to the page: half a frame at 60 Hz, well under a long task. */
export const SLICE_MS = 8;

/** Work written as a generator: `yield` marks a point where it may pause; the return value is the result. */
export type Steps<T> = Generator<void, T, void>;

/** Run the steps to the end at once. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

type SchedulerGlobal = typeof globalThis & { scheduler?: { yield?: () => Promise<void> } };

/**
 * Give the page the main thread: `scheduler.yield()` where the browser has it (Chromium 129+: the
 * continuation keeps its place ahead of other queued tasks), else a timer.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as SchedulerGlobal).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Main-thread cost of one sliced run. */
export interface SliceStats {
  /** Time spent in our slices, summed (the page's own work in between is not counted). */
  busyMs: number;
  /** The longest slice. */
  longestMs: number;
  slices: number;
  /** Each slice's start and end (`performance.now()`), flat, when the caller wants them (tests, bench). */
  spans?: number[];
}

/**
 * Run the steps in slices of about `budgetMs`, yielding to the page in between. Returns null,
 * and stops, when `cancelled()` says so at a pause (a newer run took over).
 */
export async function runSliced<T>(
  steps: Steps<T>,
  cancelled: () => boolean = () => false,
  stats: SliceStats = { busyMs: 0, longestMs: 0, slices: 0 },
  budgetMs = SLICE_MS,
  now: () => number = () => performance.now(),
  pause: () => Promise<void> = yieldToPage,
): Promise<T | null> {
  let start = now();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      record(stats, start, now());
      return step.value;
    }
    const end = now();
    if (end - start < budgetMs) continue;
    record(stats, start, end);
    await pause();
    if (cancelled()) {
      steps.return(undefined as T);
      return null;
    }
    start = now();
  }
}

function record(stats: SliceStats, start: number, end: number): void {
  const ms = end - start;
  stats.spans?.push(start, end);
  stats.busyMs += ms;
  stats.slices += 1;
  if (ms > stats.longestMs) stats.longestMs = ms;
}
