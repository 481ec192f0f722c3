import { afterEach, describe, expect, it } from 'vitest';
import { emptyOwnPack, saveFact, slug, type EditContext } from '../../lib/facts/own.ts';
import { richPack } from '../facts/fixtures.ts';
import { bundledPack } from '../helpers/pack.ts';
import { startManageWorker } from '../helpers/manage-worker.ts';

let workers: ReturnType<typeof startManageWorker>[] = [];
afterEach(() => {
  for (const w of workers) w.close();
  workers = [];
});
function worker(opts: Partial<Parameters<typeof startManageWorker>[0]> = {}) {
  const w = startManageWorker({ bundled: richPack, ...opts });
  workers.push(w);
  return w;
}

const fact = {
  subject: 'bma',
  statement: 'The BMA balloted members again.',
  date: '2025-02-01',
  sourceUrl: 'https://example.org/news/1',
};
const ctx: EditContext = { today: '2025-07-25', external: new Map([['bma', 'organisation']]) };

describe('own facts: what a fact needs', () => {
  it.each([
    ['no source URL', { sourceUrl: '' }, 'sourceUrl', /source URL is required/],
    [
      'a javascript: source',
      { sourceUrl: 'javascript:alert(1)' },
      'sourceUrl',
      /must be a web address \(http or https\)/,
    ],
    ['no date', { date: '' }, 'date', /date is required/],
    ['a malformed date', { date: '1 Feb 2025' }, 'date', /YYYY-MM-DD, YYYY-MM or YYYY/],
    ['no statement', { statement: '  ' }, 'statement', /Write what the fact says/],
    ['an unknown subject', { subject: 'nobody' }, 'subject', /no entity or event 'nobody'/],
  ])('refuses %s with a message for that field', (_name, change, field, message) => {
    const result = saveFact(undefined, { ...fact, ...change }, ctx);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContainEqual({ field, message: expect.stringMatching(message) });
  });

  it('builds a sourced, dated fact in the own pack', () => {
    const result = saveFact(emptyOwnPack('2025-07-25'), fact, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.id).toBe('own-fact-1');
    expect(result.pack.facts[0]).toMatchObject({
      subject: 'bma',
      asOf: '2025-02-01',
      sources: [{ url: 'https://example.org/news/1', publisher: 'example.org', published: null }],
      confidence: 'single-source',
    });
    expect(result.pack.version).toBe('1.0.1');
  });

  it.each([
    ['a site the host table knows', 'https://www.bbc.co.uk/news/health-1', undefined, 'press'],
    ['a primary body', 'https://www.gov.uk/government/news/x', undefined, 'primary'],
    ['a site nobody has tiered yet', 'https://example.org/news/1', undefined, 'weak'],
    ['the reader’s own judgement', 'https://example.org/news/1', 'press', 'press'],
    ['the reader marking a known site down', 'https://www.bbc.co.uk/news/health-1', 'copy', 'copy'],
  ] as const)('gives the source a tier from %s', (_name, sourceUrl, tier, expected) => {
    const result = saveFact(undefined, { ...fact, sourceUrl, ...(tier ? { tier } : {}) }, ctx);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.pack.facts[0]?.sources[0]?.tier).toBe(expected);
  });

  it('makes kebab-case ids from any name', () => {
    expect(slug('Dr Zoë O’Neill-Smith')).toBe('dr-zoe-o-neill-smith');
    expect(slug('***')).toBe('entity');
  });
});

describe('own facts through the background', () => {
  it('refuses a fact without a source, and with one shows it on the entity’s card', async () => {
    const w = worker();
    const refused = await w.call({ type: 'saveOwnFact', fact: { ...fact, sourceUrl: '' } });
    expect(refused).toEqual({
      ok: false,
      errors: [{ field: 'sourceUrl', message: expect.stringMatching(/source URL is required/) }],
    });

    const saved = await w.call({ type: 'saveOwnFact', fact });
    expect(saved).toEqual({ ok: true, id: 'own-fact-1' });
    const { card } = await w.fromPage({ type: 'lookup', query: 'BMA' });
    expect(card?.facts.map((f) => f.statement)).toContain(fact.statement);
    const shown = card?.facts.find((f) => f.id === 'own-fact-1');
    expect(shown?.sources).toEqual([{ url: fact.sourceUrl, publisher: 'example.org', published: null, tier: 'weak' }]);
  });

  it('adds an own entity with a fact, edits the fact and removes both', async () => {
    const w = worker();
    const entity = await w.call({
      type: 'saveOwnEntity',
      entity: {
        name: 'Pat Example',
        kind: 'person',
        aliases: ['P. Example'],
        description: 'A negotiator.',
        private: false,
      },
    });
    expect(entity).toEqual({ ok: true, id: 'own-pat-example' });
    await w.call({ type: 'saveOwnFact', fact: { ...fact, subject: 'own-pat-example', statement: 'Led the talks.' } });
    expect((await w.fromPage({ type: 'lookup', query: 'P. Example' })).card?.facts.map((f) => f.statement)).toEqual([
      'Led the talks.',
    ]);

    await w.call({
      type: 'saveOwnFact',
      fact: { ...fact, id: 'own-fact-1', subject: 'own-pat-example', statement: 'Led the May talks.' },
    });
    const listed = await w.call({ type: 'ownFacts' });
    expect(listed.facts).toEqual([
      expect.objectContaining({ id: 'own-fact-1', subjectName: 'Pat Example', statement: 'Led the May talks.' }),
    ]);
    expect(listed.entities).toEqual([
      expect.objectContaining({ id: 'own-pat-example', aliases: ['P. Example'], private: false }),
    ]);
    expect(listed.subjects.map((s) => s.id)).toEqual(expect.arrayContaining(['bma', 'own-pat-example', 'strike-1']));

    expect(await w.call({ type: 'removeOwnEntity', id: 'own-pat-example' })).toEqual({
      removed: false,
      message: expect.stringMatching(/remove it first/),
    });
    expect(await w.call({ type: 'removeOwnFact', id: 'own-fact-1' })).toEqual({ removed: true });
    expect(await w.call({ type: 'removeOwnEntity', id: 'own-pat-example' })).toEqual({ removed: true });
    expect((await w.fromPage({ type: 'lookup', query: 'Pat Example' })).card).toBeNull();
  });

  it('never matches a private entity by name in pages, but finds it in search', async () => {
    const w = worker();
    await w.call({
      type: 'saveOwnEntity',
      entity: { name: 'Secret Source', kind: 'person', aliases: [], description: '', private: true },
    });
    expect((await w.fromPage({ type: 'lookup', query: 'Secret Source' })).card).toBeNull();
    const { hits } = await w.call({ type: 'search', query: 'secret' });
    expect(hits[0]).toMatchObject({ id: 'own-secret-source', private: true });
  });

  it('flags a fact shown in a card, and exports and imports the own pack with its flags', async () => {
    const w = worker();
    await w.call({ type: 'saveOwnFact', fact });
    const flagged = await w.call({ type: 'flagFact', recordId: 'turnout-1', note: 'Turnout was 78%' });
    expect(flagged).toMatchObject({
      ok: true,
      flag: { packId: 'demo', recordId: 'turnout-1', label: 'Turnout was 77.5%.', note: 'Turnout was 78%' },
    });
    expect(await w.call({ type: 'flagFact', recordId: 'no-such-fact' })).toMatchObject({ ok: false });

    const file = await w.call({ type: 'exportOwnPack' });
    expect(file.fileName).toBe('nhs-context-own-facts_2025-07-25.json');
    const parsed = JSON.parse(file.text) as { id: string; facts: unknown[]; flags: unknown[] };
    expect(parsed).toMatchObject({ id: 'own', facts: [expect.objectContaining({ id: 'own-fact-1' })] });
    expect(parsed.flags).toEqual([
      { packId: 'demo', recordId: 'turnout-1', note: 'Turnout was 78%', createdAt: '2025-07-25T12:00:00.000Z' },
    ]);

    const other = worker();
    const imported = await other.call({ type: 'importPackFile', text: file.text, fileName: file.fileName });
    expect(imported).toMatchObject({ ok: true, id: 'own', origin: 'own', flagsAdded: 1 });
    const listed = await other.call({ type: 'ownFacts' });
    expect(listed.facts.map((f) => f.id)).toEqual(['own-fact-1']);
    expect(listed.flags.map((f) => f.recordId)).toEqual(['turnout-1']);
    // Importing the same file again adds no duplicate flag.
    expect(await other.call({ type: 'importPackFile', text: file.text })).toMatchObject({ ok: true, flagsAdded: 0 });
    expect(await other.call({ type: 'removeFlag', id: listed.flags[0]!.id })).toEqual({ removed: true });
  });

  it('shows an own fact on a busy bundled entity’s card (Steve Barclay)', async () => {
    const w = worker({ bundled: bundledPack });
    const saved = await w.call({
      type: 'saveOwnFact',
      fact: {
        subject: 'steve-barclay',
        statement: 'Own note about Barclay.',
        date: '2023-01-09',
        sourceUrl: 'https://example.org/barclay',
      },
    });
    expect(saved).toEqual({ ok: true, id: 'own-fact-1' });
    const { card } = await w.fromPage({ type: 'lookup', query: 'Steve Barclay', date: '2023-08-24' });
    expect(card?.facts.map((f) => f.statement)).toContain('Own note about Barclay.');
  });
});
