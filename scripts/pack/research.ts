/**
 * The shape of the research fact base (data/factbase/nhs-industrial-action.facts.json, version 2,
 * see data/factbase/README.md) that
 * `convert.ts` turns into a pack. Objects are strict on purpose: a key the converter does not know
 * would otherwise be dropped silently, and the build must never lose research data.
 */
import * as z from 'zod';
import { Confidence, EntityKind, EventKind, SourceTier } from '../../lib/facts/schema.ts';

const ResearchSource = z.strictObject({
  url: z.string(),
  publisher: z.string(),
  published: z.string().nullable(),
  seen: z.boolean().optional(),
  tier: SourceTier,
});

const ResearchConflict = z.strictObject({
  value: z.union([z.number(), z.string(), z.boolean()]),
  note: z.string(),
  source: ResearchSource,
});

const ResearchRole = z.strictObject({
  title: z.string(),
  organisation: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  attested: z.array(z.string()).optional(),
  note: z.string().optional(),
  sources: z.array(ResearchSource),
});

const ResearchEntity = z.strictObject({
  id: z.string(),
  kind: EntityKind,
  name: z.string(),
  aliases: z.array(z.string()),
  description: z.string(),
  wikipedia: z.string().nullable(),
  roles: z.array(ResearchRole).optional(),
});

const ResearchEvent = z.strictObject({
  id: z.string(),
  kind: EventKind,
  title: z.string(),
  participants: z.array(z.string()),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  nation: z.string().nullable(),
  /** Checked against the pack's Details type after conversion. */
  details: z.record(z.string(), z.unknown()),
  sources: z.array(ResearchSource),
  confidence: Confidence,
  conflicts: z.array(ResearchConflict).optional(),
});

const ResearchFact = z.strictObject({
  id: z.string(),
  subject: z.string(),
  predicate: z.string(),
  value: z.union([z.number(), z.string(), z.boolean()]),
  unit: z.string().nullable().optional(),
  asOf: z.string().nullable(),
  statement: z.string(),
  sources: z.array(ResearchSource),
  confidence: Confidence,
  conflicts: z.array(ResearchConflict).optional(),
  note: z.string().optional(),
});

/** The whole research file. */
export const ResearchFile = z.strictObject({
  schemaVersion: z.literal('2.0'),
  title: z.string(),
  scope: z.string(),
  compiledFrom: z.string(),
  entities: z.array(ResearchEntity),
  events: z.array(ResearchEvent),
  facts: z.array(ResearchFact),
  /** The period the research covers (the pack's `coverage`). */
  coverage: z.strictObject({ from: z.string(), to: z.string() }),
});
export type ResearchFile = z.infer<typeof ResearchFile>;
export type ResearchEntity = z.infer<typeof ResearchEntity>;
export type ResearchRole = z.infer<typeof ResearchRole>;
export type ResearchSource = z.infer<typeof ResearchSource>;
export type ResearchConflict = z.infer<typeof ResearchConflict>;
