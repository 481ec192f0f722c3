/**
 * Pack format 1, read and upgraded to the current format on import and on load, so packs and
 * stores written before format 2 keep working. Format 1 had no source tiers and one `source` per
 * role; the upgrade gives each source its tier from the host table (lib/sources/hosts.ts; an
 * unknown host is `weak`), lists sources best first and turns a role's `source` into `sources`.
 */
import * as z from 'zod';
import { tierOfUrl } from '../sources/hosts.ts';
import { byTier } from '../sources/tiers.ts';
import { Conflict, Entity, Event, Fact, PACK_FORMAT, PackMeta, Role, Source, type Pack as PackT } from './schema.ts';

const SourceV1 = Source.omit({ tier: true });
const ConflictV1 = Conflict.extend({ source: SourceV1 });
const RoleV1 = Role.omit({ sources: true }).extend({ source: SourceV1 });
const EntityV1 = Entity.extend({ roles: z.array(RoleV1).max(100).optional() });
const EventV1 = Event.extend({
  sources: z.array(SourceV1).min(1).max(50),
  conflicts: z.array(ConflictV1).max(50).optional(),
});
const FactV1 = Fact.extend({
  sources: z.array(SourceV1).min(1).max(50),
  conflicts: z.array(ConflictV1).max(50).optional(),
});

/** A whole format-1 pack, as format 1 validated it. */
export const PackV1 = PackMeta.extend({
  format: z.literal(1),
  entities: z.array(EntityV1).max(50_000),
  events: z.array(EventV1).max(50_000),
  facts: z.array(FactV1).max(500_000),
});
export type PackV1 = z.infer<typeof PackV1>;

type SourceV1 = z.infer<typeof SourceV1>;
type ConflictV1 = z.infer<typeof ConflictV1>;

/** A format-1 source with its tier; a source that already has one (a half-upgraded row) keeps it. */
function tiered(s: SourceV1 & { tier?: Source['tier'] }): Source {
  return { ...s, tier: s.tier ?? tierOfUrl(s.url) };
}

const tieredAll = (list: SourceV1[]): Source[] => byTier(list.map(tiered));
const conflicts = (list: ConflictV1[] | undefined) =>
  list ? { conflicts: list.map((c) => ({ ...c, source: tiered(c.source) })) } : {};

/** Upgrades a format-1 pack (already validated as one) to the current format. */
export function upgradeV1(pack: PackV1): PackT {
  return {
    ...pack,
    format: PACK_FORMAT,
    entities: pack.entities.map(({ roles, ...e }) => ({
      ...e,
      ...(roles ? { roles: roles.map(({ source, ...r }) => ({ ...r, sources: [tiered(source)] })) } : {}),
    })),
    events: pack.events.map(({ conflicts: c, ...ev }) => ({ ...ev, sources: tieredAll(ev.sources), ...conflicts(c) })),
    facts: pack.facts.map(({ conflicts: c, ...f }) => ({ ...f, sources: tieredAll(f.sources), ...conflicts(c) })),
  };
}

/** True when `data` declares format 1 (whatever else is wrong with it). */
export function isFormatV1(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { format?: unknown }).format === 1;
}

/**
 * A stored pack (IndexedDB) as the current format: rows written before format 2 are upgraded as
 * they are read; the stored rows are left as they are (an update or re-import replaces them).
 */
export function readStoredPack(pack: PackT | PackV1): PackT {
  return pack.format === 1 ? upgradeV1(pack) : pack;
}
