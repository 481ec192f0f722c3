/**
 * Backup and restore of everything the reader made: settings, own facts, flags, kept annotations
 * and the subscription list, in one JSON file with a format name and version. Restore checks the
 * whole file first (zod; errors name JSON paths) and only then writes: the fact store's part in one
 * Dexie transaction; the settings (browser storage, outside IndexedDB) just before it, put back if
 * the transaction fails. Packs from subscriptions are not in the file: they are fetched again.
 */
import * as z from 'zod';
import { Annotation, Card, PublishedFrom } from '../protocol/annotations.ts';
import { OWN_PACK_ID, editContext } from '../facts/own.ts';
import { FlagRecord } from '../facts/own-store.ts';
import { jsonPath, parsePackText, validatePack, type PackError } from '../facts/packs.ts';
import type { Pack } from '../facts/schema.ts';
import type { FactStore, KeptRow } from '../facts/store.ts';
import { readSubscriptions, replaceSubscriptions } from '../facts/subscription-store.ts';
import type { SubscriptionRecord } from '../facts/subscriptions.ts';
import { withTiers } from '../sources/hosts.ts';
import type { KeptArticle } from './kept.ts';
import { Settings, type SettingsStore } from '../settings.ts';

/** The `format` of a backup file. */
export const BACKUP_FORMAT = 'nhs-context-backup';
/** The current backup version; restore reads this version. */
export const BACKUP_VERSION = 1;

const KeptRecord = z.object({
  url: z.string().max(4096),
  title: z.string().max(2000),
  date: z.string().max(40),
  publishedFrom: PublishedFrom,
  annotations: z.array(Annotation).max(100_000),
  claims: z.array(Annotation).max(100_000),
  cards: z.array(Card).max(10_000),
  text: z.string().max(20 * 1024 * 1024),
  packVersion: z.string().max(1000),
  createdAt: z.string().max(40),
});

const SubscriptionEntry = z.object({
  url: z.string().max(2048),
  integrity: z.string().max(200).optional(),
  addedAt: z.string().max(40),
});

/** The backup file. `ownPack` is checked separately with the pack validator. */
export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  created: z.string().max(40),
  app: z.object({ name: z.string().max(100), version: z.string().max(40) }),
  settings: Settings,
  ownPack: z.unknown().nullable(),
  flags: z.array(FlagRecord).max(100_000),
  kept: z.array(KeptRecord).max(100_000),
  subscriptions: z.array(SubscriptionEntry).max(1000),
});
/** A parsed backup file. */
export type Backup = z.infer<typeof Backup>;

/** What a backup is made from. */
export interface BackupSource {
  settings: Settings;
  ownPack: Pack | undefined;
  flags: FlagRecord[];
  kept: KeptArticle[];
  subscriptions: SubscriptionRecord[];
  created: string;
  app: { name: string; version: string };
}

/** The backup file's text. */
export function buildBackup(source: BackupSource): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    created: source.created,
    app: source.app,
    settings: source.settings,
    ownPack: source.ownPack ?? null,
    flags: source.flags.map((f) => ({
      packId: f.packId,
      recordId: f.recordId,
      ...(f.note ? { note: f.note } : {}),
      createdAt: f.createdAt,
    })),
    kept: source.kept.map(({ id: _id, ...article }) => article),
    subscriptions: source.subscriptions.map((s) => ({
      url: s.url,
      ...(s.integrity ? { integrity: s.integrity } : {}),
      addedAt: s.addedAt,
    })),
  };
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** A checked backup, ready to apply. */
export interface RestorePlan {
  settings: Settings;
  ownPack: Pack | null;
  flags: FlagRecord[];
  kept: KeptRow[];
  subscriptions: z.infer<typeof SubscriptionEntry>[];
}

/** Checks a backup file against the installed packs (own facts may refer to them). */
export function planRestore(
  text: string,
  installed: readonly Pack[],
  today: string,
): { ok: true; plan: RestorePlan } | { ok: false; errors: PackError[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    const positioned = parsePackText(text); // the same parse, for its line and column
    return { ok: false, errors: positioned.ok ? [{ path: '$', message: 'Invalid JSON' }] : positioned.errors };
  }
  // Backups written before source tiers existed: their kept cards cite sources without a tier.
  if (typeof data === 'object' && data !== null && 'kept' in data) data = { ...data, kept: withTiers(data.kept) };
  const parsed = Backup.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.slice(0, 100).map((i) => ({ path: jsonPath(i.path), message: i.message })),
    };
  }
  const b = parsed.data;
  let ownPack: Pack | null = null;
  if (b.ownPack !== null) {
    const own = validatePack(b.ownPack, { external: editContext(installed, today).external });
    if (!own.ok)
      return {
        ok: false,
        errors: own.errors.map((e) => ({ path: e.path.replace(/^\$/, '$.ownPack'), message: e.message })),
      };
    if (own.pack.id !== OWN_PACK_ID)
      return { ok: false, errors: [{ path: '$.ownPack.id', message: `expected '${OWN_PACK_ID}'` }] };
    ownPack = own.pack;
  }
  return {
    ok: true,
    plan: { settings: b.settings, ownPack, flags: b.flags, kept: b.kept, subscriptions: b.subscriptions },
  };
}

/** What a restore replaced, for the options page. */
export interface RestoreSummary {
  ownEntities: number;
  ownFacts: number;
  flags: number;
  kept: number;
  subscriptions: number;
}

/**
 * Applies a plan: settings first (remembering the old ones), then own pack, flags, kept
 * annotations and subscriptions in one transaction; if that fails, the old settings go back.
 * A subscription already present keeps its state (no re-download needed).
 */
export async function applyRestore(
  store: FactStore,
  settings: SettingsStore,
  plan: RestorePlan,
): Promise<RestoreSummary> {
  const previous = await settings.load();
  await settings.save(plan.settings);
  const { db } = store;
  try {
    await db.transaction('rw', [db.packs, db.chunks, db.flags, db.kept, db.settings], async () => {
      if (plan.ownPack) await store.importPack(plan.ownPack, 'own');
      else await store.removePack(OWN_PACK_ID);
      await db.flags.clear();
      await db.flags.bulkAdd(plan.flags.map((f) => ({ ...f })));
      await db.kept.clear();
      await db.kept.bulkAdd(plan.kept.map((k) => ({ ...k })));
      const current = new Map((await readSubscriptions(store)).map((s) => [s.url, s]));
      const records = plan.subscriptions.map((s): SubscriptionRecord => {
        const known = current.get(s.url);
        // Same URL and integrity: keep its state (no download needed). Otherwise start afresh.
        if (known && known.integrity === s.integrity) return known;
        return {
          url: s.url,
          addedAt: s.addedAt,
          ...(known?.packId ? { packId: known.packId } : {}),
          ...(s.integrity ? { integrity: s.integrity } : {}),
        };
      });
      await replaceSubscriptions(store, records);
    });
  } catch (error) {
    await settings.save(previous);
    throw error;
  }
  return {
    ownEntities: plan.ownPack?.entities.length ?? 0,
    ownFacts: plan.ownPack?.facts.length ?? 0,
    flags: plan.flags.length,
    kept: plan.kept.length,
    subscriptions: plan.subscriptions.length,
  };
}
