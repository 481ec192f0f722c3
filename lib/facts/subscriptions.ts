/**
 * Pack subscriptions, after uBlock Origin's filter-list subscriptions: a pack followed by URL,
 * updated on a schedule and on demand. Pure logic: `fetch`, the clock and the store are injected.
 *
 * An update never makes things worse: a network error, an HTTP error, a 304 without a stored copy,
 * a wrong integrity value, invalid JSON or a pack that fails validation leaves the previous version
 * in place and records why (`lastError`, naming JSON positions and paths). A good update is imported
 * atomically together with its record (`SubscriptionStore.commit`), with what changed.
 *
 * Fetch rules (URLs, conditions, size, integrity) are in fetch-pack.ts.
 */
import { diffPacks, parsePackText, summariseDiff, type Changes, type PackError } from './packs.ts';
import type { Pack } from './schema.ts';
import type { PackOrigin } from './store.ts';
import {
  checkSubscriptionUrl,
  fetchPackBytes,
  parseIntegrity,
  sha256Hex,
  sriOf,
  type FetchLike,
  type UrlPolicy,
} from './fetch-pack.ts';

/** Check every subscription at most this often (the alarm fires more often and asks what is due). */
export const UPDATE_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** After a failed check, try again this much later rather than a day later. */
export const RETRY_INTERVAL_MS = 60 * 60 * 1000;

/** How a check ended. */
export type CheckResult = 'updated' | 'not-modified' | 'unchanged' | 'error';

export type { ChangeList, Changes } from './packs.ts';

/** Everything recorded about one subscription. Timestamps are ISO strings from the injected clock. */
export interface SubscriptionRecord {
  url: string;
  /** The integrity value as the reader gave it. */
  integrity?: string;
  addedAt: string;
  /** The id of the pack this URL serves, once imported. */
  packId?: string;
  etag?: string;
  lastModified?: string;
  /** Hex SHA-256 of the bytes last imported: a 200 with the same bytes is "unchanged". */
  sha256?: string;
  lastChecked?: string;
  lastUpdated?: string;
  lastResult?: CheckResult;
  /** Why the last check failed; cleared by a successful one. */
  lastError?: string;
  /** What the last successful update changed. */
  changes?: Changes;
}

/** Where subscriptions and packs are kept (lib/facts/subscription-store.ts over Dexie). */
export interface SubscriptionStore {
  get(url: string): Promise<SubscriptionRecord | undefined>;
  list(): Promise<SubscriptionRecord[]>;
  put(record: SubscriptionRecord): Promise<void>;
  /** A stored pack and its origin. */
  getPack(id: string): Promise<{ pack: Pack; origin: PackOrigin } | undefined>;
  /**
   * Import `pack` with origin 'subscription' and store `record`, in one transaction. Throws (and
   * writes nothing) when the pack's id belongs to own facts or to another subscription.
   */
  commit(pack: Pack, record: SubscriptionRecord): Promise<void>;
  /** Delete the record and, when this subscription still provides it, its pack; in one transaction. */
  remove(url: string): Promise<{ removed: boolean; packId: string | null }>;
}

/** What the subscription manager is given (tests pass a fake fetch and clock). */
export interface SubscriptionDeps {
  fetch: FetchLike;
  now: () => Date;
  store: SubscriptionStore;
  policy: UrlPolicy;
  maxBytes?: number;
  timeoutMs?: number;
  /** Told after a pack was imported or removed (the background rebuilds its index). */
  onPacksChanged?: () => void | Promise<void>;
}

/** Formats pack errors for `lastError`: the first few, each with its JSON path. */
export function describePackErrors(errors: PackError[], max = 5): string {
  const shown = errors.slice(0, max).map((e) => `${e.path}: ${e.message}`);
  const more = errors.length > max ? ` (and ${errors.length - max} more)` : '';
  return `The pack is invalid: ${shown.join('; ')}${more}`;
}

/** Whether a subscription should be checked at `now`: never checked, a day since, or an hour after an error. */
export function isDue(record: SubscriptionRecord, now: Date): boolean {
  if (!record.lastChecked) return true;
  const since = now.getTime() - Date.parse(record.lastChecked);
  return since >= (record.lastResult === 'error' ? RETRY_INTERVAL_MS : UPDATE_INTERVAL_MS);
}

const EMPTY: Pick<Pack, 'entities' | 'events' | 'facts'> = { entities: [], events: [], facts: [] };

/** The subscription manager. Checks run one at a time, in the order asked. */
export function createSubscriptions(deps: SubscriptionDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task);
    queue = next.catch(() => {});
    return next;
  };
  const stamp = () => deps.now().toISOString();

  /** Check one subscription now; returns its record afterwards. */
  async function check(url: string): Promise<SubscriptionRecord | undefined> {
    const record = await deps.store.get(url);
    if (!record) return undefined;
    const checked = { ...record, lastChecked: stamp() };
    const fail = async (message: string) => {
      const failed: SubscriptionRecord = { ...checked, lastResult: 'error', lastError: message };
      await deps.store.put(failed);
      return failed;
    };
    // A stored URL is checked again: a restored backup may come from a build with another policy.
    const allowed = checkSubscriptionUrl(url, deps.policy);
    if (!allowed.ok) return fail(allowed.message);
    const stored = record.packId ? await deps.store.getPack(record.packId) : undefined;
    const haveCopy = stored?.origin === 'subscription';
    const outcome = await fetchPackBytes(deps.fetch, url, haveCopy ? record : {}, deps);
    if (outcome.kind === 'error') return fail(outcome.message);
    if (outcome.kind === 'not-modified') {
      if (!haveCopy) return fail('The server said "not modified", but no copy of the pack is stored.');
      return keep(checked, 'not-modified', {});
    }
    const sha256 = await sha256Hex(outcome.bytes);
    if (record.integrity) {
      const expected = parseIntegrity(record.integrity);
      if (!expected.ok) return fail(expected.message);
      if (expected.integrity.hex !== sha256) {
        return fail(
          `Integrity check failed: expected ${sriOf(expected.integrity.hex)}, received ${sriOf(sha256)}. The previous version is kept.`,
        );
      }
    }
    const validators = { etag: outcome.etag, lastModified: outcome.lastModified };
    if (haveCopy && record.sha256 === sha256) return keep(checked, 'unchanged', validators);
    const parsed = parseBytes(outcome.bytes, outcome.contentType);
    if (!parsed.ok) return fail(parsed.message);
    const pack = parsed.pack;
    if (record.packId && record.packId !== pack.id) {
      return fail(
        `The pack's id changed from '${record.packId}' to '${pack.id}'; remove this subscription and subscribe again.`,
      );
    }
    const previous = (await deps.store.getPack(pack.id))?.pack ?? EMPTY;
    const updated: SubscriptionRecord = {
      ...withoutValidators(checked),
      ...definedOnly(validators),
      packId: pack.id,
      sha256,
      lastUpdated: checked.lastChecked,
      lastResult: 'updated',
      changes: summariseDiff(diffPacks(previous as Pack, pack)),
    };
    delete updated.lastError;
    try {
      await deps.store.commit(pack, updated);
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
    await deps.onPacksChanged?.();
    return updated;
  }

  async function keep(
    record: SubscriptionRecord,
    result: CheckResult,
    validators: { etag?: string; lastModified?: string },
  ) {
    const kept: SubscriptionRecord = { ...record, ...definedOnly(validators), lastResult: result };
    delete kept.lastError;
    await deps.store.put(kept);
    return kept;
  }

  return {
    /** Every subscription, by URL. */
    list: () => deps.store.list(),

    /**
     * Subscribe (or change the integrity value of an existing subscription), then check it at once.
     * A refused URL or integrity value is answered without any request being made.
     */
    subscribe: (rawUrl: string, integrity?: string) =>
      serial(async (): Promise<{ ok: true; record: SubscriptionRecord } | { ok: false; message: string }> => {
        const url = checkSubscriptionUrl(rawUrl, deps.policy);
        if (!url.ok) return url;
        const value = integrity?.trim() || undefined;
        if (value) {
          const parsed = parseIntegrity(value);
          if (!parsed.ok) return parsed;
        }
        const existing = await deps.store.get(url.url);
        const record: SubscriptionRecord = existing ? { ...existing } : { url: url.url, addedAt: stamp() };
        if (!existing || existing.integrity !== value) {
          // A new integrity value must be checked against fresh bytes, not answered with a 304.
          delete record.etag;
          delete record.lastModified;
          delete record.sha256;
        }
        if (value) record.integrity = value;
        else delete record.integrity;
        await deps.store.put(record);
        return { ok: true, record: (await check(url.url)) ?? record };
      }),

    /** Check one subscription now (the options page's "Update now"). */
    update: (url: string) => serial(() => check(url)),

    /** Check every subscription now. */
    updateAll: () =>
      serial(async () => {
        const out: SubscriptionRecord[] = [];
        for (const r of await deps.store.list()) out.push((await check(r.url)) ?? r);
        return out;
      }),

    /** Check the subscriptions that are due (the alarm). */
    updateDue: () =>
      serial(async () => {
        const out: SubscriptionRecord[] = [];
        for (const r of await deps.store.list()) if (isDue(r, deps.now())) out.push((await check(r.url)) ?? r);
        return out;
      }),

    /** Stop following a URL and remove the pack it provided. */
    unsubscribe: (url: string) =>
      serial(async () => {
        const result = await deps.store.remove(url);
        if (result.packId) await deps.onPacksChanged?.();
        return result;
      }),
  };
}

/** The subscription manager. */
export type Subscriptions = ReturnType<typeof createSubscriptions>;

function withoutValidators(record: SubscriptionRecord): SubscriptionRecord {
  const { etag: _e, lastModified: _m, ...rest } = record;
  return rest;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** UTF-8 → pack; messages name the JSON position or path, and the content type when it is HTML. */
function parseBytes(bytes: Uint8Array, contentType: string): { ok: true; pack: Pack } | { ok: false; message: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'The pack is not valid UTF-8 text.' };
  }
  const result = parsePackText(text);
  if (result.ok) return result;
  const served = /html/i.test(contentType) ? ` (the server sent ${contentType.split(';')[0]})` : '';
  return { ok: false, message: `${describePackErrors(result.errors)}${served}` };
}
