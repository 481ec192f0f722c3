/**
 * fast-check fuzzing of the pack importer: `parsePackText` / `validatePack`, then the store import.
 * Any value, hostile keys, 10 MB strings and 10,000-level nesting: nothing throws, every bad pack
 * gets errors that name JSON paths, a rejected pack writes nothing, an accepted one imports and
 * reads back exactly, and no prototype is touched.
 */
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ERRORS, parsePackText, validatePack, type PackResult } from '../../lib/facts/packs.ts';
import { FactStore } from '../../lib/facts/store.ts';
import { makePack, richPack } from '../facts/fixtures.ts';
import {
  anyValue,
  deepArray,
  deepObject,
  hostileKey,
  mutateAt,
  plainObjectPolluted,
  prototypeSnapshot,
  TEN_MB,
} from './pollution.ts';
import { spyOnIndexedDb } from './worker.ts';

/** Fixed seed and bounded runs; FUZZ_SEED / FUZZ_RUNS explore further by hand. */
const RUNS = {
  seed: Number(process.env.FUZZ_SEED ?? 20_250_725),
  numRuns: Number(process.env.FUZZ_RUNS ?? 120),
} as const;

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

async function freshStore(): Promise<FactStore> {
  const store = await FactStore.open('nhs-context', { indexedDB: new IDBFactory(), IDBKeyRange });
  cleanups.push(() => store.close());
  return store;
}

/** What every import path does: validate, and only then write. */
async function importText(store: FactStore, text: string): Promise<PackResult> {
  const result = parsePackText(text);
  if (result.ok) await store.importPack(result.pack, 'file');
  return result;
}

/** A result is well formed: a pack, or 1…MAX_ERRORS+1 errors each naming a JSON path. */
function expectWellFormed(result: PackResult): void {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  expect(result.errors.length).toBeLessThanOrEqual(MAX_ERRORS + 1);
  for (const e of result.errors) {
    expect(e.path).toMatch(/^\$/);
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeLessThan(2000);
  }
}

/** No own `__proto__` key survives anywhere in a stored pack (walked iteratively). */
function hasOwnProtoKey(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v && typeof v === 'object') {
      if (Object.prototype.hasOwnProperty.call(v, '__proto__')) return true;
      if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== Array.prototype) return true;
      stack.push(...Object.values(v));
    }
  }
  return false;
}

describe('fuzzing the pack importer', () => {
  it('validatePack answers any value without throwing', () => {
    const protos = prototypeSnapshot();
    fc.assert(
      fc.property(anyValue, (value) => {
        expectWellFormed(validatePack(value));
        expect(prototypeSnapshot()).toBe(protos);
        expect(plainObjectPolluted()).toBe(false);
      }),
      RUNS,
    );
  });

  it('parsePackText answers any text, and any corruption of a valid pack, with located errors', () => {
    const valid = JSON.stringify(richPack(), null, 2);
    const corrupt = fc
      .tuple(fc.nat(valid.length), fc.nat(20), fc.string({ maxLength: 5 }))
      .map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json(), corrupt), (text) => {
        const result = parsePackText(text);
        expectWellFormed(result);
        if (!result.ok && result.errors[0]!.message.startsWith('Invalid JSON')) {
          expect(result.errors[0]!.message).toMatch(/line \d+, column \d+/);
        }
      }),
      RUNS,
    );
  });

  it('a mutated pack is either rejected with a path and writes nothing, or imports and reads back exactly', async () => {
    const base = richPack();
    const protos = prototypeSnapshot();
    const seen = { ok: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        hostileKey,
        fc.oneof(anyValue, fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
        async (where, key, value) => {
          const raw = mutateAt(base, where, key, value);
          const result = validatePack(raw);
          expectWellFormed(result);
          const store = await freshStore();
          const db = spyOnIndexedDb();
          try {
            if (result.ok) {
              seen.ok++;
              await store.importPack(result.pack, 'file');
              const [loaded] = await store.loadPacks();
              expect(loaded).toEqual(result.pack);
              expect(hasOwnProtoKey(loaded)).toBe(false);
            } else {
              seen.rejected++;
              // A rejected pack never reaches the store.
              expect(db.count()).toBe(0);
              expect(await store.db.packs.count()).toBe(0);
            }
          } finally {
            db.restore();
          }
          expect(prototypeSnapshot()).toBe(protos);
          expect(plainObjectPolluted()).toBe(false);
        },
      ),
      { ...RUNS, numRuns: 100 },
    );
    expect(seen.ok).toBeGreaterThan(5);
    expect(seen.rejected).toBeGreaterThan(5);
  });

  it('JSON with own __proto__ / constructor / prototype keys pollutes nothing and is never stored', async () => {
    const protos = prototypeSnapshot();
    const pack = JSON.stringify(richPack());
    const injections = [
      ['{', '{"__proto__":{"polluted":true},'],
      ['"details":{', '"details":{"__proto__":{"polluted":true},"constructor":{"prototype":{"isAdmin":true}},'],
      ['"aliases":[', '"aliases":[{"text":"x","match":"exact","context":"none","__proto__":{"polluted":1}},'],
      ['"coverage":{', '"coverage":{"__proto__":{"from":"1900"},"constructor":{"prototype":{"polluted":1}},'],
    ] as const;
    for (const [anchor, injected] of injections) {
      const store = await freshStore();
      const result = await importText(store, pack.replace(anchor, injected));
      expectWellFormed(result);
      for (const p of await store.loadPacks()) expect(hasOwnProtoKey(p)).toBe(false);
      expect(prototypeSnapshot()).toBe(protos);
      expect(plainObjectPolluted()).toBe(false);
    }
  });

  it('refuses 10 MB strings in any field, naming the field', () => {
    const fields = ['name', 'license', 'description', 'version'] as const;
    for (const field of fields) {
      const result = validatePack({ ...richPack(), [field]: TEN_MB });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors.map((e) => e.path)).toContain(`$.${field}`);
    }
    const inRecord = richPack();
    inRecord.facts[0]!.statement = TEN_MB;
    expect(validatePack(inRecord)).toMatchObject({ ok: false, errors: [{ path: '$.facts[0].statement' }] });
  });

  it('answers 10 MB of broken JSON with a line and column, quickly', () => {
    const t0 = performance.now();
    const result = parsePackText(`{"name":"${TEN_MB}",}`);
    expect(result).toMatchObject({ ok: false, errors: [{ path: '$' }] });
    expect(!result.ok && result.errors[0]!.message).toMatch(/^Invalid JSON at line 1, column \d+/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('survives 10,000 levels of nesting, as text and as a value, anywhere in a pack', () => {
    const deepText = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    const deepList = (n: number) => '['.repeat(n) + ']'.repeat(n);
    for (const deep of [deepText(10_000), deepList(10_000)]) {
      expectWellFormed(parsePackText(deep));
      const inPack = JSON.stringify(richPack()).replace('"details":{', `"details":{"deep":${deep},`);
      expect(parsePackText(inPack)).toMatchObject({ ok: false, errors: [{ path: '$.events[0].details.deep' }] });
    }
    for (const deep of [deepObject(10_000), deepArray(10_000)]) {
      expectWellFormed(validatePack(deep));
      for (let where = 0; where < 40; where += 3)
        expectWellFormed(validatePack(mutateAt(richPack(), where, 'deep', deep)));
    }
  });

  it('imports what it validates: a large valid pack from text round-trips', async () => {
    const store = await freshStore();
    const pack = makePack('big', '1.0.0', 500, 5000);
    const result = await importText(store, JSON.stringify(pack));
    expect(result.ok).toBe(true);
    expect(await store.loadPacks()).toEqual([pack]);
  });
});
