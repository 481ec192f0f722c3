/**
 * The reader's settings: what is highlighted, where the extension is paused, which entities are
 * hidden on which site. The background owns them (browser.storage.local, through the small
 * `SettingsArea` interface so this module stays free of `browser.*`); the popup and options pages
 * read and replace them; a content script only gets the view for its own site (`contentSettingsFor`).
 *
 * Stored settings are repaired, not rejected: a field that fails its schema
 * falls back to its default and the rest survive.
 */
import * as z from 'zod/mini';

const Host = z.string().check(z.minLength(1), z.maxLength(253));
const Id = z.string().check(z.minLength(1), z.maxLength(200));

/** Per-kind switches for the three kinds of highlight. */
export const HighlightKinds = z.object({ entity: z.boolean(), event: z.boolean(), claim: z.boolean() });
export type HighlightKinds = z.infer<typeof HighlightKinds>;

/** Everything the reader can set; hostnames are stored without a leading `www.` (`siteKey`). */
export const Settings = z.object({
  /** Pause everywhere: no highlights on any page. */
  paused: z.boolean(),
  /** Mark every mention, not only the first of each entity in each paragraph. */
  markAll: z.boolean(),
  kinds: HighlightKinds,
  /** Sites the reader switched off. */
  disabledSites: z.array(Host).check(z.maxLength(1000)),
  /**
   * Entity or event ids hidden per site ("Not this — hide on this site"). A list, not a record:
   * `z.record` would add half a kilobyte to the content script, which parses these replies.
   */
  hidden: z.array(z.object({ site: Host, ids: z.array(Id).check(z.maxLength(1000)) })).check(z.maxLength(1000)),
  /** Keep each annotated article's annotations (options page, "Kept annotations"). Off unless turned on. */
  keepAnnotations: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

/** The settings of a fresh install. */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  paused: false,
  markAll: false,
  kinds: { entity: true, event: true, claim: true },
  disabledSites: [],
  hidden: [],
  keepAnnotations: false,
}) as Settings;

/** What a content script is told about its own site. */
export const ContentSettings = z.object({
  /** False when paused everywhere or switched off on this site. */
  enabled: z.boolean(),
  markAll: z.boolean(),
  kinds: HighlightKinds,
  /** Ids the reader hid on this site. */
  hiddenIds: z.array(z.string()),
});
export type ContentSettings = z.infer<typeof ContentSettings>;

/** The key a site's settings are stored under: its hostname, lower-case, without `www.`. */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** The hostname of a URL, or '' when it has none. */
export function hostnameOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Settings from anything stored: each invalid field falls back to its default. */
export function repairSettings(raw: unknown): Settings {
  const whole = z.safeParse(Settings, raw);
  if (whole.success) return whole.data;
  const source = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const field = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = z.safeParse(Settings.shape[key] as unknown as z.ZodMiniType<Settings[K]>, source[key]);
    return parsed.success ? parsed.data : structuredClone(DEFAULT_SETTINGS[key]);
  };
  return {
    paused: field('paused'),
    markAll: field('markAll'),
    kinds: field('kinds'),
    disabledSites: field('disabledSites'),
    hidden: field('hidden'),
    keepAnnotations: field('keepAnnotations'),
  };
}

/** The view of the settings a content script on `hostname` gets. */
export function contentSettingsFor(settings: Settings, hostname: string): ContentSettings {
  const site = siteKey(hostname);
  return {
    enabled: !settings.paused && site !== '' && !settings.disabledSites.includes(site),
    markAll: settings.markAll,
    kinds: { ...settings.kinds },
    hiddenIds: hiddenOn(settings, site),
  };
}

/** The ids hidden on a site (by its `siteKey`). */
export function hiddenOn(settings: Settings, site: string): string[] {
  return [...(settings.hidden.find((h) => h.site === site)?.ids ?? [])];
}

/** The settings with `id` hidden on `hostname` (unchanged when already hidden). */
export function withHidden(settings: Settings, hostname: string, id: string): Settings {
  const site = siteKey(hostname);
  const current = hiddenOn(settings, site);
  if (!site || current.includes(id)) return settings;
  const others = settings.hidden.filter((h) => h.site !== site);
  return { ...settings, hidden: [...others, { site, ids: [...current, id] }] };
}

/** The part of `browser.storage.local` the settings store uses. */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const STORAGE_KEY = 'settings';

/** Settings kept in a storage area; updates are serialised so two writes never lose each other. */
export interface SettingsStore {
  load(): Promise<Settings>;
  /** Replace the settings (checked); returns what was stored. */
  save(settings: Settings): Promise<Settings>;
  /** Apply `change` to the current settings atomically with respect to other updates. */
  update(change: (current: Settings) => Settings): Promise<Settings>;
}

/** A settings store over a storage area (the background passes `browser.storage.local`). */
export function createSettingsStore(area: SettingsArea): SettingsStore {
  let queue: Promise<unknown> = Promise.resolve();
  const load = async () => repairSettings((await area.get(STORAGE_KEY))[STORAGE_KEY]);
  const update = (change: (current: Settings) => Settings): Promise<Settings> => {
    const next = queue.then(async () => {
      const settings = repairSettings(change(await load()));
      await area.set({ [STORAGE_KEY]: settings });
      return settings;
    });
    queue = next.catch(() => {});
    return next;
  };
  return { load, update, save: (settings) => update(() => settings) };
}
