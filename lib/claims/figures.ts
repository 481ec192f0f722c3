/**
 * Figures: "68,000 patients had appointments cancelled", "a 5% pay rise", "a turnout of 71%".
 * A number is compared only with facts of the same measure about the event it concerns; a number
 * about another group or measure is 'no-data', never 'differs' (rules in quantity.ts).
 */
import type { ClaimCheck } from '../protocol/annotations.ts';
import type { Event, Fact } from '../facts/schema.ts';
import { dayNumber, formatDate, startOf } from '../util/dates.ts';
import type { ClaimContext, ClaimFinder, FoundClaim } from './context.ts';
import { groupNear, numberAt, refs, ref, sentenceText, withRelated } from './context.ts';
import { candidateEvents, nearestWindow } from './sentence-events.ts';
import { appliesTo } from '../detect/nations.ts';
import { agrees, formatNumber, precisionOf, qualifierBefore, qualifierWords } from './quantity.ts';
import { noData } from './duration.ts';

const NUM =
  '(\\d[\\d,]*(?:\\.\\d+)?(?:\\s*(?:million|m|k))?|(?:[a-z]+[- ]){0,3}(?:thousand|hundred|million)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';

interface Measure {
  name: string;
  re: RegExp;
  predicates: string[];
  kinds: Event['kind'][];
  percent: boolean;
}

const MEASURES: Measure[] = [
  {
    name: 'appointments rescheduled',
    re: new RegExp(
      `\\b${NUM}\\s+(?:patients|appointments|operations|procedures)\\b(?=[^.;]{0,80}\\b(?:cancel|resched|postpon|lost|called off|disrupt|affected|delayed))`,
      'gi',
    ),
    predicates: ['appointments-rescheduled', 'appointments-rescheduled-all-settings'],
    kinds: ['strike'],
    percent: false,
  },
  {
    name: 'pay rise',
    re: new RegExp(
      `\\b${NUM}\\s*(?:%|per cent|percent)\\s+(?:pay\\s+)?(?:rise|increase|uplift|award|offer|deal)\\b(?![^.;]{0,60}\\b(?:put forward|offered|announced|tabled|made|awarded|agreed)\\s+(?:in|on)\\b)`,
      'gi',
    ),
    predicates: ['pay-rise-percent', 'pay-offer-percent'],
    kinds: ['pay-offer', 'pay-award', 'agreement'],
    percent: true,
  },
  {
    name: 'ballot turnout',
    re: new RegExp(
      `\\bturnout\\s+(?:of|was|at)\\s+${NUM}\\s*(?:%|per cent|percent)|\\b${NUM}\\s*(?:%|per cent|percent)\\s+turnout`,
      'gi',
    ),
    predicates: ['ballot-turnout'],
    kinds: ['ballot'],
    percent: true,
  },
  {
    name: 'vote in favour',
    re: new RegExp(
      `\\b${NUM}\\s*(?:%|per cent|percent)\\s+(?:of\\s+(?:members|those|voters)[^.;]{0,20}?\\s+)?(?:voted (?:in favour|for|yes)|backed|supported|in favour)`,
      'gi',
    ),
    predicates: ['ballot-yes-share', 'offer-accept-share'],
    kinds: ['ballot'],
    percent: true,
  },
];

export const findFigures: ClaimFinder = (ctx) => {
  const out: FoundClaim[] = [];
  ctx.sents.forEach((s, i) => {
    if (!ctx.relevant(i)) return;
    const sentence = sentenceText(ctx, i);
    if (!/\d|\b(thousand|hundred|million|per cent|percent)\b/i.test(sentence)) return;
    for (const measure of MEASURES) {
      for (const m of sentence.matchAll(measure.re)) {
        const written = (m[1] ?? m[2])!;
        const numOffset = s.start + m.index + m[0].indexOf(written);
        const value = numberAt(ctx, i, numOffset, numOffset + written.length);
        if (value === null) continue;
        const q = qualifierBefore(ctx.text.slice(Math.max(0, numOffset - 30), numOffset));
        const claim = m[0];
        const nearest = nearestWindow(ctx, i, numOffset);
        const groups = groupNear(ctx, i, numOffset);
        const dated = nearest ? candidateEvents(ctx, i, measure.kinds, groups, [nearest]) : [];
        const events = dated.length
          ? dated
          : measure.kinds.includes('strike')
            ? candidateEvents(ctx, i, measure.kinds, groups, [])
            : latestOf(ctx, measure, groups);
        // Only a date written in the sentence pins the event down enough to say 'differs'.
        out.push({
          start: s.start + m.index,
          end: s.start + m.index + m[0].length,
          check:
            (events.length === 0 || !hasFigure(ctx, measure, events)
              ? conflictNote(
                  ctx,
                  claim,
                  ctx.text.slice(numOffset, Math.min(s.end, numOffset + 60)),
                  measure,
                  written,
                  groups,
                )
              : null) ?? checkFigure(ctx, claim, measure, value, written, q, events, dated.length > 0),
        });
      }
    }
  });
  return out;
};

function hasFigure(ctx: ClaimContext, measure: Measure, events: Event[]): boolean {
  return events.some((e) =>
    ctx.index.factsAbout(e.id).some((f) => measure.predicates.includes(f.predicate) && typeof f.value === 'number'),
  );
}

/** Spans of years a figure is over ("over two years", "a three-year deal"), as written. */
const YEARS = /\b(two|three|four|five|\d+)[- ]years?\b/i;

/**
 * A figure the fact base records only in a conflict note of the group's nearby record, a note that
 * describes exactly this claim (the same figure written the same way, over the same span of years):
 * an earlier offer kept beside the later deal. Consistent with that note; the record's main value
 * is about something else and is not compared.
 */
function conflictNote(
  ctx: ClaimContext,
  claim: string,
  around: string,
  measure: Measure,
  written: string,
  groups: string[],
): ClaimCheck | null {
  if (!measure.percent || groups.length === 0) return null;
  const ids = withRelated(ctx.index, groups);
  const d = dayNumber(ctx.date);
  const figure = new RegExp(`(?<![\\d.])${written.replace(/[.]/g, '\\.')}\\s*(?:%|per ?cent)`, 'i');
  const years = YEARS.exec(around)?.[1]?.toLowerCase();
  for (const e of ctx.index.events.values()) {
    if (!measure.kinds.includes(e.kind) || !e.startDate || !appliesTo(e.nation, ctx.nation)) continue;
    if (!e.participants.some((p) => ids.has(p))) continue;
    if (Math.abs(dayNumber(startOf(e.startDate)) - d) > 90) continue;
    for (const f of ctx.index.factsAbout(e.id)) {
      if (!measure.predicates.includes(f.predicate)) continue;
      const c = (f.conflicts ?? []).find(
        (c) => figure.test(c.note) && (!years || YEARS.exec(c.note)?.[1]?.toLowerCase() === years),
      );
      if (!c) continue;
      return {
        claim,
        kind: 'figure',
        verdict: 'consistent',
        expected: c.note,
        explanation: `The fact base records this figure only in a note beside ${e.title}: "${c.note}" Its main value (${formatNumber(f.value as number)}${f.unit ? ` ${f.unit}` : ''}) is about something else and is not compared.`,
        factIds: [f.id, e.id],
        sources: [ref(c.source)],
      };
    }
  }
  return null;
}

/**
 * With no date written, an offer or a ballot means the group's latest before the article that
 * has a figure of this measure (by the day it closed or was made).
 */
function latestOf(ctx: ClaimContext, measure: Measure, groups: string[]): Event[] {
  const ids = withRelated(ctx.index, groups);
  if (ids.size === 0) return [];
  const d = dayNumber(ctx.date);
  const last = (e: Event) => dayNumber(startOf(e.endDate ?? e.startDate!));
  const before = [...ctx.index.events.values()].filter(
    (e) =>
      measure.kinds.includes(e.kind) &&
      e.startDate &&
      last(e) <= d &&
      appliesTo(e.nation, ctx.nation) &&
      e.participants.some((p) => ids.has(p)) &&
      ctx.index.factsAbout(e.id).some((f) => measure.predicates.includes(f.predicate)),
  );
  const latest = before.sort((a, b) => last(b) - last(a))[0];
  return latest ? [latest] : [];
}

function checkFigure(
  ctx: ClaimContext,
  claim: string,
  measure: Measure,
  value: number,
  written: string,
  q: ReturnType<typeof qualifierBefore>,
  events: Event[],
  pinned: boolean,
): ClaimCheck {
  const facts = events.flatMap((e) =>
    ctx.index.factsAbout(e.id).filter((f) => measure.predicates.includes(f.predicate) && typeof f.value === 'number'),
  );
  if (facts.length === 0)
    return noData(claim, 'figure', `The fact base has no ${measure.name} figure for the event this sentence is about.`);
  const precision = precisionOf(written, value);
  const ok = (f: Fact) => agrees(value, q, f.value as number, precision);
  const matching = facts.filter(ok);
  const main = matching[0] ?? facts[0]!;
  const others = facts.filter((f) => f !== main);
  const verdict = matching.length ? 'consistent' : events.length === 1 && pinned ? 'differs' : 'no-data';
  const unit = measure.percent ? '%' : '';
  const stated = `${qualifierWords(q)}${formatNumber(value)}${unit}`;
  const describe = (f: Fact) => `${formatNumber(f.value as number)}${unit}${f.unit ? ` (${f.unit})` : ''}`;
  const explanation =
    verdict === 'consistent'
      ? `The fact base has ${describe(main)} as of ${formatDate(main.asOf ?? '')}, which fits "${stated}"${others.length ? `; it also has ${others.map(describe).join(' and ')}` : ''}.`
      : verdict === 'differs'
        ? `The fact base has ${facts.map(describe).join(' and ')} for this event, which does not fit "${stated}".`
        : `The fact base has ${facts.map(describe).join(' and ')} for ${events.length === 1 ? 'the event this is most likely about' : 'events this could be about'}, none of which fits "${stated}", but the text does not say which event it means.`;
  const alternatives = [
    ...others.map((f) => ({
      value: describe(f),
      source: ref(f.sources[0]!),
      verdict: ok(f) ? ('consistent' as const) : ('differs' as const),
      note: f.statement,
    })),
    ...facts.flatMap((f) =>
      (f.conflicts ?? [])
        .filter((c) => typeof c.value === 'number')
        .map((c) => ({
          value: `${formatNumber(c.value as number)}${unit}`,
          source: ref(c.source),
          verdict: agrees(value, q, c.value as number, precision) ? ('consistent' as const) : ('differs' as const),
          note: c.note,
        })),
    ),
  ];
  return {
    claim,
    kind: 'figure',
    verdict,
    expected: describe(main),
    explanation,
    factIds: [main.id, ...others.map((f) => f.id)],
    sources: refs(main.sources),
    ...(alternatives.length ? { alternatives } : {}),
  };
}
