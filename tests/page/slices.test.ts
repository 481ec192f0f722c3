import { describe, expect, it } from 'vitest';
import { runNow, runSliced, type SliceStats, type Steps } from '../../lib/page/slices.ts';

/** Steps that each take `cost` ms of a fake clock. */
function* work(clock: { t: number }, steps: number, cost: number): Steps<number> {
  for (let i = 0; i < steps; i++) {
    clock.t += cost;
    yield;
  }
  return steps;
}

describe('slices', () => {
  it('runs everything at once with runNow', () => {
    expect(runNow(work({ t: 0 }, 100, 1))).toBe(100);
  });

  it('yields to the page about every budget, never doing much more than a budget at a time', async () => {
    const clock = { t: 0 };
    let pauses = 0;
    const stats: SliceStats = { busyMs: 0, longestMs: 0, slices: 0, spans: [] };
    const result = await runSliced(
      work(clock, 100, 1),
      undefined,
      stats,
      8,
      () => clock.t,
      async () => {
        pauses += 1;
        clock.t += 100; // the page's own work in between is not ours
      },
    );
    expect(result).toBe(100);
    expect(pauses).toBe(12);
    expect(stats.longestMs).toBe(8);
    expect(stats.busyMs).toBe(100);
    expect(stats.slices).toBe(13);
    expect(stats.spans).toHaveLength(26);
  });

  it('stops at the next pause when cancelled', async () => {
    const clock = { t: 0 };
    let done = 0;
    function* counted(): Steps<string> {
      for (let i = 0; i < 50; i++) {
        clock.t += 1;
        done += 1;
        yield;
      }
      return 'finished';
    }
    let cancel = false;
    const run = runSliced(
      counted(),
      () => cancel,
      undefined,
      8,
      () => clock.t,
      async () => {
        cancel = true;
      },
    );
    expect(await run).toBeNull();
    expect(done).toBe(8);
  });
});
