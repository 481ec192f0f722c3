import { describe, expect, it } from 'vitest';
import {
  contentSettingsFor,
  createSettingsStore,
  DEFAULT_SETTINGS,
  hostnameOf,
  repairSettings,
  siteKey,
  withHidden,
  type Settings,
} from '../lib/settings.ts';

const settings = (patch: Partial<Settings> = {}): Settings => ({ ...structuredClone(DEFAULT_SETTINGS), ...patch });

describe('repairSettings', () => {
  it('keeps valid settings', () => {
    const s = settings({ markAll: true, disabledSites: ['bbc.co.uk'] });
    expect(repairSettings(s)).toEqual(s);
  });

  it('falls back field by field, keeping what is valid', () => {
    expect(
      repairSettings({ paused: 'yes', markAll: true, kinds: { entity: false }, disabledSites: ['x.org'], hidden: 7 }),
    ).toEqual({
      ...DEFAULT_SETTINGS,
      markAll: true,
      disabledSites: ['x.org'],
    });
  });

  it.each([undefined, null, 'settings', 3, []])('gives the defaults for %j', (raw) => {
    expect(repairSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('contentSettingsFor', () => {
  it('enables a site unless paused or switched off there, and lists the ids hidden on it', () => {
    const s = withHidden(settings({ disabledSites: ['theguardian.com'] }), 'www.bbc.co.uk', 'steve-barclay');
    expect(contentSettingsFor(s, 'www.bbc.co.uk')).toEqual({
      enabled: true,
      markAll: false,
      kinds: DEFAULT_SETTINGS.kinds,
      hiddenIds: ['steve-barclay'],
    });
    expect(contentSettingsFor(s, 'bbc.co.uk').hiddenIds).toEqual(['steve-barclay']);
    expect(contentSettingsFor(s, 'news.bbc.co.uk').hiddenIds).toEqual([]);
    expect(contentSettingsFor(s, 'www.theguardian.com').enabled).toBe(false);
    expect(contentSettingsFor({ ...s, paused: true }, 'www.bbc.co.uk').enabled).toBe(false);
    expect(contentSettingsFor(s, '').enabled).toBe(false);
  });
});

describe('withHidden', () => {
  it('adds an id once per site and leaves other sites alone', () => {
    let s = withHidden(settings(), 'www.bbc.co.uk', 'a');
    s = withHidden(s, 'bbc.co.uk', 'a');
    s = withHidden(s, 'news.sky.com', 'b');
    s = withHidden(s, 'www.bbc.co.uk', 'c');
    expect(s.hidden).toEqual([
      { site: 'news.sky.com', ids: ['b'] },
      { site: 'bbc.co.uk', ids: ['a', 'c'] },
    ]);
  });
});

describe('siteKey and hostnameOf', () => {
  it('normalises hostnames and reads them from URLs', () => {
    expect([
      siteKey('WWW.BBC.co.uk'),
      hostnameOf('https://news.sky.com/story/1'),
      hostnameOf('nonsense'),
      hostnameOf(undefined),
    ]).toEqual(['bbc.co.uk', 'news.sky.com', '', '']);
  });
});

describe('createSettingsStore', () => {
  function memoryArea(initial: Record<string, unknown> = {}) {
    const data = { ...initial };
    return {
      data,
      get: async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
      set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
    };
  }

  it('loads repaired settings from a broken store', async () => {
    const store = createSettingsStore(memoryArea({ settings: { paused: 1 } }));
    expect(await store.load()).toEqual(DEFAULT_SETTINGS);
  });

  it('serialises updates so concurrent ones are not lost', async () => {
    const area = memoryArea();
    const store = createSettingsStore(area);
    await Promise.all(['a', 'b', 'c'].map((id) => store.update((s) => withHidden(s, 'bbc.co.uk', id))));
    expect((await store.load()).hidden).toEqual([{ site: 'bbc.co.uk', ids: ['a', 'b', 'c'] }]);
  });

  it('stores what it was given after checking it', async () => {
    const area = memoryArea();
    const saved = await createSettingsStore(area).save({ ...settings(), markAll: true });
    expect(saved.markAll).toBe(true);
    expect(area.data.settings).toEqual(saved);
  });
});
