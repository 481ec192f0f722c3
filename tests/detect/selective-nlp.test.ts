/**
 * The selective pipeline gives the same result as running compromise over everything.
 *
 * compromise runs only where it is needed: claim finders ask for the sentences they look at
 * (`ClaimContext.nlp(i)`, cached per sentence), and `analyseSentence` skips sentences that
 * `needsNlp` rejects. The first part cannot change anything — a sentence's reading depends on the
 * sentence alone — so the results equal compromise over every sentence exactly when the filter is
 * sound: compromise finds no number and no date in any sentence the filter skips.
 *
 * Checked end to end on the seed article and generated dev-like texts (bench/generate.ts): the
 * claims annotate() returns equal those the same finders return when compromise reads every
 * sentence, unfiltered (`annotate(…, { nlp: 'all' })`). A failure lists the sentences the filter skipped in which compromise
 * reads a number or a date.
 */
import nlp from 'compromise';
import type { DatesMethods } from 'compromise-dates';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/detect/annotate.ts';
import { devLikeArticles, newsText, vocabularyOf } from '../../bench/generate.ts';
import { needsNlp } from '../../lib/detect/nlp.ts';
import { sentences } from '../../lib/detect/sentences.ts';
import { bundledIndex, bundledPack, fixture, textPage } from '../helpers/pack.ts';

const TODAY = '2023-08-24';
type DocWithDates = ReturnType<typeof nlp> & DatesMethods;

/** What compromise finds in a sentence, unfiltered (lib/detect/nlp.ts's calls, without needsNlp). */
function compromiseFinds(sentence: string): string[] {
  // analyseSentence registers compromise-dates on import; the same instance is used here.
  const doc = nlp(sentence) as DocWithDates;
  const numbers = (doc.numbers().json({ offset: true }) as { number?: { num?: number }; text: string }[])
    .filter((n) => typeof n.number?.num === 'number')
    .map((n) => `number: ${n.text}`);
  const dates = (
    doc.dates({ today: TODAY, timezone: 'UTC' }).json({ offset: true }) as {
      dates?: { start?: string | null; end?: string | null };
      text: string;
    }[]
  )
    .filter((d) => d.dates?.start && d.dates?.end)
    .map((d) => `date: ${d.text}`);
  return [...numbers, ...dates];
}

const vocab = vocabularyOf(bundledPack());
const texts: [string, string][] = [
  ['the seed article', fixture('seed-article.txt')],
  ['a generated 2 KB text', newsText(2_000, 101, vocab, { disputeShare: 0.05, minDispute: 1 })],
  ...devLikeArticles(8, 105, vocab).map((a): [string, string] => [`generated article ${a.id}`, a.text]),
];

describe('compromise only where needed = compromise over everything', () => {
  it.each(texts)('finds the same claims in %s', (_, text) => {
    const result = annotate(textPage(text, TODAY), bundledIndex(), { today: TODAY });
    const reference = annotate(textPage(text, TODAY), bundledIndex(), { today: TODAY, nlp: 'all' });
    // On failure, the sentences the filter skipped although compromise reads a number or date in them.
    const skipped = sentences(text)
      .map((sp) => text.slice(sp.start, sp.end))
      .filter((sentence) => !needsNlp(sentence))
      .map((sentence) => [sentence, compromiseFinds(sentence)] as const)
      .filter(([, found]) => found.length)
      .map(([sentence, found]) => `${JSON.stringify(sentence)} → ${found.join(', ')}`);
    expect(result.claims, `needsNlp skipped:\n${skipped.join('\n')}`).toEqual(reference.claims);
    expect(result.annotations).toEqual(reference.annotations);
  });

  it('skips sentences at all (else the check above proves nothing)', () => {
    const all = texts.flatMap(([, text]) => sentences(text).map((s) => text.slice(s.start, s.end)));
    const skipped = all.filter((s) => !needsNlp(s));
    expect(skipped.length).toBeGreaterThan(all.length / 10);
  });
});
