/**
 * ClaimReview JSON-LD drafts, one per claim check, with schema.org's field names
 * (schema.org/ClaimReview, /Claim, /Rating — `claimReviewed`, `itemReviewed` {Claim:
 * `appearance`, `datePublished`}, `reviewRating` {`ratingValue`, `bestRating`, `worstRating`,
 * `alternateName`, `ratingExplanation`}, `author`, `datePublished`, `url`), as Google's fact-check
 * markup reads them. They are drafts (`creativeWorkStatus: "Draft"`): a fact-checker reviews each,
 * names their organisation as `author` and publishes it at the `url` they choose.
 *
 * Rating scale: 1 (differs from the record) to 3 (consistent); "no data" has no `ratingValue`,
 * only its `alternateName`. `url` is `<idBase>claimreview/<id>` when idBase is an http(s) URL,
 * and left out otherwise (a URN is not a page).
 */
import type { Annotation, ClaimCheck, SourceRef, Verdict } from '../protocol/annotations.ts';
import { canonicalJson } from './json.ts';
import { byTier, sourceWithTier, tierLabel, weaklySourcedNote } from '../sources/tiers.ts';
import { renderer } from './render.ts';
import { idBaseOf } from './selectors.ts';
import { VERDICT_LABEL, exportItems } from './summary.ts';
import type { ExportInput } from './types.ts';

const RATING: Record<Verdict, number | undefined> = { consistent: 3, differs: 1, 'no-data': undefined };

/** A source as a schema.org CreativeWork; its tier ("press source", "copy of a PA story") as the description. */
function citation(s: SourceRef): Record<string, unknown> {
  const label = tierLabel(s);
  return {
    '@type': 'CreativeWork',
    url: s.url,
    publisher: { '@type': 'Organization', name: s.publisher },
    ...(s.published ? { datePublished: s.published } : {}),
    description: s.tier === 'copy' ? label : `${label === 'weak source' ? 'weak' : label} source`,
  };
}

function explanation(c: ClaimCheck): string {
  const alts = (c.alternatives ?? []).map(
    (a) => `${a.value} (${sourceWithTier(a.source)}: ${VERDICT_LABEL[a.verdict].toLowerCase()})`,
  );
  const weak = weaklySourcedNote(c.sources);
  const parts = [
    c.explanation,
    c.expected ? `Expected: ${c.expected}.` : '',
    alts.length ? `Other figures: ${alts.join('; ')}.` : '',
    weak ?? '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** One claim check as a ClaimReview object. */
export function claimReview(a: Annotation, input: ExportInput, base: string): Record<string, unknown> {
  const c = a.check!;
  const { page } = input.result;
  const id = `${base}claimreview/${encodeURIComponent(a.id)}`;
  const rating = RATING[c.verdict];
  return {
    '@type': 'ClaimReview',
    '@id': id,
    ...(/^https?:\/\//.test(base) ? { url: id } : {}),
    creativeWorkStatus: 'Draft',
    datePublished: input.created.slice(0, 10),
    author: { '@type': 'Organization', name: input.generator.name },
    claimReviewed: c.claim || a.exact,
    itemReviewed: {
      '@type': 'Claim',
      datePublished: page.published,
      appearance: {
        '@type': 'NewsArticle',
        ...(page.url ? { url: page.url } : {}),
        headline: page.title,
        datePublished: page.published,
      },
    },
    reviewRating: {
      '@type': 'Rating',
      ...(rating === undefined ? {} : { ratingValue: rating }),
      bestRating: 3,
      worstRating: 1,
      alternateName: VERDICT_LABEL[c.verdict],
      ratingExplanation: explanation(c),
    },
    citation: byTier(c.sources).map(citation),
    sdPublisher: { '@type': 'Organization', name: `${input.generator.name} ${input.generator.version}` },
  };
}

/** The drafts as an object: `{"@context": "https://schema.org", "@graph": [ClaimReview…]}`. */
export function claimReviewGraph(input: ExportInput): Record<string, unknown> {
  const base = idBaseOf(input);
  const claims = exportItems(input.result).filter((a) => a.check);
  return { '@context': 'https://schema.org', '@graph': claims.map((a) => claimReview(a, input, base)) };
}

/** ClaimReview JSON-LD, canonical JSON (json.ts). */
export function buildClaimReview(input: ExportInput): string {
  return canonicalJson(claimReviewGraph(input));
}

/** The CLI's `--format claimreview` (cli/formats.ts Renderer). */
export const render = renderer(buildClaimReview);
