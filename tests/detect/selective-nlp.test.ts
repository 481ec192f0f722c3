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
 * sentence, unfiltered (`everything` below mirrors lib/detect/nlp.ts's analyseSentence without
 * `needsNlp`: keep the two in step). compromise feeds only the claim finders, so the other
 * annotations cannot differ. A failure lists the sentences the filter skipped in which compromise
 * reads a number or a date.
 */
import nlp from 'compromise';
import type { DatesMethods } from 'compromise-dates';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/annotations.ts';
import { FINDERS } from '../../lib/claims/index.ts';
import { claimContext, type Found } from '../../lib/claims/context.ts';
import { annotate } from '../../lib/detect/annotate.ts';
import type { NlpSentence } from '../../lib/detect/nlp.ts';
import { devLikeArticles, newsText, vocabularyOf } from '../../bench/generate.ts';
import { needsNlp } from '../../lib/detect/nlp.ts';
import { sentences, type Span } from '../../lib/detect/sentences.ts';
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

/** compromise's reading of a sentence, unfiltered: lib/detect/nlp.ts's analyseSentence without needsNlp. */
function everything(text: string, span: Span, today: string): NlpSentence {
  const doc = nlp(text.slice(span.start, span.end)) as DocWithDates;
  type Offset = { offset?: { start: number; length: number } };
  const at = (o: Offset) => ({
    start: span.start + o.offset!.start,
    end: span.start + o.offset!.start + o.offset!.length,
  });
  const numbers = (doc.numbers().json({ offset: true }) as (Offset & { number?: { num?: number } })[])
    .filter((n) => typeof n.number?.num === 'number' && n.offset)
    .map((n) => ({ ...at(n), value: n.number!.num! }));
  const dates = (
    doc.dates({ today, timezone: 'UTC' }).json({ offset: true }) as (Offset & {
      dates?: { start?: string | null; end?: string | null; unit?: string };
    })[]
  )
    .filter((d) => d.dates?.start && d.dates?.end && d.offset)
    .map((d) => ({
      ...at(d),
      from: d.dates!.start!.slice(0, 10),
      to: d.dates!.end!.slice(0, 10),
      unit: d.dates!.unit ?? null,
    }));
  return { numbers, dates };
}

/** lib/claims/index.ts's checkClaims, with compromise over every sentence. */
function claimsOverEverything(text: string, date: string, annotations: Annotation[]): Annotation[] {
  const ctx = {
    ...claimContext(text, date, bundledIndex(), annotations),
    nlp: (i: number) => everything(text, sents[i]!, date),
  };
  const sents = ctx.sents;
  const kept: Found[] = [];
  for (const finder of FINDERS)
    for (const f of finder(ctx)) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept
    .sort((a, b) => a.start - b.start)
    .map((f) => ({
      id: `claim-${f.start}-${f.end}`,
      start: f.start,
      end: f.end,
      exact: text.slice(f.start, f.end),
      kind: 'claim' as const,
      score: f.check.verdict === 'no-data' ? 0.5 : 0.8,
      check: f.check,
    }));
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
    const others = result.annotations.filter((a) => a.kind !== 'claim');
    // On failure, the sentences the filter skipped although compromise reads a number or date in them.
    const skipped = sentences(text)
      .map((sp) => text.slice(sp.start, sp.end))
      .filter((sentence) => !needsNlp(sentence))
      .map((sentence) => [sentence, compromiseFinds(sentence)] as const)
      .filter(([, found]) => found.length)
      .map(([sentence, found]) => `${JSON.stringify(sentence)} → ${found.join(', ')}`);
    expect(result.claims, `needsNlp skipped:\n${skipped.join('\n')}`).toEqual(
      claimsOverEverything(text, TODAY, others),
    );
  });

  it('skips sentences at all (else the check above proves nothing)', () => {
    const all = texts.flatMap(([, text]) => sentences(text).map((s) => text.slice(s.start, s.end)));
    const skipped = all.filter((s) => !needsNlp(s));
    expect(skipped.length).toBeGreaterThan(all.length / 10);
  });
});
