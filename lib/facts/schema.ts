/**
 * The fact-pack format, version 2 (README, "Pack format"). Every record that states something
 * about the world carries its sources (each with its tier, best first), a confidence and, where
 * sources disagree, the conflicting values. Format 1 packs are read through `format-v1.ts`.
 * Background and CLI only: the content script never sees pack data, so full zod is fine here.
 */
import * as z from 'zod';
import { SOURCE_TIERS } from '../sources/tiers.ts';
import { IsoDate } from '../util/iso-date.ts';

/** ISO date, or a reduced-precision form when a source gives only the month or the year. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
export type PartialDate = z.infer<typeof PartialDate>;

export { IsoDate } from '../util/iso-date.ts';

/** Only web links a reader can open safely: http and https. */
export const HttpUrl = z
  .string()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'expected an http(s) URL');

export const Id = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id');

/**
 * How much a source is worth on its own, from its host (lib/sources/tiers.ts): the body itself,
 * established press, a copy of a story published elsewhere, or a weak host (scraper, aggregator).
 */
export const SourceTier = z.enum(SOURCE_TIERS);

export const Source = z.object({
  url: HttpUrl,
  publisher: z.string().min(1).max(300),
  published: PartialDate.nullable(),
  /** The cited text was read by the compiler (research metadata, kept as given). */
  seen: z.boolean().optional(),
  tier: SourceTier,
});
export type Source = z.infer<typeof Source>;

export const Confidence = z.enum(['corroborated', 'single-source']);
export type Confidence = z.infer<typeof Confidence>;

/** Another value reported for the same thing, shown beside the chosen one. */
export const Conflict = z.object({
  value: z.union([z.number(), z.string(), z.boolean()]),
  note: z.string().max(1000),
  source: Source,
});
export type Conflict = z.infer<typeof Conflict>;

/** A period; `from` inclusive, `to` exclusive, either open (null). */
export const Period = z.object({ from: PartialDate.nullable(), to: PartialDate.nullable() });
export type Period = z.infer<typeof Period>;

/**
 * How an alias may be matched and annotated.
 * - `context: 'none'`: annotate wherever it appears.
 * - `context: 'domain'`: only in a text that is about the disputes (it has an anchor mention).
 * - `context: 'coreference'`: a bare surname; only after a fuller mention of the same entity.
 */
export const Alias = z.object({
  text: z.string().min(1).max(200),
  /** `exact` for proper names and acronyms ("BMA", "Unite"); `ignore-case` for common nouns. */
  match: z.enum(['exact', 'ignore-case']),
  context: z.enum(['none', 'domain', 'coreference']),
  /**
   * A description of whoever holds a position ("the Health Secretary"). On a role entity it is
   * resolved to the holder on the article's date; on a person it applies only while they hold a role.
   */
  descriptor: z.boolean().optional(),
  /** When the term was current (a label for the card, never a matching constraint). */
  current: Period.extend({ where: z.string().max(100).optional() }).optional(),
  /** Why the alias exists when it is not a correct name (a misnomer used by some outlets). */
  note: z.string().max(500).optional(),
});
export type Alias = z.infer<typeof Alias>;

export const Role = z.object({
  title: z.string().min(1).max(300),
  /** The role entity this is an instance of, when the pack has one (resolves "the Health Secretary"). */
  role: Id.optional(),
  organisation: Id.nullable(),
  from: PartialDate.nullable(),
  to: PartialDate.nullable(),
  /** Earliest and latest dates the person was reported in the role, when from/to are unknown. */
  attested: z.array(PartialDate).min(1).max(2).optional(),
  nation: z.string().max(100).optional(),
  note: z.string().max(1000).optional(),
  /** Best first. */
  sources: z.array(Source).min(1).max(50),
});
export type Role = z.infer<typeof Role>;

export const EntityKind = z.enum(['person', 'organisation', 'staff-group', 'role', 'place']);
export type EntityKind = z.infer<typeof EntityKind>;

export const Entity = z.object({
  id: Id,
  kind: EntityKind,
  name: z.string().min(1).max(300),
  aliases: z.array(Alias).max(200),
  description: z.string().max(2000),
  /** Full English Wikipedia URLs. */
  sameAs: z.array(HttpUrl).max(10),
  roles: z.array(Role).max(100).optional(),
  /** Parent organisation (a BMA committee → the BMA), an entity id. */
  parent: Id.optional(),
  /** Nation the entity belongs to, when it is nation-specific (used to resolve roles). */
  nation: z.string().max(100).optional(),
  /** Whether a mention of it shows a text is about the disputes (parties and places do not). */
  anchor: z.boolean(),
  /** An own fact marked private is never highlighted in pages. */
  private: z.boolean().optional(),
});
export type Entity = z.infer<typeof Entity>;

export const EventKind = z.enum(['strike', 'ballot', 'meeting', 'pay-offer', 'pay-award', 'agreement', 'announcement']);
export type EventKind = z.infer<typeof EventKind>;

const Scalar = z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]);
/** Event details vary by event (turnouts, times, outcomes); values are data, shown as text. */
const Details = z.record(
  z.string().max(200),
  z.union([Scalar, z.array(Scalar).max(100), z.record(z.string().max(200), Scalar)]),
);

export const Event = z.object({
  id: Id,
  kind: EventKind,
  title: z.string().min(1).max(500),
  participants: z.array(Id).max(50),
  startDate: PartialDate.nullable(),
  endDate: PartialDate.nullable(),
  nation: z.string().max(200).nullable(),
  details: Details,
  /** Best first. */
  sources: z.array(Source).min(1).max(50),
  confidence: Confidence,
  conflicts: z.array(Conflict).max(50).optional(),
});
export type Event = z.infer<typeof Event>;

export const Fact = z.object({
  id: Id,
  /** An entity or event id. */
  subject: Id,
  predicate: z.string().min(1).max(100),
  value: z.union([z.number(), z.string().max(2000), z.boolean()]),
  unit: z.string().max(100).nullable().optional(),
  asOf: PartialDate.nullable(),
  statement: z.string().min(1).max(1000),
  /** Best first. */
  sources: z.array(Source).min(1).max(50),
  confidence: Confidence,
  conflicts: z.array(Conflict).max(50).optional(),
  note: z.string().max(2000).optional(),
});
export type Fact = z.infer<typeof Fact>;

/** The pack format this code writes; format 1 packs are upgraded on read (format-v1.ts). */
export const PACK_FORMAT = 2;

export const PackMeta = z.object({
  format: z.literal(PACK_FORMAT),
  id: Id,
  name: z.string().min(1).max(300),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a semantic version'),
  published: IsoDate,
  license: z.string().min(1).max(200),
  /** The period the pack's research covers; past `to`, an open-ended role may have changed. */
  coverage: z.object({ from: PartialDate, to: PartialDate }),
  description: z.string().max(2000).optional(),
});
export type PackMeta = z.infer<typeof PackMeta>;

export const Pack = PackMeta.extend({
  entities: z.array(Entity).max(50_000),
  events: z.array(Event).max(50_000),
  facts: z.array(Fact).max(500_000),
});
export type Pack = z.infer<typeof Pack>;
