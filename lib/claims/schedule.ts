/**
 * Dates and counts of strikes and offers: "another round of strikes is planned for September",
 * "two days of strikes last month", "a 48-hour walkout", "the six per cent pay increase that
 * was put forward in June". Checked against the dated events of the group the text is about.
 */
import type { ClaimCheck } from '../protocol/annotations.ts';
import type { Event } from '../facts/schema.ts';
import { dayNumber, formatDate, plural, startOf } from '../util/dates.ts';
import type { ClaimContext, ClaimFinder, FoundClaim } from './context.ts';
import { groupLabel, groupNear, numberAt, refs, sentenceText, withRelated } from './context.ts';
import { candidateEvents, datesIn, overlaps, strikeDays, type DateWindow } from './sentence-events.ts';
import { noData } from './duration.ts';
import { dateSpans } from './when.ts';
import { agrees, precisionOf } from './quantity.ts';
import { appliesTo } from '../detect/nations.ts';

const STRIKE = '(?:strikes?|strike action|industrial action|walk-?outs?|walk out|stoppages?)';
const PLANNED = new RegExp(
  `\\b${STRIKE}\\b[^.;]{0,40}?\\b(?:is|are|was|were|has been|have been)?\\s*(?:planned|scheduled|set|due|called|announced|to take place|will take place|will be held)\\s+(?:for|on|in|from|between)\\b`,
  'gi',
);
const COUNT = new RegExp(`\\b(?:(\\w+)\\s+days?\\s+of\\s+${STRIKE}|(\\w+)[- ](day|hour)\\s+${STRIKE})`, 'gi');
const PAY_WHEN =
  /\b(\d+(?:\.\d+)?|\w+)\s*(?:%|per cent|percent)\s+(?:pay\s+)?(?:rise|increase|uplift|award|offer|deal)\b[^.;]{0,60}?\b(?:put forward|offered|announced|tabled|made|awarded|agreed)\s+(?:in|on)\b/gi;
/** How far from a stated date a group's strike may be before "the fact base has a different date" holds. */
const NEAR_DAYS = 45;

export const findSchedule: ClaimFinder = (ctx) => {
  const out: FoundClaim[] = [];
  ctx.sents.forEach((s, i) => {
    if (!ctx.relevant(i)) return;
    const sentence = sentenceText(ctx, i);
    for (const m of sentence.matchAll(PLANNED))
      out.push(...planned(ctx, i, s.start + m.index, s.start + m.index + m[0].length));
    for (const m of sentence.matchAll(COUNT)) out.push(...count(ctx, i, s.start + m.index, m));
    for (const m of sentence.matchAll(PAY_WHEN)) out.push(...payWhen(ctx, i, s.start + m.index, m));
  });
  return out;
};

/** "strikes are planned for September": a strike of the group in that window. */
function planned(ctx: ClaimContext, i: number, start: number, cueEnd: number): FoundClaim[] {
  const window = datesIn(ctx, i, cueEnd - 1)[0];
  if (!window) return [];
  const end = endOfDateAfter(ctx, i, cueEnd);
  const claim = ctx.text.slice(start, end);
  const groups = groupNear(ctx, i, start);
  const ids = withRelated(ctx.index, groups);
  const strikes = ctx.index
    .eventsOfKind('strike')
    .filter((e) => appliesTo(e.nation, ctx.nation) && e.participants.some((p) => ids.has(p)));
  const who = groupLabel(ctx.index.entity(groups[0] ?? ''));
  const hit = strikes.find((e) => overlaps(e, window));
  if (hit)
    return [
      {
        start,
        end,
        check: verdict(
          claim,
          'date',
          'consistent',
          hit,
          `The fact base has a strike by ${who} from ${formatDate(hit.startDate!)} (${hit.title}).`,
        ),
      },
    ];
  const near = nearest(strikes, window);
  if (near && Math.abs(dayNumber(startOf(near.startDate!)) - dayNumber(window.from)) <= NEAR_DAYS)
    return [
      {
        start,
        end,
        check: verdict(
          claim,
          'date',
          'differs',
          near,
          `The fact base has no strike by ${who} in that period; the nearest it knows of began ${formatDate(near.startDate!)}.`,
        ),
      },
    ];
  return [{ start, end, check: noData(claim, 'date', `The fact base has no strike by ${who} near that date.`) }];
}

/** "two days of strikes last month", "a 48-hour walkout". */
function count(ctx: ClaimContext, i: number, start: number, m: RegExpMatchArray): FoundClaim[] {
  const word = m[1] ?? m[2]!;
  const unit = m[3]?.toLowerCase() === 'hour' ? 'hour' : 'day';
  const n = numberAt(ctx, i, start, start + word.length) ?? numberAt(ctx, i, start, start + m[0].length);
  if (n === null || n <= 0) return [];
  const end = start + m[0].length;
  const claim = m[0];
  const groups = groupNear(ctx, i, start);
  const events = candidateEvents(ctx, i, ['strike'], groups).filter((e) => strikeDays(e) !== null);
  if (events.length === 0)
    return [{ start, end, check: noData(claim, 'count', 'The fact base cannot tell which strike this is.') }];
  const days = unit === 'hour' ? n / 24 : n;
  const fits = events.filter((e) =>
    agrees(days, 'exactly', strikeDays(e)!, unit === 'hour' ? 1 / 24 : precisionOf(word, n)),
  );
  const main = fits[0] ?? events[0]!;
  const length = `${plural(strikeDays(main)!, 'day')}${unit === 'hour' ? ` (${strikeDays(main)! * 24} hours)` : ''}`;
  if (fits.length)
    return [
      {
        start,
        end,
        check: verdict(
          claim,
          'count',
          'consistent',
          main,
          `${main.title} ran ${length}, from ${formatDate(main.startDate!)} to ${formatDate(main.endDate!)}.`,
        ),
      },
    ];
  // A strike of another length is a difference only when a date in the sentence pins the strike
  // down ("last month", "today", "from 13 March"); otherwise the general finder reads the claim.
  // Only a date in the same clause, right beside the claim, pins the strike down.
  const after = ctx.text.slice(end, end + 30).split(/[–—;,(]|\band\b/)[0]!;
  const before = ctx.text
    .slice(Math.max(0, start - 30), start)
    .split(/[–—;,)]|\band\b/)
    .pop()!;
  // …and the strike compared must be the one that date names: "a two-day strike today – and more
  // in October" is not about the October strike.
  const pinned = dateSpans(ctx, i).some(
    (d) => d.start < end + after.length && start - before.length < d.end && overlaps(main, d.w),
  );
  if (events.length === 1 && !pinned) return [];
  if (events.length === 1)
    return [
      {
        start,
        end,
        check: verdict(
          claim,
          'count',
          'differs',
          main,
          `The fact base has ${main.title} running ${length}, from ${formatDate(main.startDate!)} to ${formatDate(main.endDate!)}.`,
        ),
      },
    ];
  return [];
}

/** "the six per cent pay increase that was put forward in June": when the offer or award was made. */
function payWhen(ctx: ClaimContext, i: number, start: number, m: RegExpMatchArray): FoundClaim[] {
  const numEnd = start + m[1]!.length;
  const pct = numberAt(ctx, i, start, numEnd);
  const cueEnd = start + m[0].length;
  const window = datesIn(ctx, i, cueEnd - 1)[0];
  if (pct === null || !window) return [];
  const end = endOfDateAfter(ctx, i, cueEnd);
  const claim = ctx.text.slice(start, end);
  const ids = withRelated(ctx.index, groupNear(ctx, i, start));
  const offers = [...ctx.index.events.values()].filter(
    (e) =>
      ['pay-offer', 'pay-award', 'agreement'].includes(e.kind) &&
      appliesTo(e.nation, ctx.nation) &&
      e.startDate &&
      dayNumber(startOf(e.startDate)) <= dayNumber(ctx.date) &&
      (ids.size === 0 || e.participants.some((p) => ids.has(p))) &&
      ctx.index.factsAbout(e.id).some((f) => f.predicate.startsWith('pay-rise') && f.value === pct),
  );
  if (offers.length === 0)
    return [
      {
        start,
        end,
        check: noData(claim, 'date', `The fact base has no ${pct}% offer or award for this group before the article.`),
      },
    ];
  const hit = offers.find((e) => overlaps(e, window));
  if (hit)
    return [
      {
        start,
        end,
        check: verdict(
          claim,
          'date',
          'consistent',
          hit,
          `The fact base has the ${pct}% ${kindWord(hit)} on ${formatDate(hit.startDate!)}.`,
        ),
      },
    ];
  const latest = offers.sort((a, b) => dayNumber(startOf(b.startDate!)) - dayNumber(startOf(a.startDate!)))[0]!;
  return [
    {
      start,
      end,
      check: verdict(
        claim,
        'date',
        'differs',
        latest,
        `The fact base has the ${pct}% ${kindWord(latest)} on ${formatDate(latest.startDate!)}, not ${describeWindow(window)}.`,
      ),
    },
  ];
}

function kindWord(e: Event): string {
  return e.kind === 'pay-award' ? 'award announced' : e.kind === 'agreement' ? 'deal agreed' : 'offer made';
}

function describeWindow(w: DateWindow): string {
  if (w.from === w.to) return `on ${formatDate(w.from)}`;
  if (w.from.slice(0, 7) === w.to.slice(0, 7)) return `in ${formatDate(w.from.slice(0, 7))}`;
  return `between ${formatDate(w.from)} and ${formatDate(w.to)}`;
}

function nearest(events: Event[], w: DateWindow): Event | undefined {
  const d = dayNumber(w.from);
  return events
    .filter((e) => e.startDate)
    .sort((a, b) => Math.abs(dayNumber(startOf(a.startDate!)) - d) - Math.abs(dayNumber(startOf(b.startDate!)) - d))[0];
}

/** The claim's span ends with the first date written after the cue. */
function endOfDateAfter(ctx: ClaimContext, i: number, cueEnd: number): number {
  const s = ctx.sents[i]!;
  const date = ctx.annotations.find((a) => a.kind === 'date' && a.start >= cueEnd - 1 && a.end <= s.end);
  const rel = dateSpans(ctx, i).find((d) => d.start >= cueEnd - 1);
  return Math.max(cueEnd, date?.end ?? rel?.end ?? cueEnd);
}

function verdict(
  claim: string,
  kind: ClaimCheck['kind'],
  v: ClaimCheck['verdict'],
  ev: Event,
  explanation: string,
): ClaimCheck {
  const when =
    ev.endDate && ev.endDate !== ev.startDate
      ? `${formatDate(ev.startDate!)} to ${formatDate(ev.endDate)}`
      : formatDate(ev.startDate!);
  return {
    claim,
    kind,
    verdict: v,
    expected: `${ev.title}: ${when}`,
    explanation,
    factIds: [ev.id],
    sources: refs(ev.sources),
  };
}
