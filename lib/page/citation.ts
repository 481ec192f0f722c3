/**
 * "Copy as citation": a card as plain text a reader can paste into notes or an email, with the
 * article it was read against and every source named. Pure; the card copies it to the clipboard.
 */
import type { Card, ClaimCheck, SourceRef } from '../protocol/annotations.ts';
import { formatDate } from '../util/dates.ts';

/** The article a card was shown on. */
export interface ArticleRef {
  url: string;
  title: string;
  /** ISO date the card is "as of". */
  published: string;
}

/** How many facts a citation carries (the card may show more). */
const CITED_FACTS = 4;

function sourceLine(s: SourceRef): string {
  const when = s.published ? `, ${formatDate(s.published)}` : '';
  return `${s.publisher}${when}, ${s.url}`;
}

function articleLine(article: ArticleRef): string {
  const title = article.title ? `“${article.title}”` : 'an article';
  return `As of ${formatDate(article.published)}, for ${title} (${article.url}). Compiled by NHS Context.`;
}

/** Citation text for an entity or event card. */
export function cardCitation(card: Card, article: ArticleRef): string {
  const lines = [
    card.roleOnDate ? `${card.name}: ${card.roleOnDate} on ${formatDate(article.published)}.` : `${card.name}.`,
  ];
  if (card.roleNow) lines.push(`Now: ${card.roleNow}.`);
  for (const fact of card.facts.slice(0, CITED_FACTS)) {
    const distance = fact.distance ? ` (${fact.distance})` : '';
    const source = fact.sources[0] ? ` Source: ${sourceLine(fact.sources[0])}.` : '';
    lines.push(`- ${fact.statement}${distance}.${source}`);
  }
  if (card.facts.length === 0 && card.sources[0]) lines.push(`Source: ${sourceLine(card.sources[0])}.`);
  if (card.coverageNotice) lines.push(card.coverageNotice);
  lines.push(articleLine(article));
  return lines.join('\n');
}

/** Citation text for a claim check. */
export function claimCitation(check: ClaimCheck, article: ArticleRef): string {
  const lines = [`Claim: “${check.claim}”.`, `Fact base: ${check.expected}. ${check.explanation}`];
  for (const s of check.sources.slice(0, CITED_FACTS)) lines.push(`Source: ${sourceLine(s)}.`);
  lines.push(articleLine(article));
  return lines.join('\n');
}
