import { describe, expect, it, vi } from 'vitest';
import type { Pack } from '../../lib/facts/schema.ts';
import type { PackListing } from '../../lib/facts/store.ts';
import { createPageHandlers } from '../../lib/background/handlers.ts';
import { createFactBase, validBundledPack } from '../../lib/background/fact-base.ts';
import { createCache } from '../../lib/background/cache.ts';

function pack(id: string, version: string, entities = 0): Pack {
  return {
    format: 2,
    id,
    name: `Pack ${id}`,
    version,
    published: '2025-01-01',
    license: 'CC-BY-4.0',
    coverage: { from: '2022-01', to: '2025-12' },
    entities: Array.from({ length: entities }, (_, i) => ({
      id: `e-${i}`,
      kind: 'person' as const,
      name: `Person ${i}`,
      aliases: [],
      description: '',
      sameAs: [],
      anchor: false,
    })),
    events: [],
    facts: [],
  };
}

/** A store kept in a plain array, like Dexie would keep it across worker restarts. */
function memoryStore(initial: Pack[] = []) {
  const packs = [...initial];
  return {
    packs,
    loadPacks: vi.fn(async () => [...packs]),
    listPacks: vi.fn(async () => packs.map(listing)),
    ensureBundled: vi.fn(async (p: Pack) => {
      const existing = packs.findIndex((q) => q.id === p.id);
      if (existing >= 0 && packs[existing]!.version === p.version) return { imported: false };
      if (existing >= 0) packs.splice(existing, 1);
      packs.push(p);
      return { imported: true };
    }),
  };
}

function listing(p: Pack): PackListing {
  const { entities, events, facts, ...meta } = p;
  return {
    meta,
    origin: 'bundled',
    importedAt: '2025-01-01T00:00:00.000Z',
    counts: { entities: entities.length, events: events.length, facts: facts.length },
  };
}

const versionOf = (packs: Pack[]) => ({ packVersion: packs.map((p) => `${p.id}@${p.version}`).join('+') });

describe('createCache', () => {
  it('shares one build between concurrent callers and rebuilds after invalidate', async () => {
    let n = 0;
    const cache = createCache(async () => ++n);
    expect(await Promise.all([cache.get(), cache.get()])).toEqual([1, 1]);
    cache.invalidate();
    expect(await cache.get()).toBe(2);
  });

  it('retries after a failed build', async () => {
    let n = 0;
    const cache = createCache(async () => {
      if (++n === 1) throw new Error('first fails');
      return n;
    });
    await expect(cache.get()).rejects.toThrow('first fails');
    expect(await cache.get()).toBe(2);
  });
});

describe('createFactBase', () => {
  it('fills an empty store with the bundled pack before the first index', async () => {
    const store = memoryStore();
    const bundled = vi.fn(() => pack('nhs', '1.0.0'));
    const facts = createFactBase({ openStore: async () => store, bundled, buildIndex: versionOf });
    expect(await facts.index()).toEqual({ packVersion: 'nhs@1.0.0' });
    expect(bundled).toHaveBeenCalledTimes(1);
  });

  it('does not parse the bundled pack when the store already has packs', async () => {
    const store = memoryStore([pack('nhs', '1.0.0')]);
    const bundled = vi.fn(() => pack('nhs', '1.0.0'));
    const facts = createFactBase({ openStore: async () => store, bundled, buildIndex: versionOf });
    await facts.index();
    expect(bundled).not.toHaveBeenCalled();
  });

  it('rebuilds the index when an update imports a newer bundled pack', async () => {
    const store = memoryStore([pack('nhs', '1.0.0')]);
    const facts = createFactBase({
      openStore: async () => store,
      bundled: () => pack('nhs', '1.1.0'),
      buildIndex: versionOf,
    });
    expect(await facts.index()).toEqual({ packVersion: 'nhs@1.0.0' });
    expect(await facts.ensureBundled()).toEqual({ imported: true });
    expect(await facts.index()).toEqual({ packVersion: 'nhs@1.1.0' });
  });

  it('offers the bundled pack once per worker lifetime', async () => {
    const store = memoryStore();
    const facts = createFactBase({
      openStore: async () => store,
      bundled: () => pack('nhs', '1.0.0'),
      buildIndex: versionOf,
    });
    await Promise.all([facts.ensureBundled(), facts.ensureBundled(), facts.index()]);
    expect(store.ensureBundled).toHaveBeenCalledTimes(1);
  });

  it('opens the store once, and again after a failed open', async () => {
    const store = memoryStore([pack('nhs', '1.0.0')]);
    let opens = 0;
    const facts = createFactBase({
      openStore: async () => {
        if (++opens === 1) throw new Error('blocked');
        return store;
      },
      bundled: () => pack('nhs', '1.0.0'),
      buildIndex: versionOf,
    });
    await expect(facts.index()).rejects.toThrow('blocked');
    await facts.index();
    await facts.listPacks();
    expect(opens).toBe(2);
  });

  it('keeps nothing but a cache: a new worker reads the same store', async () => {
    const store = memoryStore();
    await createFactBase({
      openStore: async () => store,
      bundled: () => pack('nhs', '1.0.0'),
      buildIndex: versionOf,
    }).index();
    const restarted = createFactBase({
      openStore: async () => store,
      bundled: () => pack('nhs', '1.0.0'),
      buildIndex: versionOf,
    });
    expect(await restarted.index()).toEqual({ packVersion: 'nhs@1.0.0' });
  });
});

describe('createPageHandlers', () => {
  const index = { packVersion: 'nhs@1.0.0' };
  const deps = () => ({
    index: async () => index,
    listPacks: async () => [listing(pack('nhs', '1.0.0', 3))],
    annotate: vi.fn(() => ({
      page: {
        url: '',
        title: '',
        published: '2025-01-01',
        publishedFrom: 'none' as const,
        packVersion: index.packVersion,
      },
      annotations: [],
      cards: [],
      claims: [],
    })),
    lookupCard: vi.fn(() => null),
    timeline: () => [],
    today: () => '2025-07-25',
    notices: async () => [],
    keep: vi.fn(async () => false),
  });
  const ctx = { senderClass: 'extension-page' as const, sender: {} };

  it('looks up as of the given date, or today', async () => {
    const d = deps();
    const handlers = createPageHandlers(d);
    await handlers.lookup({ type: 'lookup', query: 'Steve Barclay', date: '2023-08-24' }, ctx);
    await handlers.lookup({ type: 'lookup', query: 'Steve Barclay' }, ctx);
    expect(d.lookupCard.mock.calls).toEqual([
      [index, 'Steve Barclay', '2023-08-24', '2025-07-25'],
      [index, 'Steve Barclay', '2025-07-25', '2025-07-25'],
    ]);
  });

  it('annotates with today passed in', async () => {
    const d = deps();
    const page = { url: 'https://x', title: 't', publishedFrom: 'none' as const, text: 'x', blocks: [] };
    await createPageHandlers(d).annotate({ type: 'annotate', page }, ctx);
    expect(d.annotate).toHaveBeenCalledWith(page, index, { today: '2025-07-25' });
  });

  it('summarises the packs for status', async () => {
    const status = await createPageHandlers(deps()).status({ type: 'status' }, ctx);
    expect(status).toEqual({
      packs: [
        {
          id: 'nhs',
          name: 'Pack nhs',
          version: '1.0.0',
          published: '2025-01-01',
          coverage: { from: '2022-01', to: '2025-12' },
          origin: 'bundled',
          entityCount: 3,
          eventCount: 0,
          factCount: 0,
        },
      ],
      entityCount: 3,
      eventCount: 0,
      factCount: 0,
      packVersion: 'nhs@1.0.0',
    });
  });
});

describe('validBundledPack', () => {
  it('returns a valid pack', () => {
    expect(validBundledPack(pack('nhs', '1.0.0')).id).toBe('nhs');
  });

  it('names the JSON path of what is wrong', () => {
    expect(() => validBundledPack({ ...pack('nhs', '1.0.0'), version: 'one' })).toThrow(/version/);
  });
});
