import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { callFromContent, CONTENT_REPLIES, parseTabMessage } from '../../lib/protocol/content-calls.ts';
import { annotate } from '../../lib/detect/annotate.ts';
import { lookupCard } from '../../lib/detect/card-data.ts';
import { contentScriptCalls } from '../../lib/protocol/messages.ts';
import { check, type Check } from '../../lib/util/check.ts';
import { bundledIndex, fixture, textPage } from '../helpers/pack.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

type Name = keyof typeof contentScriptCalls;

/** Real replies of every content-script call, from the real pipeline, plus the optional branches. */
function sampleReplies(): Record<Name, unknown> {
  const result = annotate(textPage(fixture('seed-article.txt'), '2023-08-24'), bundledIndex(), { today: '2026-11-24' });
  const withClaim = result.claims.find((c) => c.check) ?? result.claims[0]!;
  const source = { url: 'https://example.org/s', publisher: 'Example', published: null };
  const claim = {
    ...withClaim,
    value: 3,
    unit: 'days',
    check: {
      ...withClaim.check!,
      alternatives: [{ value: '4 days', source, verdict: 'no-data' as const, note: 'as reported' }],
    },
  };
  // A few of each list: every place in the shape is still there, and each corruption checks fast.
  const few = <T>(list: T[]) => list.slice(0, 4);
  const card = lookupCard(bundledIndex(), 'Steve Barclay', '2023-08-24', '2026-11-24');
  return {
    annotate: {
      page: result.page,
      annotations: [...few(result.annotations), ...result.annotations.filter((a) => a.role || a.value !== undefined)],
      cards: few(result.cards).map((c) => ({ ...c, facts: few(c.facts) })),
      claims: [claim, ...few(result.claims)],
    },
    lookup: { card: card && { ...card, facts: few(card.facts) } },
    contentSettings: {
      enabled: true,
      markAll: false,
      kinds: { entity: true, event: false, claim: true },
      hiddenIds: ['x'],
    },
    hideOnSite: { hiddenIds: ['a', 'b'] },
    setBadge: {},
  };
}

/** One concrete path per distinct place in the shape (array items stand for all their siblings). */
function shapePaths(value: unknown): (string | number)[][] {
  const seen = new Set<string>();
  const out: (string | number)[][] = [];
  const visit = (v: unknown, path: (string | number)[], shape: string) => {
    if (seen.has(shape)) return;
    seen.add(shape);
    if (path.length > 0) out.push(path);
    if (Array.isArray(v)) v.forEach((item, i) => visit(item, [...path, i], `${shape}[]`));
    else if (v && typeof v === 'object')
      for (const [k, item] of Object.entries(v)) visit(item, [...path, k], `${shape}.${k}`);
  };
  visit(value, [], '');
  return out;
}

function withValue(root: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete parent[last];
  else parent[last] = value;
  return copy;
}

const CORRUPTIONS: unknown[] = [null, 0, -1.5, NaN, Infinity, '', 'bogus', true, [], [1], {}, { id: 1 }];

describe('the content script’s half of the protocol', () => {
  it('checks each reply by the shape of its zod schema in lib/protocol/messages.ts (no zod in the page)', () => {
    expect(Object.keys(CONTENT_REPLIES).sort()).toEqual(Object.keys(contentScriptCalls).sort());
    const samples = sampleReplies();
    expect((samples.lookup as { card: unknown }).card, 'the sample card').not.toBeNull();
    let compared = 0;
    for (const name of Object.keys(contentScriptCalls) as Name[]) {
      const schema = contentScriptCalls[name].reply as unknown as z.ZodMiniType;
      const light = CONTENT_REPLIES[name] as Check<unknown>;
      const same = (raw: unknown, what: string) => {
        const expected = z.safeParse(schema, raw);
        const got = check(light, raw);
        compared++;
        const where = `${name} ${what}`;
        expect(got.success, `${where}: zod says ${expected.success ? 'valid' : 'invalid'}`).toBe(expected.success);
        // Both keep only the keys the shape names: the same value comes out.
        if (got.success && expected.success) expect(got.data, where).toStrictEqual(expected.data);
      };
      same(samples[name], 'as sent');
      for (const bad of [null, undefined, 'x', 1, [], [samples[name]]]) same(bad, `replaced by ${String(bad)}`);
      same({ ...(samples[name] as object), extra: '<img src=x onerror=alert(1)>' }, 'with an unknown key');
      for (const path of shapePaths(samples[name])) {
        const at = path.join('.');
        same(withValue(samples[name], path, undefined, true), `without ${at}`);
        for (const bad of CORRUPTIONS) same(withValue(samples[name], path, bad), `${at} = ${JSON.stringify(bad)}`);
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 30_000);

  it('rejects malformed and hostile replies, naming the field, and keeps no unknown keys', async () => {
    const { annotate: result } = sampleReplies();
    const reply = (data: unknown) => async () => ({ ok: true, data });
    const page = textPage('x');
    const call = (data: unknown) => callFromContent(reply(data), { type: 'annotate', page });
    const broken = structuredClone(result) as { annotations: { start: unknown }[] };
    broken.annotations[2]!.start = '12';
    expect(await call(broken)).toEqual({
      ok: false,
      error: {
        code: 'invalid-reply',
        message: 'bad reply to annotate: annotations[2].start: expected a finite number',
      },
    });
    const hostile = JSON.parse(
      '{"__proto__":{"polluted":true},"page":{"url":"","title":"","published":"","publishedFrom":"none","packVersion":"1","constructor":{"prototype":{"polluted":true}}},"annotations":[],"cards":[],"claims":[]}',
    );
    const ok = await call(hostile);
    expect(ok.ok).toBe(true);
    expect(Object.keys((ok as { data: { page: object } }).data.page)).not.toContain('constructor');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf((ok as { data: object }).data)).toBe(Object.prototype);
    const deep = { ...(result as object), cards: [{ facts: Array.from({ length: 3 }, () => ({})) }] };
    expect(await call(deep)).toMatchObject({ ok: false, error: { code: 'invalid-reply' } });
    // A reply that contains itself ends at the first wrong field; the walk follows the shape, not the data.
    const cyclic: Record<string, unknown> = { ...(result as object) };
    cyclic.annotations = [cyclic];
    expect(await call(cyclic)).toMatchObject({ ok: false, error: { code: 'invalid-reply' } });
  }, 30_000);

  it('checks replies like callBackground', async () => {
    const ok = await callFromContent(async () => ({ ok: true, data: { hiddenIds: ['a'] } }), {
      type: 'hideOnSite',
      id: 'a',
    });
    expect(ok).toEqual({ ok: true, data: { hiddenIds: ['a'] } });
    const bad = await callFromContent(async () => ({ ok: true, data: { hiddenIds: 'a' } }), {
      type: 'hideOnSite',
      id: 'a',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-reply' } });
    const error = await callFromContent(async () => ({ ok: false, error: { code: 'forbidden', message: 'no' } }), {
      type: 'setBadge',
      count: 1,
    });
    expect(error).toEqual({ ok: false, error: { code: 'forbidden', message: 'no' } });
    const gone = await callFromContent(
      async () => {
        throw new Error('Extension context invalidated.');
      },
      { type: 'contentSettings' },
    );
    expect(gone).toEqual({ ok: false, error: { code: 'no-connection', message: 'Extension context invalidated.' } });
    expect(await callFromContent(async () => undefined, { type: 'contentSettings' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-reply' },
    });
  });
});

describe('parseTabMessage', () => {
  const background = { id: ID, url: `chrome-extension://${ID}/background.js` };
  it.each([
    ['navigate from the background', { type: 'nhs-context:navigate' }, background, { type: 'nhs-context:navigate' }],
    ['refresh from the background', { type: 'nhs-context:refresh' }, background, { type: 'nhs-context:refresh' }],
    ['from another tab’s content script', { type: 'nhs-context:navigate' }, { ...background, tab: { id: 1 } }, null],
    ['from another extension', { type: 'nhs-context:navigate' }, { id: 'other' }, null],
    ['an unknown type', { type: 'nhs-context:delete' }, background, null],
    ['extra keys', { type: 'nhs-context:navigate', x: 1 }, background, null],
    ['not an object', 'nhs-context:navigate', background, null],
  ])('%s', (_name, raw, sender, expected) => {
    expect(parseTabMessage(raw, sender, ID)).toEqual(expected);
  });
  it('never trusts an empty extension id', () => {
    expect(parseTabMessage({ type: 'nhs-context:navigate' }, { id: '' }, '')).toBeNull();
  });
});
