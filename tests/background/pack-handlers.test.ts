import { afterEach, describe, expect, it } from 'vitest';
import { makePack, richPack } from '../facts/fixtures.ts';
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

const json = (v: unknown) => JSON.stringify(v, null, 2);

describe('importing a pack from a file', () => {
  it('refuses invalid JSON with its line and column and leaves the fact base unchanged', async () => {
    const w = worker();
    const before = await w.call({ type: 'status' });
    const reply = await w.call({ type: 'importPackFile', text: '{\n  "format": 1,\n  "id": "x",,\n}' });
    expect(reply).toEqual({
      ok: false,
      errors: [{ path: '$', message: expect.stringMatching(/^Invalid JSON at line 3, column \d+/) }],
    });
    expect(await w.call({ type: 'status' })).toEqual(before);
  });

  it('refuses a pack with schema errors, naming every JSON path, and imports nothing', async () => {
    const w = worker();
    const before = await w.call({ type: 'status' });
    const bad = makePack('extra', '1.0.0', 3, 4);
    bad.facts[1]!.sources = [];
    (bad.facts[3] as { asOf: unknown }).asOf = '3 March';
    (bad.entities[2] as { kind: unknown }).kind = 'alien';
    const reply = await w.call({ type: 'importPackFile', text: json(bad), fileName: 'extra.json' });
    expect(reply.ok).toBe(false);
    const paths = reply.ok ? [] : reply.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['$.facts[1].sources', '$.facts[3].asOf', '$.entities[2].kind']));
    expect(await w.call({ type: 'status' })).toEqual(before);
  });

  it('imports a valid pack atomically, says what changed, and re-imports a new version', async () => {
    const w = worker();
    const first = await w.call({
      type: 'importPackFile',
      text: json(makePack('extra', '1.0.0', 3, 4)),
      fileName: 'extra.json',
    });
    expect(first).toMatchObject({ ok: true, id: 'extra', version: '1.0.0', origin: 'file', flagsAdded: 0 });
    expect(first.ok && first.changes.facts.counts).toEqual({ added: 4, changed: 0, removed: 0 });
    const second = await w.call({ type: 'importPackFile', text: json(makePack('extra', '1.1.0', 3, 2)) });
    expect(second.ok && second.changes.facts.counts).toEqual({ added: 0, changed: 2, removed: 2 });
    const status = await w.call({ type: 'status' });
    expect(status.packs.map((p) => [p.id, p.origin, p.version])).toEqual([
      ['demo', 'bundled', '1.0.0'],
      ['extra', 'file', '1.1.0'],
    ]);
    // The new pack is in the index at once.
    expect((await w.fromPage({ type: 'lookup', query: 'Entity 1' })).card?.name).toBe('Entity 1 v1.1.0');
  });

  it('removes an imported pack but not the bundled one', async () => {
    const w = worker();
    await w.call({ type: 'importPackFile', text: json(makePack('extra', '1.0.0')) });
    expect(await w.call({ type: 'removePack', id: 'demo' })).toEqual({
      removed: false,
      message: 'The bundled pack cannot be removed.',
    });
    expect(await w.call({ type: 'removePack', id: 'extra' })).toEqual({ removed: true });
    expect(await w.call({ type: 'removePack', id: 'extra' })).toMatchObject({ removed: false });
    expect((await w.call({ type: 'status' })).packs.map((p) => p.id)).toEqual(['demo']);
  });
});

describe('subscriptions through the background', () => {
  it('subscribes, lists without validators, updates on demand and unsubscribes', async () => {
    const body = json(makePack('remote', '1.0.0'));
    const w = worker({
      fetch: async (_url, init) =>
        new Headers(init.headers).get('if-none-match') === '"a"'
          ? new Response(null, { status: 304 })
          : new Response(body, { headers: { etag: '"a"' } }),
    });
    const sub = await w.call({ type: 'subscribe', url: 'https://packs.example.org/remote.json' });
    expect(sub).toMatchObject({ ok: true, subscription: { packId: 'remote', lastResult: 'updated' } });
    expect(sub.ok && sub.subscription).not.toHaveProperty('etag');
    expect((await w.call({ type: 'status' })).packs.map((p) => p.origin)).toEqual(['bundled', 'subscription']);

    const updated = await w.call({ type: 'updateSubscriptions' });
    expect(updated.subscriptions).toEqual([expect.objectContaining({ lastResult: 'not-modified' })]);

    expect(await w.call({ type: 'removePack', id: 'remote' })).toEqual({ removed: true });
    expect((await w.call({ type: 'subscriptions' })).subscriptions).toEqual([]);
    expect((await w.call({ type: 'status' })).packs.map((p) => p.id)).toEqual(['demo']);
  });

  it('refuses plain http without making any request', async () => {
    const w = worker();
    expect(await w.call({ type: 'subscribe', url: 'http://packs.example.org/p.json' })).toEqual({
      ok: false,
      message: 'Only https:// URLs can be subscribed to.',
    });
    expect(w.fetch).not.toHaveBeenCalled();
  });

  it('puts the bundled pack back when a subscription that replaced it is removed', async () => {
    const w = worker({
      fetch: async () => new Response(json({ ...richPack(), version: '2.0.0', name: 'Demo, newer' })),
    });
    await w.call({ type: 'subscribe', url: 'https://packs.example.org/demo.json' });
    expect((await w.call({ type: 'status' })).packs).toEqual([
      expect.objectContaining({ id: 'demo', origin: 'subscription', version: '2.0.0' }),
    ]);
    expect(await w.call({ type: 'unsubscribe', url: 'https://packs.example.org/demo.json' })).toEqual({
      removed: true,
    });
    expect((await w.call({ type: 'status' })).packs).toEqual([
      expect.objectContaining({ id: 'demo', origin: 'bundled', version: '1.0.0' }),
    ]);
  });
});
