import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../lib/export/json.ts';

describe('canonicalJson', () => {
  it('sorts keys recursively by UTF-16 code units, @context first', () => {
    const out = canonicalJson({ type: 'x', '@context': 'c', a: { z: 1, b: [{ d: 1, c: 2 }] } });
    expect(out).toBe(
      '{\n  "@context": "c",\n  "a": {\n    "b": [\n      {\n        "c": 2,\n        "d": 1\n      }\n    ],\n    "z": 1\n  },\n  "type": "x"\n}\n',
    );
  });

  it('orders integer-like keys as strings, not as JavaScript does', () => {
    expect(canonicalJson({ 10: 'a', 9: 'b', x: 'c' })).toBe('{\n  "10": "a",\n  "9": "b",\n  "x": "c"\n}\n');
  });

  it('drops undefined members, writes null for undefined items, keeps empty containers', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1], c: {}, d: [] })).toBe(
      '{\n  "b": [\n    null,\n    1\n  ],\n  "c": {},\n  "d": []\n}\n',
    );
  });

  it('keeps RTL and astral text as is and escapes lone surrogates', () => {
    const value = { rtl: 'الإضراب مستمر', astral: '🩺𝒩', lone: 'a\ud83d' };
    const out = canonicalJson(value);
    expect(out).toContain('"rtl": "الإضراب مستمر"');
    expect(out).toContain('"astral": "🩺𝒩"');
    expect(out).toContain('"lone": "a\\ud83d"');
    expect(JSON.parse(out)).toEqual(value);
  });

  it('is a fixed point: parse and write again gives the same bytes', () => {
    const out = canonicalJson({ b: [1, 'two', { y: null, x: true }], a: -0.5 });
    expect(canonicalJson(JSON.parse(out))).toBe(out);
  });
});
