/**
 * W3C Web Annotation export: an AnnotationCollection whose `first` is an AnnotationPage holding one
 * Annotation per item (Web Annotation Data Model, W3C Recommendation 2017-02-23; context
 * http://www.w3.org/ns/anno.jsonld — field by field in schemas.ts).
 *
 * Each annotation targets the article with a TextQuoteSelector (32 characters of prefix and
 * suffix) and a TextPositionSelector over PageText's text, plus its text-fragment link. Bodies: a
 * SpecificResource identifying the entity or event (its Wikipedia pages as `schema:sameAs`), one
 * per fact a claim was checked against, a TextualBody with the card's summary, a `tagging` body
 * with the kind and, for claims, an `assessing` body with the verdict (motivation "assessing").
 */
import type { Annotation } from '../protocol/annotations.ts';
import { canonicalJson } from './json.ts';
import type { Motivation, W3CAnnotation, W3CBody, W3CCollection } from './schemas.ts';
import { idBaseOf, packIri, quoteContext } from './selectors.ts';
import { textFragmentLink } from './fragment.ts';
import { cardFor, exportItems, plainText, summaryLines } from './summary.ts';
import type { ExportInput } from './types.ts';
import { renderer } from './render.ts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const DATE_FROM: Record<string, string> = {
  'json-ld': "Date read from the page's JSON-LD.",
  meta: "Date read from the page's meta tags.",
  time: "Date read from the page's <time> element.",
  given: 'Date given by the user.',
  none: 'No date found on the page or in its text: claims are not judged.',
  inferred: 'Inferred from the article text.',
};

function motivationOf(a: Annotation): Motivation {
  if (a.check) return 'assessing';
  return a.entity ? 'identifying' : 'describing';
}

function textBody(purpose: Motivation, value: string): W3CBody {
  return { type: 'TextualBody', purpose, value, format: 'text/plain', language: 'en' };
}

function entityBody(a: Annotation, cardSameAs: string[] | undefined): W3CBody[] {
  const e = a.entity;
  if (!e) return [];
  const sameAs = e.sameAs.length > 0 ? e.sameAs : (cardSameAs ?? []);
  const source = {
    id: packIri('entity', e.id),
    'schema:name': e.name,
    'schema:additionalType': e.kind,
    'schema:sameAs': sameAs,
  };
  const bodies: W3CBody[] = [{ type: 'SpecificResource', purpose: 'identifying', source }];
  if (a.role) {
    bodies.push({
      type: 'SpecificResource',
      purpose: 'identifying',
      source: {
        id: packIri('role', a.role.id || a.role.title),
        'schema:name': a.role.title,
        'schema:additionalType': 'role',
      },
    });
  }
  return bodies;
}

function factBodies(a: Annotation): W3CBody[] {
  return (a.check?.factIds ?? []).map((id) => ({
    type: 'SpecificResource',
    purpose: 'assessing',
    source: { id: packIri('fact', id) },
  }));
}

/** The bodies of one item (see the module comment). */
export function bodiesOf(a: Annotation, input: ExportInput): W3CBody[] {
  const summary = plainText(summaryLines(a, input.result));
  const entity = entityBody(a, cardFor(input.result, a)?.sameAs);
  const bodies = [...entity, ...factBodies(a), textBody('describing', summary), textBody('tagging', a.kind)];
  if (a.check) bodies.push(textBody('assessing', a.check.verdict));
  return bodies;
}

/** One item as a W3C Annotation. */
export function w3cAnnotation(a: Annotation, input: ExportInput, base: string): W3CAnnotation {
  const { prefix, suffix } = quoteContext(input.text, a.start, a.end);
  const link = textFragmentLink(input.result.page.url, input.text, a.start, a.end);
  return {
    id: `${base}annotation/${encodeURIComponent(a.id)}`,
    type: 'Annotation',
    motivation: motivationOf(a),
    created: input.created,
    generator: `${base}generator`,
    body: bodiesOf(a, input),
    target: {
      type: 'SpecificResource',
      source: input.result.page.url,
      selector: [
        { type: 'TextQuoteSelector', exact: a.exact, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
        { type: 'TextPositionSelector', start: a.start, end: a.end },
      ],
      ...(link ? { 'schema:url': link } : {}),
    },
  };
}

/** The export as an object (see buildW3C for the text). */
export function w3cCollection(input: ExportInput): W3CCollection {
  const base = idBaseOf(input);
  const { page } = input.result;
  const { name, version, packVersion } = input.generator;
  const items = exportItems(input.result).map((a) => w3cAnnotation(a, input, base));
  return {
    '@context': ANNO_CONTEXT,
    id: `${base}collection`,
    type: 'AnnotationCollection',
    label: `${name}: context for “${page.title}”`,
    created: input.created,
    generator: {
      id: `${base}generator`,
      type: 'Software',
      name: `${name} ${version}`,
      'schema:softwareVersion': version,
      'schema:isBasedOn': { type: 'Dataset', name: 'fact pack', 'schema:version': packVersion },
    },
    'schema:about': {
      ...(page.url ? { id: page.url } : {}),
      type: 'Text',
      'schema:headline': page.title,
      'schema:datePublished': page.published,
      'schema:description': page.dateNote ?? DATE_FROM[page.publishedFrom] ?? '',
    },
    total: items.length,
    first: { id: `${base}page/1`, type: 'AnnotationPage', partOf: `${base}collection`, startIndex: 0, items },
    last: `${base}page/1`,
  };
}

/** W3C Web Annotation JSON-LD, canonical JSON (json.ts). */
export function buildW3C(input: ExportInput): string {
  return canonicalJson(w3cCollection(input));
}

/** The CLI's `--format w3c` (cli/formats.ts Renderer). */
export const render = renderer(buildW3C);
