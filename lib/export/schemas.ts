/**
 * zod/mini schemas of the JSON exports. The builders are typed by them and the importers parse with
 * them, so what we write is exactly what we read back (the round-trip tests hold them to it).
 *
 * W3C: Web Annotation Data Model (W3C Recommendation, 23 February 2017), §3 (Annotation, bodies,
 * `purpose`, `motivation`), §4 (SpecificResource, TextQuoteSelector, TextPositionSelector), §5
 * (AnnotationCollection, AnnotationPage); terms from its context http://www.w3.org/ns/anno.jsonld,
 * which also maps the `schema:` prefix to http://schema.org/ for our extra properties.
 * Hypothesis: hypothesis/client `src/types/api.ts` (APIAnnotationData, Selector, Target) and the
 * JSON envelope of `src/sidebar/services/annotations-exporter.tsx` (buildJSONExportContent).
 */
import * as z from 'zod/mini';

const offset = z.int().check(z.gte(0));

export const TextQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.optional(z.string()),
  suffix: z.optional(z.string()),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

export const TextPositionSelector = z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset });
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

/** Motivations we write (anno.jsonld: oa:identifying, oa:describing, oa:assessing, oa:tagging). */
export const Motivation = z.enum(['identifying', 'describing', 'assessing', 'tagging']);
export type Motivation = z.infer<typeof Motivation>;

/** The thing a SpecificResource body identifies: an entity, event, role or fact of the pack. */
export const PackResource = z.object({
  id: z.string(),
  'schema:name': z.optional(z.string()),
  'schema:additionalType': z.optional(z.string()),
  'schema:sameAs': z.optional(z.array(z.string())),
});

export const SpecificBody = z.object({
  type: z.literal('SpecificResource'),
  purpose: Motivation,
  source: PackResource,
});
export const TextualBody = z.object({
  type: z.literal('TextualBody'),
  purpose: Motivation,
  value: z.string(),
  format: z.literal('text/plain'),
  language: z.literal('en'),
});
export const W3CBody = z.discriminatedUnion('type', [SpecificBody, TextualBody]);
export type W3CBody = z.infer<typeof W3CBody>;

export const W3CTarget = z.object({
  type: z.literal('SpecificResource'),
  source: z.string(),
  selector: z.tuple([TextQuoteSelector, TextPositionSelector]),
  /** The text-fragment link to the quote (schema:url), when the article has a URL. */
  'schema:url': z.optional(z.string()),
});

export const W3CAnnotation = z.object({
  id: z.string(),
  type: z.literal('Annotation'),
  motivation: Motivation,
  created: z.string(),
  /** The id of the collection's generator. */
  generator: z.string(),
  body: z.array(W3CBody),
  target: W3CTarget,
});
export type W3CAnnotation = z.infer<typeof W3CAnnotation>;

export const W3CGenerator = z.object({
  id: z.string(),
  type: z.literal('Software'),
  name: z.string(),
  'schema:softwareVersion': z.string(),
  'schema:isBasedOn': z.object({ type: z.literal('Dataset'), name: z.string(), 'schema:version': z.string() }),
});

/** The article the collection is about: URL, headline and date (and where the date came from). */
export const W3CArticle = z.object({
  id: z.optional(z.string()),
  type: z.literal('Text'),
  'schema:headline': z.string(),
  'schema:datePublished': z.string(),
  'schema:description': z.optional(z.string()),
});

export const W3CPage = z.object({
  id: z.string(),
  type: z.literal('AnnotationPage'),
  partOf: z.string(),
  startIndex: offset,
  items: z.array(W3CAnnotation),
});

export const W3CCollection = z.object({
  '@context': z.literal('http://www.w3.org/ns/anno.jsonld'),
  id: z.string(),
  type: z.literal('AnnotationCollection'),
  label: z.string(),
  created: z.string(),
  generator: W3CGenerator,
  'schema:about': W3CArticle,
  total: offset,
  first: W3CPage,
  last: z.string(),
});
export type W3CCollection = z.infer<typeof W3CCollection>;

/** Any other selector in a Hypothesis file (RangeSelector, PageSelector…), kept as-is. */
const OtherSelector = z.looseObject({ type: z.string() });

export const HypothesisSelector = z.union([TextQuoteSelector, TextPositionSelector, OtherSelector]);

export const HypothesisAnnotation = z.object({
  id: z.optional(z.string()),
  created: z.string(),
  updated: z.string(),
  user: z.string(),
  user_info: z.optional(z.object({ display_name: z.nullable(z.string()) })),
  uri: z.string(),
  group: z.string(),
  hidden: z.boolean(),
  flagged: z.optional(z.boolean()),
  text: z.string(),
  tags: z.array(z.string()),
  /** The h API returns `title` as a list; the client's type says string: both are read. */
  document: z.object({ title: z.union([z.array(z.string()), z.string()]) }),
  permissions: z.object({ read: z.array(z.string()), update: z.array(z.string()), delete: z.array(z.string()) }),
  target: z.array(z.object({ source: z.string(), selector: z.optional(z.array(HypothesisSelector)) })),
  links: z.object({ incontext: z.optional(z.string()), html: z.optional(z.string()) }),
  references: z.optional(z.array(z.string())),
});
export type HypothesisAnnotation = z.infer<typeof HypothesisAnnotation>;

/** Hypothesis's JSON export envelope (buildJSONExportContent). */
export const HypothesisExport = z.object({
  export_date: z.string(),
  export_userid: z.string(),
  client_version: z.string(),
  annotations: z.array(HypothesisAnnotation),
});
export type HypothesisExport = z.infer<typeof HypothesisExport>;
