import { describe, expect, it } from 'vitest';
import { diffPacks, jsonPath, packSummary, parsePackText, sharedAliases, validatePack } from '../../lib/facts/packs.ts';
import { makePack, richPack } from './fixtures.ts';

describe('parsePackText', () => {
  it('parses and validates pack text, ignoring a BOM', () => {
    const text = `\uFEFF${JSON.stringify(richPack(), null, 2)}`;
    expect(parsePackText(text)).toEqual({ ok: true, pack: richPack() });
  });

  it.each([
    ['a stray token (V8 gives no position)', '{\n  "format": 1,\n  "id": tx\n}', 3, 10],
    ['a missing comma', '{\n  "format": 1\n  "id": "x"\n}', 3, 3],
    ['a trailing comma', '{"a": 1, }', 1, 10],
    ['text after the JSON', '{}\n}', 2, 1],
    ['truncated text (the end of the text)', '{\n  "a": [1,', 2, 11],
    ['an empty file', '', 1, 1],
  ])('reports %s with line and column', (_name, text, line, column) => {
    const result = parsePackText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toBe('$');
    expect(result.errors[0]?.message).toContain(`Invalid JSON at line ${line}, column ${column}:`);
  });

  it('reports schema errors for well-formed JSON', () => {
    const result = parsePackText('{"format": 1}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('$.id');
  });
});

describe('jsonPath', () => {
  it('writes indices in brackets and odd keys quoted', () => {
    expect(jsonPath(['events', 3, 'details', 'trusts-in-england'])).toBe('$.events[3].details["trusts-in-england"]');
    expect(jsonPath([])).toBe('$');
  });
});

describe('packSummary', () => {
  it('counts records, aliases, roles, distinct sources and kinds', () => {
    expect(packSummary(richPack())).toEqual({
      id: 'demo',
      name: 'Demo pack',
      version: '1.0.0',
      entities: 5,
      events: 1,
      facts: 1,
      aliases: 4,
      roles: 2,
      sources: 2,
      entityKinds: { organisation: 2, person: 1, role: 1, 'staff-group': 1 },
      eventKinds: { strike: 1 },
    });
  });
});

describe('diffPacks', () => {
  it('lists added, changed and removed ids; key order alone is no change', () => {
    const before = richPack();
    const after = richPack();
    after.entities = after.entities.filter((e) => e.id !== 'bma-rdc');
    after.entities.push({ ...after.entities[0]!, id: 'rcn', name: 'Royal College of Nursing' });
    after.facts[0]!.value = 78;
    const [first, ...rest] = after.events;
    after.events = [Object.fromEntries(Object.entries(first!).reverse()) as typeof first & object, ...rest];
    expect(diffPacks(before, after)).toEqual({
      entities: { added: ['rcn'], changed: [], removed: ['bma-rdc'] },
      events: { added: [], changed: [], removed: [] },
      facts: { added: [], changed: ['turnout-1'], removed: [] },
    });
  });
});

describe('sharedAliases', () => {
  it('finds alias texts on more than one entity, ignoring case', () => {
    const pack = richPack();
    pack.entities[1]!.aliases.push({ text: 'bma', match: 'ignore-case', context: 'domain' });
    expect(sharedAliases(pack)).toEqual([{ text: 'BMA', entities: ['bma', 'bma-rdc'] }]);
  });
});

describe('validatePack with external ids', () => {
  it('accepts references to ids another installed pack defines, and only those', () => {
    const own = makePack('own', '1.0.0', 0, 0);
    own.facts = [{ ...makePack('x', '1.0.0', 1, 1).facts[0]!, id: 'own-fact-1', subject: 'bma' }];
    expect(validatePack(own).ok).toBe(false);
    expect(validatePack(own, { external: new Map([['bma', 'organisation']]) }).ok).toBe(true);
    const unknown = validatePack(own, { external: new Map([['strike-1', 'event']]) });
    expect(unknown.ok ? [] : unknown.errors).toEqual([
      { path: '$.facts[0].subject', message: "unknown entity or event id 'bma'" },
    ]);
  });
});
