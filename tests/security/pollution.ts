/**
 * Prototype-pollution and hostile-value helpers shared by the fuzz tests: a snapshot of the
 * built-in prototypes to compare after each run, keys that attack prototypes, a value nested
 * deeper than any recursive walk survives, and fast-check arbitraries that use them.
 */
import fc from 'fast-check';

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype] as const;

/** Own property names and descriptors of the built-in prototypes. */
export function prototypeSnapshot(): string {
  return PROTOTYPES.map((p) =>
    Reflect.ownKeys(p)
      .map((k) => {
        const d = Object.getOwnPropertyDescriptor(p, k)!;
        return `${String(k)}:${typeof d.value}:${String(d.writable)}:${typeof d.get}`;
      })
      .join(','),
  ).join('\n');
}

/** True when a plain new object has picked up something it should not have. */
export function plainObjectPolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return ['polluted', 'isAdmin', 'type', 'x', 'ok', 'senderClass'].some((k) => k in probe);
}

/** Keys that attack prototypes, plus ones our schemas use, mixed with any string. */
export const hostileKey = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'),
  },
  { weight: 1, arbitrary: fc.constantFrom('type', 'page', 'query', 'settings', 'id', 'tabId', 'origin', 'ok', 'data') },
);

/** Any value a message can carry (structured clone allows maps, sets, dates, typed arrays). */
export const anyValue = fc.anything({
  key: hostileKey,
  maxDepth: 4,
  maxKeys: 6,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withBigInt: true,
});

/** JSON text of objects whose own `__proto__`/`constructor` keys carry a payload. */
export const pollutingJson = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.constantFrom('polluted', 'isAdmin', 'type'))
  .map(([k, p]) => `{"${k}":{"${p}":true,"prototype":{"${p}":true}}}`);

/** `{a:{a:{…}}}` nested `depth` levels, built without recursion. */
export function deepObject(depth: number, leaf: unknown = 1): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** `[[[…]]]` nested `depth` levels. */
export function deepArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** A 10 MB string. */
export const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

/**
 * Replace the value at a random path of `base` below its root and its `type` tag with `value`
 * (for the root: add `key`). Used to
 * mutate valid samples one field at a time, which reaches far deeper into a schema than random
 * values do.
 */
export function mutateAt(base: unknown, pathChoice: number, key: string, value: unknown): unknown {
  const copy = structuredClone(base);
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object')
      for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], [...path, k]);
  };
  walk(copy, []);
  // The root and the `type` tag are covered by other properties; mutate the fields behind them.
  const fields = paths.filter((p) => p.length > 0 && !(p.length === 1 && p[0] === 'type'));
  const choices = fields.length > 0 ? fields : paths;
  const path = choices[pathChoice % choices.length]!;
  if (path.length === 0) {
    if (copy && typeof copy === 'object')
      Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  }
  let parent = copy as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  // defineProperty: a key named __proto__ becomes an own property, as JSON.parse would make it.
  Object.defineProperty(parent, last, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}
