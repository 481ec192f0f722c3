/**
 * The host → tier table (data/factbase/source-tiers.json, the research's own table), for sources
 * that arrive without a tier: a reader's own facts and packs in format 1. Background and CLI only
 * (it carries the table). Hosts match with a leading "www." removed, exactly: a staging or proxy
 * host of a good publisher is a different host, so an unknown host is `weak` until a reader or a
 * pack says otherwise.
 */
import {
  domains,
  domainsIntroducedByAdditions,
  domainsIntroducedByUpgrades,
} from '../../data/factbase/source-tiers.json';
import { hostOf, SOURCE_TIERS, type SourceTier } from './tiers.ts';

const TABLE: ReadonlyMap<string, SourceTier> = new Map(
  Object.entries({ ...domains, ...domainsIntroducedByUpgrades, ...domainsIntroducedByAdditions }).filter(
    (e): e is [string, SourceTier] => (SOURCE_TIERS as readonly string[]).includes(e[1]),
  ),
);

/** The tier the table gives a host ("www." ignored), or undefined when the host is not in it. */
export function knownTier(url: string): SourceTier | undefined {
  return TABLE.get(hostOf(url).toLowerCase());
}

/** The tier of a source at `url`: the table's, else `weak` (an unknown host). */
export function tierOfUrl(url: string): SourceTier {
  return knownTier(url) ?? 'weak';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A source reference saved before tiers existed: where, who and when, but no `tier`. */
function untiered(v: Record<string, unknown>): boolean {
  return typeof v.url === 'string' && typeof v.publisher === 'string' && 'published' in v && !('tier' in v);
}

/**
 * A copy of `value` in which every source reference without a tier ({url, publisher, published},
 * at any depth) has the host table's tier. For what readers saved before tiers existed: kept
 * annotations in the store and in backup files, whose cards and claim checks cite sources.
 */
export function withTiers<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withTiers) as T;
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = withTiers(v);
  if (untiered(value)) out.tier = tierOfUrl(value.url as string);
  return out as T;
}
