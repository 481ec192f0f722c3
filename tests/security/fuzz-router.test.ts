/**
 * fast-check fuzzing of every handler through the router, on the real store: any value, hostile
 * keys, 10 MB strings and 10,000-level nesting. The router never throws; every refused payload gets
 * a typed error and touches nothing; `Object.prototype` and friends are untouched. Seeds are fixed
 * and runs bounded so `npm test` stays fast and a failure replays exactly.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallName, ErrorCode, Reply } from '../../lib/protocol/messages.ts';
import {
  anyValue,
  deepArray,
  deepObject,
  hostileKey,
  mutateAt,
  plainObjectPolluted,
  pollutingJson,
  prototypeSnapshot,
  TEN_MB,
} from './pollution.ts';
import { CALL_NAMES, SAMPLE_REQUESTS, SENDERS, startSpiedWorker } from './worker.ts';

/** Fixed seed and bounded runs; FUZZ_SEED / FUZZ_RUNS explore further by hand. */
const RUNS = {
  seed: Number(process.env.FUZZ_SEED ?? 20_250_725),
  numRuns: Number(process.env.FUZZ_RUNS ?? 150),
} as const;
const ERROR_CODES: ErrorCode[] = ['invalid-request', 'forbidden', 'internal', 'invalid-reply', 'no-connection'];
const extensionPage = SENDERS['extension page'][0];
const contentScript = SENDERS['content script'][0];

let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
});

/** A warm worker and a check that runs one message through it. */
function harness() {
  const w = startSpiedWorker();
  stops.push(w.stop);
  const protos = prototypeSnapshot();
  /** Route `raw`; assert the reply is well formed and a refusal changed nothing. */
  return async (raw: unknown, sender: object): Promise<Reply> => {
    const before = w.sideEffects();
    const runsBefore = w.handlerRuns();
    let reply: Reply;
    try {
      reply = await w.route(raw, sender);
    } catch (error) {
      throw new Error(`the router threw: ${String(error)}`, { cause: error });
    }
    expect(typeof reply.ok).toBe('boolean');
    if (!reply.ok) {
      expect(ERROR_CODES).toContain(reply.error.code);
      expect(typeof reply.error.message).toBe('string');
      expect(reply.error.message.length).toBeLessThan(2000);
      if (reply.error.code !== 'internal') {
        expect(w.sideEffects() - before).toBe(0);
        expect(w.handlerRuns() - runsBefore).toBe(0);
      }
      // A handler's own failure is a bug: fuzzed inputs that parse must be handled. The one
      // expected failure: setBadge from an extension page, which has no tab of its own.
      if (reply.error.message !== 'no sender tab') expect(reply.error.code, reply.error.message).not.toBe('internal');
    }
    expect(prototypeSnapshot()).toBe(protos);
    expect(plainObjectPolluted()).toBe(false);
    return reply;
  };
}

describe('fuzzing the router and every handler', () => {
  it('answers any value from any sender with a typed reply', async () => {
    const check = harness();
    const senders = Object.values(SENDERS).flat();
    await fc.assert(
      fc.asyncProperty(anyValue, fc.nat(senders.length - 1), async (raw, i) => {
        await check(raw, senders[i]!);
      }),
      RUNS,
    );
  });

  it('answers `{type: <each call>, …anything}` with a typed reply', async () => {
    const check = harness();
    const body = fc.dictionary(hostileKey, anyValue, { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CALL_NAMES), body, fc.boolean(), async (type, rest, privileged) => {
        await check({ ...rest, type }, privileged ? extensionPage : contentScript);
      }),
      RUNS,
    );
  });

  it('answers a valid request with one field replaced by anything', async () => {
    const check = harness();
    const seen = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CALL_NAMES),
        fc.nat(),
        hostileKey,
        fc.oneof(anyValue, fc.string({ unit: 'binary' }), fc.integer(), fc.double(), fc.boolean()),
        async (type, where, key, value) => {
          const raw = mutateAt(SAMPLE_REQUESTS[type], where, key, value);
          // The most privileged sender, so every handler is reached (refusals are the table's job).
          const reply = await check(raw, extensionPage);
          seen[reply.ok ? 'ok' : 'refused']++;
        },
      ),
      RUNS,
    );
    // The mutations reach both sides of the schema, so handlers do run on odd-but-valid input.
    expect(seen.ok).toBeGreaterThan(10);
    expect(seen.refused).toBeGreaterThan(10);
  });

  it('refuses JSON-made objects with own __proto__ / constructor keys', async () => {
    const check = harness();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CALL_NAMES), pollutingJson, fc.nat(3), async (type, json, where) => {
        const payload = JSON.parse(json) as object;
        const raws = [
          { ...JSON.parse(json), type },
          mutateAt(SAMPLE_REQUESTS[type], where, '__proto__', payload),
          JSON.parse(`{"type":"${type}","__proto__":{"type":"status"}}`),
        ];
        for (const raw of raws) await check(raw, extensionPage);
      }),
      { ...RUNS, numRuns: 60 },
    );
  });

  const stringFields: [CallName, (s: string) => unknown][] = [
    ['lookup', (s) => ({ type: 'lookup', query: s })],
    ['lookup', (s) => ({ type: 'lookup', query: 'BMA', date: s })],
    ['hideOnSite', (s) => ({ type: 'hideOnSite', id: s })],
    ['alwaysOnSite', (s) => ({ type: 'alwaysOnSite', origin: `https://${s}` })],
    ['annotate', (s) => ({ ...SAMPLE_REQUESTS.annotate, page: { ...SAMPLE_REQUESTS.annotate.page, url: s } })],
    ['annotate', (s) => ({ ...SAMPLE_REQUESTS.annotate, page: { ...SAMPLE_REQUESTS.annotate.page, title: s } })],
    [
      'setSettings',
      (s) => ({ type: 'setSettings', settings: { ...SAMPLE_REQUESTS.setSettings.settings, disabledSites: [s] } }),
    ],
    ['status', (s) => ({ type: s })],
  ];

  it.each(stringFields.map(([type, make], i) => ({ type, make, i })))(
    'refuses a 10 MB string in $type (#$i) with invalid-request',
    async ({ make }) => {
      const check = harness();
      const reply = await check(make(TEN_MB), extensionPage);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    },
  );

  it('annotates a 10 MB article text without failing (the size limit is 20 MB)', async () => {
    const check = harness();
    const text = 'word '.repeat(2 * 1024 * 1024);
    const reply = await check(
      { type: 'annotate', page: { ...SAMPLE_REQUESTS.annotate.page, text, blocks: [[0, text.length]] } },
      contentScript,
    );
    expect(reply.ok).toBe(true);
  }, 30_000);

  it('survives 10,000 levels of nesting anywhere in a request', async () => {
    const check = harness();
    for (const deep of [deepObject(10_000), deepArray(10_000)]) {
      for (const type of CALL_NAMES) {
        await check(deep, extensionPage);
        await check({ type, deep }, extensionPage);
        for (let where = 0; where < 6; where++)
          await check(mutateAt(SAMPLE_REQUESTS[type], where, 'deep', deep), extensionPage);
      }
    }
  });
});
