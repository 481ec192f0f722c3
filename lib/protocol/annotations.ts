/**
 * The data that crosses contexts (docs/ARCHITECTURE.md, "Contracts"): PageText, Annotation, Card, ClaimCheck
 * and the annotate result. zod/mini keeps the content script small; every message is parsed.
 */
import * as z from 'zod/mini';
import { SOURCE_TIERS } from '../sources/tiers.ts';

/** Where the article's date came from; 'inferred': from its own text (page.dateNote says how). */
export const PublishedFrom = z.enum(['json-ld', 'meta', 'time', 'none', 'given', 'inferred']);
export type PublishedFrom = z.infer<typeof PublishedFrom>;

/** THE reference to a source wherever one is shown (cards, claims, search, exports); see lib/sources/. */
export const SourceRef = z.object({
  url: z.string(),
  publisher: z.string(),
  published: z.nullable(z.string()),
  tier: z.enum(SOURCE_TIERS),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Verdict = z.enum(['consistent', 'differs', 'no-data']);
export type Verdict = z.infer<typeof Verdict>;

export const ClaimCheck = z.object({
  claim: z.string(),
  kind: z.enum(['duration', 'figure', 'date', 'role', 'count']),
  verdict: Verdict,
  expected: z.string(),
  explanation: z.string(),
  factIds: z.array(z.string()),
  sources: z.array(SourceRef),
  alternatives: z.optional(
    z.array(z.object({ value: z.string(), source: SourceRef, verdict: Verdict, note: z.optional(z.string()) })),
  ),
});
export type ClaimCheck = z.infer<typeof ClaimCheck>;

export const AnnotationKind = z.enum(['entity', 'event', 'date', 'figure', 'claim']);
export type AnnotationKind = z.infer<typeof AnnotationKind>;

export const EntityRef = z.object({
  id: z.string(),
  name: z.string(),
  /** person | organisation | staff-group | role, or the event kind (strike, ballot…). */
  kind: z.string(),
  sameAs: z.array(z.string()),
});
export type EntityRef = z.infer<typeof EntityRef>;

export const Annotation = z.object({
  id: z.string(),
  start: z.number(),
  end: z.number(),
  exact: z.string(),
  kind: AnnotationKind,
  /** 0–1 (not range-checked here: the check would cost the content script bytes it has not got). */
  score: z.number(),
  entity: z.optional(EntityRef),
  role: z.optional(z.object({ id: z.string(), title: z.string() })),
  /** Dates: ISO date, YYYY-MM or an ISO interval; figures: the number. */
  value: z.optional(z.union([z.string(), z.number()])),
  unit: z.optional(z.string()),
  check: z.optional(ClaimCheck),
  /** A generic body (the NHS, a party, a department): highlighted more quietly than people and unions. */
  quiet: z.optional(z.boolean()),
});
export type Annotation = z.infer<typeof Annotation>;

export const CardFact = z.object({
  id: z.string(),
  statement: z.string(),
  /** The date the fact is about (event date or asOf), ISO or reduced precision. */
  date: z.nullable(z.string()),
  /** Signed whole days from the article's date (negative: before it), when the date is a full day. */
  daysFromArticle: z.nullable(z.number()),
  /** "150 days before this article". */
  distance: z.nullable(z.string()),
  confidence: z.enum(['corroborated', 'single-source']),
  sources: z.array(SourceRef),
  conflicts: z.array(z.object({ value: z.string(), note: z.string(), source: SourceRef })),
});
export type CardFact = z.infer<typeof CardFact>;

export const Card = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  description: z.string(),
  sameAs: z.array(z.string()),
  /** Role on the article's date, and today's when it differs. */
  roleOnDate: z.nullable(z.string()),
  roleNow: z.nullable(z.string()),
  /** A label such as "resident doctors (formerly junior doctors)" when the term changed. */
  termNote: z.nullable(z.string()),
  facts: z.array(CardFact),
  sources: z.array(SourceRef),
  /** Set when the article's date falls outside the pack's coverage. */
  coverageNotice: z.nullable(z.string()),
});
export type Card = z.infer<typeof Card>;

export const AnnotateResult = z.object({
  page: z.object({
    url: z.string(),
    title: z.string(),
    published: z.string(),
    publishedFrom: PublishedFrom,
    /** How the date was inferred (publishedFrom 'inferred'), or why claims were not judged (none). */
    dateNote: z.optional(z.string()),
    packVersion: z.string(),
  }),
  annotations: z.array(Annotation),
  cards: z.array(Card),
  claims: z.array(Annotation),
});
export type AnnotateResult = z.infer<typeof AnnotateResult>;
