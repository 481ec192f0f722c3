/**
 * Event nouns ("strikes", "industrial action", "a 72-hour walkout", "the ballot"): when a noun is
 * a mention of an NHS dispute event, and which event in the fact base it most likely refers to.
 */
import type { FactIndex } from '../facts/index.ts';
import type { Event } from '../facts/schema.ts';
import { dayNumber, daysCovered, endExclusiveOf, lastDayOf, rangesMeet, startOf } from '../util/dates.ts';
import { appliesTo, type Nation } from './nations.ts';

export const EVENT_NOUNS = [
  'strike',
  'strikes',
  'strike action',
  'industrial action',
  'walkout',
  'walkouts',
  'walk-out',
  'walk-outs',
  'walk out',
  'stoppage',
  'stoppages',
  'ballot',
  'ballots',
  're-ballot',
  'reballot',
];

/** Words that make the next "strike" a verb or the idiom "on strike". */
const VERBAL = new Set([
  'to',
  'will',
  'would',
  'could',
  'may',
  'might',
  'must',
  'should',
  'shall',
  'can',
  'cannot',
  'not',
  "n't",
  'did',
  'do',
  'does',
  'on',
  'they',
  'we',
  'who',
  'and',
  'or',
  'also',
  'never',
  'again',
]);
/** "strike dates", "strike mandate": the noun is a modifier, not the event. */
const MODIFIED = new Set([
  'date',
  'dates',
  'day',
  'days',
  'mandate',
  'mandates',
  'ballot',
  'ballots',
  'pay',
  'fund',
  'notice',
  'notices',
  'threat',
  'threats',
  'plan',
  'plans',
  'talks',
  'vote',
  'votes',
  'leader',
  'leaders',
  'committee',
  'law',
  'laws',
  'legislation',
  'picket',
  'pickets',
  'line',
  'lines',
  'rules',
  'wave',
  'period',
  'periods',
  'papers',
  'result',
  'results',
  'turnout',
  'paper',
  'pay',
  'action',
  'calendar',
  'timetable',
  'weeks',
  'week',
]);
/** Verb readings of the next word: "strike a deal", "strike back". */
const VERB_NEXT = new Set(['a', 'an', 'the', 'back', 'down', 'out', 'off', 'up', 'members', 'its', 'their', 'over']);
/** Strikes in other sectors or other senses. */
const OTHER = new Set([
  'rail',
  'railway',
  'train',
  'tube',
  'teacher',
  'teachers',
  "teachers'",
  'university',
  'lecturers',
  'postal',
  'bus',
  'airport',
  'barristers',
  'border',
  'driver',
  'drivers',
  'rmt',
  'aslef',
  'neu',
  'ucu',
  'cwu',
  'pcs',
  'air',
  'missile',
  'drone',
  'military',
  'lightning',
  'hunger',
  'general',
  'rent',
  'school',
  'schools',
  'civil',
  'port',
  'dock',
  'steel',
  'refuse',
  'bin',
  'council',
  'transport',
  'metro',
  'network',
  'airline',
  'cabin',
  'crew',
  'pilots',
]);
const DETERMINER =
  /\b(a|an|the|this|that|these|those|another|further|next|last|latest|previous|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|new|planned|national|their|its|his|her|our|any|no|more|two|three|four|five|six|seven|\d+)\s+$/i;
const DURATION =
  /(?:\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|full)[- ](?:hour|day|week)s?|\ball-out)[- ](?=$)/i;

const WORDISH = /[\p{L}'’]/u;

/** The last word of `s` (letters and apostrophes), lower-cased; a backward scan, no regex over the string. */
function lastWord(s: string): string {
  let end = s.length;
  while (end > 0 && /\s/.test(s[end - 1]!)) end--;
  let start = end;
  while (start > 0 && WORDISH.test(s[start - 1]!)) start--;
  return s.slice(start, end).toLowerCase().replace(/’/g, "'");
}

function nextWord(s: string): string {
  return (s.match(/^\s*([\p{L}'’]+)/u)?.[1] ?? '').toLowerCase();
}

/**
 * Whether text[start, end) is an event mention; returns the span to annotate (a duration such
 * as "72-hour" before it is included) or null.
 */
export function acceptEventNoun(text: string, start: number, end: number): { start: number; end: number } | null {
  const noun = text.slice(start, end).toLowerCase();
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 30);
  const prev = lastWord(before);
  const next = nextWord(after);
  const trimmed = before.trimEnd();
  const wordBeforePrev = lastWord(trimmed.slice(0, trimmed.length - prev.length));
  if (OTHER.has(prev) || OTHER.has(wordBeforePrev)) return null;
  const duration = before.match(DURATION);
  const singular = noun === 'strike' || noun === 'walk out' || noun === 'ballot';
  if (!duration && VERBAL.has(prev) && (singular || noun === 'strikes')) return null;
  if (!duration && noun === 'walk out' && !DETERMINER.test(before)) return null;
  if (noun === 'strike' || noun === 'strikes' || noun === 'ballot') {
    if (MODIFIED.has(next) && !(noun === 'strikes')) return null;
    if (VERB_NEXT.has(next) && !DETERMINER.test(before) && !duration) return null;
  }
  if (/^'s\b/.test(after) && noun === 'strike') return null;
  return duration ? { start: start - duration[0].length, end } : { start, end };
}

export interface EventContext {
  date: string;
  nation: Nation;
  /** Entity ids mentioned near the noun (same sentence first), committees also as their parent. */
  participants: string[];
  /** Those named in the sentence or the two before it: among events that fit equally, theirs first. */
  nearby?: string[];
  /**
   * When the sentence places the noun, nearest the noun first: dates written in it ("from 15 June",
   * "in April") and relative phrases resolved against the article's date ("last month", "next
   * week's"), as ISO dates, YYYY-MM, YYYY or "from/to" intervals.
   */
  dates: string[];
  /** The sentence speaks of the future ("planned", "will", "next"). */
  future: boolean;
  /** The sentence speaks of the past ("last month", "was"). */
  past: boolean;
  /** The sentence speaks of now ("today", "this week", "begin"). */
  present: boolean;
  /**
   * The fact base's coverage ("2022-10" to "2026-06"), or null. Past its end the fact base cannot
   * know which strike a text means unless the text dates it inside the coverage.
   */
  coverage?: { from: string; to: string } | null;
}

const PAST_WINDOW = 120;
const FUTURE_WINDOW = 100;
/** "The strike goes on today" with no strike on that day: one this close is still the one meant. */
const PRESENT_WINDOW = 3;

/** First and last day (exclusive) of an event, as day numbers; null without a start date. */
function daysOf(e: Event): { s: number; end: number } | null {
  if (!e.startDate) return null;
  const s = dayNumber(startOf(e.startDate));
  return { s, end: e.endDate ? dayNumber(endExclusiveOf(e.endDate)) : dayNumber(endExclusiveOf(e.startDate)) };
}

/**
 * The event a noun most likely refers to, or null when the fact base cannot say. The dates the
 * sentence gives decide first: a strike dated outside every recorded event stays unlinked rather
 * than borrowing an older one. Otherwise tense and distance from the article's date choose.
 */
export function linkEvent(index: FactIndex, noun: string, ctx: EventContext): Event | null {
  const kind = /ballot/i.test(noun) ? 'ballot' : 'strike';
  const wanted = new Set(ctx.participants);
  const candidates = index
    .eventsOfKind(kind)
    .filter((e) => appliesTo(e.nation, ctx.nation) && (wanted.size === 0 || e.participants.some((p) => wanted.has(p))));
  if (candidates.length === 0 || wanted.size === 0) return null;
  const today = dayNumber(ctx.date);
  const ongoing = candidates.find((e) => {
    const d = daysOf(e);
    return d !== null && d.s <= today && today < d.end;
  });
  if (ctx.present && ongoing) return ongoing;
  // Dates written beside the noun decide: the nearest one that fits an event picks among those it
  // fits; none fitting means the fact base does not have the event.
  if (ctx.dates.length > 0) {
    for (const d of ctx.dates) {
      const fitting = candidates.filter((e) => overlaps(e, d));
      const near = new Set(ctx.nearby ?? []);
      const closest = fitting.filter((e) => e.participants.some((p) => near.has(p)));
      if (fitting.length > 0) return byTense(closest.length > 0 ? closest : fitting, ctx, Infinity);
    }
    return null;
  }
  // Undated, in an article past the coverage: whatever the text means may be missing from the fact base.
  if (ctx.coverage && dayNumber(ctx.date) >= dayNumber(endExclusiveOf(ctx.coverage.to))) return null;
  // "The strike continues" with no strike on or near the day: not an older or later one.
  if (ctx.present && !ctx.past && !ctx.future) return byTense(candidates, ctx, PRESENT_WINDOW);
  return byTense(candidates, ctx, null);
}

/**
 * The candidate whose dates best fit the tense: ongoing first, then the nearest past event for past
 * tense and the nearest coming one for the future. `limit` caps the distance in days (null: the
 * default windows, Infinity: none, for events the sentence already dated).
 */
function byTense(candidates: Event[], ctx: EventContext, limit: number | null): Event | null {
  const today = dayNumber(ctx.date);
  const futureOnly = ctx.future && !ctx.past;
  let best: Event | null = null;
  let bestScore = Infinity;
  for (const e of candidates) {
    const d = daysOf(e);
    if (!d) continue;
    const { s, end } = d;
    // A sentence about what is planned is not about a strike that has ended (unless it dates it).
    if (futureOnly && limit !== Infinity && end <= today) continue;
    let score: number;
    if (s <= today && today < end) score = 0;
    else if (end <= today) score = today - end + 1 + (futureOnly ? 60 : 0);
    else score = s - today + (ctx.future ? 0 : 30) + (ctx.past && !ctx.future ? 200 : 0);
    const distance = end <= today ? today - end : Math.max(0, s - today);
    const max = limit ?? (end <= today ? PAST_WINDOW : FUTURE_WINDOW);
    if (score < bestScore && distance <= max) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}

function overlaps(e: Event, d: string): boolean {
  if (!e.startDate) return false;
  const [from, to] = d.includes('/') ? (d.split('/') as [string, string]) : [d, d];
  return rangesMeet({ from: startOf(from), to: lastDayOf(to) }, daysCovered(e.startDate, e.endDate, 'first-day'));
}
