import { describe, expect, it } from 'vitest';
import type { Card, ClaimCheck } from '../../lib/protocol/annotations.ts';
import { cardCitation, claimCitation } from '../../lib/page/citation.ts';

const article = {
  url: 'https://www.bbc.co.uk/news/health-1',
  title: 'Ministers have not met consultants',
  published: '2023-08-24',
};
const source = { url: 'https://www.bma.org.uk/a', publisher: 'BMA', published: '2023-10-03', tier: 'primary' as const };

const card: Card = {
  id: 'consultants',
  name: 'Consultants',
  kind: 'staff-group',
  description: 'Most senior hospital doctors.',
  sameAs: [],
  roleOnDate: null,
  roleNow: null,
  termNote: null,
  facts: [
    {
      id: 'f1',
      statement: 'Last meeting between consultants’ leaders and the Health Secretary (27 March 2023)',
      date: '2023-03-27',
      daysFromArticle: -150,
      distance: '150 days before this article',
      confidence: 'single-source',
      sources: [source],
      conflicts: [],
    },
  ],
  sources: [],
  coverageNotice: null,
};

describe('citations', () => {
  it('cites a card with its facts, distances, sources and the article', () => {
    expect(cardCitation(card, article)).toBe(
      [
        'Consultants.',
        '- Last meeting between consultants’ leaders and the Health Secretary (27 March 2023) (150 days before this article). Source: BMA, 3 October 2023, https://www.bma.org.uk/a.',
        'As of 24 August 2023, for “Ministers have not met consultants” (https://www.bbc.co.uk/news/health-1). Compiled by NHS Context.',
      ].join('\n'),
    );
  });

  it('names the role on the date, and now when it changed, and carries the coverage notice', () => {
    const text = cardCitation(
      {
        ...card,
        name: 'Steve Barclay',
        roleOnDate: 'Secretary of State for Health and Social Care',
        roleNow: 'MP',
        facts: [],
        sources: [source],
        coverageNotice: 'Outside coverage.',
      },
      article,
    );
    expect(text.split('\n')).toEqual([
      'Steve Barclay: Secretary of State for Health and Social Care on 24 August 2023.',
      'Now: MP.',
      'Source: BMA, 3 October 2023, https://www.bma.org.uk/a.',
      'Outside coverage.',
      'As of 24 August 2023, for “Ministers have not met consultants” (https://www.bbc.co.uk/news/health-1). Compiled by NHS Context.',
    ]);
  });

  it('cites a claim check', () => {
    const check: ClaimCheck = {
      claim: 'more than five months',
      kind: 'duration',
      verdict: 'differs',
      expected: '4 months and 28 days',
      explanation: 'The last meeting was on 27 March 2023.',
      factIds: [],
      sources: [{ ...source, published: null }],
    };
    expect(claimCitation(check, { ...article, title: '' }).split('\n')).toEqual([
      'Claim: “more than five months”.',
      'Fact base: 4 months and 28 days. The last meeting was on 27 March 2023.',
      'Source: BMA, https://www.bma.org.uk/a.',
      'As of 24 August 2023, for an article (https://www.bbc.co.uk/news/health-1). Compiled by NHS Context.',
    ]);
  });
});
