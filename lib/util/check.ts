/**
 * Strict shape checks small enough for the content script, which cannot afford zod (about 6 KB
 * gzipped of its 25 KB budget). Same rules as the zod schemas they stand in for: a check returns a
 * fresh value holding only the keys its shape names (unknown keys are dropped, as `z.object`
 * does), or throws a `TypeError` naming the path that was wrong. Numbers must be finite.
 *
 * Only the content script uses these, for the replies of its own calls (lib/protocol/content-calls.ts);
 * tests/protocol/content-calls.test.ts checks each against its zod schema in lib/protocol/messages.ts.
 */

/** Returns the checked value (a fresh copy for objects and arrays) or throws naming `path`. */
export type Check<T> = (value: unknown, path: string) => T;

/** The checked type of a shape: keys whose check accepts undefined become optional. */
type Shaped<S extends Record<string, Check<unknown>>> = {
  [K in keyof S as undefined extends ReturnType<S[K]> ? never : K]: ReturnType<S[K]>;
} & { [K in keyof S as undefined extends ReturnType<S[K]> ? K : never]?: ReturnType<S[K]> };

function fail(path: string, what: string): never {
  throw new TypeError(`${path || 'reply'}: expected ${what}`);
}

export const string: Check<string> = (v, p) => (typeof v === 'string' ? v : fail(p, 'a string'));
export const number: Check<number> = (v, p) => (Number.isFinite(v) ? (v as number) : fail(p, 'a finite number'));
export const boolean: Check<boolean> = (v, p) => (typeof v === 'boolean' ? v : fail(p, 'true or false'));

/** One of the given strings. */
export function oneOf<const T extends string>(...values: T[]): Check<T> {
  return (v, p) => (values.includes(v as T) ? (v as T) : fail(p, values.join(' | ')));
}

/** A string or a number. */
export const stringOrNumber: Check<string | number> = (v, p) => (typeof v === 'string' ? v : number(v, p));

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (v, p) => (v === null ? null : check(v, p));
}

export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (v, p) => (v === undefined ? undefined : check(v, p));
}

export function array<T>(check: Check<T>): Check<T[]> {
  return (v, p) => {
    if (!Array.isArray(v)) fail(p, 'an array');
    const out: T[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = check(v[i], `${p}[${i}]`);
    return out;
  };
}

/** An object with these keys (a missing optional key stays missing; unknown keys are dropped). */
export function object<S extends Record<string, Check<unknown>>>(shape: S): Check<Shaped<S>> {
  const keys = Object.keys(shape);
  return (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(p, 'an object');
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const field = shape[key]!((v as Record<string, unknown>)[key], p ? `${p}.${key}` : key);
      if (field !== undefined) out[key] = field;
    }
    return out as Shaped<S>;
  };
}

/** Run a check; the error says what was wrong and where. */
export function check<T>(
  checker: Check<T>,
  value: unknown,
): { success: true; data: T } | { success: false; error: string } {
  try {
    return { success: true, data: checker(value, '') };
  } catch (error) {
    return { success: false, error: (error as Error).message };
  }
}
