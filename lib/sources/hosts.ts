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
