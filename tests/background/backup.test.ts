import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../lib/background/backup.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { makePack, richPack } from '../facts/fixtures.ts';
import { startManageWorker } from '../helpers/manage-worker.ts';

let workers: ReturnType<typeof startManageWorker>[] = [];
afterEach(() => {
  for (const w of workers) w.close();
  workers = [];
});
const remote = JSON.stringify(makePack('remote', '1.0.0'));
function worker() {
  const w = startManageWorker({
    bundled: richPack,
    fetch: async () => new Response(remote, { headers: { etag: '"r1"' } }),
  });
  workers.push(w);
  return w;
}

const text = "The BMA said the junior doctors' strike would go ahead.";
const page = {
  url: 'https://www.bbc.co.uk/news/1',
  title: 'Strike',
  published: '2023-03-10',
  publishedFrom: 'meta' as const,
  text,
  blocks: [[0, text.length]] as [number, number][],
};

/** A worker holding one of everything a backup covers. */
async function filled() {
  const w = worker();
  await w.settings.save({ ...DEFAULT_SETTINGS, keepAnnotations: true, disabledSites: ['dailymail.co.uk'] });
  await w.call({
    type: 'saveOwnEntity',
    entity: { name: 'Pat Example', kind: 'person', aliases: [], description: 'Négociatrice ✓ 𝒳', private: true },
  });
  await w.call({
    type: 'saveOwnFact',
    fact: { subject: 'bma', statement: 'Balloted again — عربى.', date: '2025-02', sourceUrl: 'https://example.org/1' },
  });
  await w.call({ type: 'flagFact', recordId: 'turnout-1', note: 'Check this' });
  await w.fromPage({ type: 'annotate', page });
  await w.call({ type: 'subscribe', url: 'https://packs.example.org/remote.json', integrity: undefined });
  return w;
}

/** The backup text without its timestamp, for comparison. */
const stable = (text: string) => ({ ...(JSON.parse(text) as Record<string, unknown>), created: 'x' });

describe('backup and restore', () => {
  it('round-trips everything through a fresh install', async () => {
    const source = await filled();
    const backup = await source.call({ type: 'backup' });
    expect(backup.fileName).toBe('nhs-context-backup_2025-07-25.json');
    const parsed = JSON.parse(backup.text) as Record<string, unknown>;
    expect(parsed).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION, app: { name: 'NHS Context' } });

    const target = worker();
    const restored = await target.call({ type: 'restore', text: backup.text });
    expect(restored).toEqual({
      ok: true,
      restored: { ownEntities: 1, ownFacts: 1, flags: 1, kept: 1, subscriptions: 1 },
    });
    expect(stable((await target.call({ type: 'backup' })).text)).toEqual(stable(backup.text));
    expect((await target.settings.load()).disabledSites).toEqual(['dailymail.co.uk']);
    // The restored own fact is in the index at once.
    const { card } = await target.fromPage({ type: 'lookup', query: 'BMA' });
    expect(card?.facts.map((f) => f.statement)).toContain('Balloted again — عربى.');
    // Subscriptions come back as a list to fetch, not as pack data.
    expect((await target.call({ type: 'subscriptions' })).subscriptions).toEqual([
      { url: 'https://packs.example.org/remote.json', addedAt: '2025-07-25T12:00:00.000Z' },
    ]);
  });

  it('refuses a damaged backup, naming the JSON paths, and changes nothing', async () => {
    const w = await filled();
    const good = JSON.parse((await w.call({ type: 'backup' })).text) as Record<string, unknown>;
    const before = stable((await w.call({ type: 'backup' })).text);
    const cases: [unknown, RegExp][] = [
      [{ ...good, version: 99 }, /^\$\.version$/],
      [{ ...good, settings: { ...(good.settings as object), paused: 'yes' } }, /^\$\.settings\.paused$/],
      [{ ...good, kept: [{ url: 1 }] }, /^\$\.kept\[0\]\./],
      [{ ...good, ownPack: { ...(good.ownPack as object), facts: [{ id: 'x' }] } }, /^\$\.ownPack\.facts\[0\]/],
    ];
    for (const [backup, path] of cases) {
      const reply = await w.call({ type: 'restore', text: JSON.stringify(backup) });
      expect(reply.ok).toBe(false);
      expect(reply.ok ? [] : reply.errors.map((e) => e.path)).toContainEqual(expect.stringMatching(path));
    }
    const notJson = await w.call({ type: 'restore', text: '{"format":' });
    expect(notJson).toMatchObject({
      ok: false,
      errors: [{ path: '$', message: expect.stringMatching(/Invalid JSON at line 1/) }],
    });
    expect(stable((await w.call({ type: 'backup' })).text)).toEqual(before);
  });

  it('restores an empty install over a full one (own facts, flags and kept annotations cleared)', async () => {
    const empty = (await worker().call({ type: 'backup' })).text;
    const w = await filled();
    expect(await w.call({ type: 'restore', text: empty })).toMatchObject({
      ok: true,
      restored: { ownFacts: 0, kept: 0 },
    });
    const own = await w.call({ type: 'ownFacts' });
    expect([own.entities, own.facts, own.flags]).toEqual([[], [], []]);
    expect((await w.call({ type: 'keptList' })).items).toEqual([]);
    expect((await w.settings.load()).keepAnnotations).toBe(false);
  });
});
