import { describe, expect, it } from 'vitest';
import { buildClaimReview, claimReviewGraph } from '../../lib/export/claimreview.ts';
import { CLAIM, RESULT, input } from './fixture.ts';

const graph = claimReviewGraph(input()) as { '@context': string; '@graph': Record<string, unknown>[] };

describe('ClaimReview drafts', () => {
  it('has one ClaimReview per claim check, in schema.org terms', () => {
    expect(graph['@context']).toBe('https://schema.org');
    expect(graph['@graph']).toHaveLength(RESULT.claims.length);
    const review = graph['@graph'][0]!;
    expect(review).toMatchObject({
      '@type': 'ClaimReview',
      creativeWorkStatus: 'Draft',
      datePublished: '2026-11-24',
      author: { '@type': 'Organization', name: 'NHS Context' },
      claimReviewed: CLAIM.check!.claim,
      itemReviewed: {
        '@type': 'Claim',
        datePublished: '2023-08-24',
        appearance: {
          '@type': 'NewsArticle',
          url: RESULT.page.url,
          headline: RESULT.page.title,
          datePublished: '2023-08-24',
        },
      },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 1,
        bestRating: 3,
        worstRating: 1,
        alternateName: 'Differs from the record',
      },
      citation: [
        {
          '@type': 'CreativeWork',
          url: 'https://www.bma.org.uk/news/1',
          publisher: { '@type': 'Organization', name: 'BMA' },
          datePublished: '2023-10-03',
          description: 'primary source',
        },
      ],
    });
    const rating = review.reviewRating as { ratingExplanation: string };
    expect(rating.ratingExplanation).toContain('150 days before this article');
    expect(rating.ratingExplanation).toContain(
      'Other figures: May 2023 (Pulse (press): differs from the record); >200 days (BBC News (press): consistent with the record).',
    );
  });

  it('gives "no data" a name but no rating value', () => {
    const rating = graph['@graph'][1]!.reviewRating as Record<string, unknown>;
    expect(rating.alternateName).toBe('No data to check against');
    expect('ratingValue' in rating).toBe(false);
  });

  it('sets url only when the id base is a web address', () => {
    expect('url' in graph['@graph'][0]!).toBe(false);
    const withBase = claimReviewGraph(input({ idBase: 'https://factcheck.example/reviews/' })) as {
      '@graph': Record<string, unknown>[];
    };
    expect(withBase['@graph'][0]!.url).toBe('https://factcheck.example/reviews/claimreview/claim-1');
  });

  it('is deterministic JSON, empty without claims', () => {
    expect(buildClaimReview(input())).toBe(buildClaimReview(input()));
    const none = buildClaimReview(input({ result: { ...RESULT, claims: [] } }));
    expect(JSON.parse(none)).toEqual({ '@context': 'https://schema.org', '@graph': [] });
  });
});
