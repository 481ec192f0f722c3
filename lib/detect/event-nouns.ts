/**
 * Event nouns ("strikes", "industrial action", "a 72-hour walkout", "the ballot"): when a noun is
 * a mention of an NHS dispute event, and which event in the fact base it most likely refers to.
 */
import type { FactIndex } from '../facts/index.ts';
import type { Event } from '../facts/schema.ts';
import { dayNumber, endExclusiveOf, startOf } from '../util/dates.ts';
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
  /** Explicit dates found near the noun (ISO or YYYY-MM). */
  dates: string[];
  /** The sentence speaks of the future ("planned", "will", "next"). */
  future: boolean;
  /** The sentence speaks of the past ("last month", "was"). */
  past: boolean;
  /** The sentence speaks of now ("today", "this week", "begin"). */
  present: boolean;
}

const PAST_WINDOW = 120;
const FUTURE_WINDOW = 100;

/** The event a noun most likely refers to, or null when the fact base cannot say. */
export function linkEvent(index: FactIndex, noun: string, ctx: EventContext): Event | null {
  const kind = /ballot/i.test(noun) ? 'ballot' : 'strike';
  const wanted = new Set(ctx.participants);
  const candidates = index
    .eventsOfKind(kind)
    .filter((e) => appliesTo(e.nation, ctx.nation) && (wanted.size === 0 || e.participants.some((p) => wanted.has(p))));
  if (candidates.length === 0 || wanted.size === 0) return null;
  const today = dayNumber(ctx.date);
  if (ctx.present) {
    const ongoing = candidates.find(
      (e) =>
        e.startDate &&
        dayNumber(startOf(e.startDate)) <= today &&
        today < dayNumber(endExclusiveOf(e.endDate ?? e.startDate)),
    );
    if (ongoing) return ongoing;
  }
  // Dates written beside the noun decide: no event on them means the fact base does not have it.
  if (ctx.dates.length > 0) return candidates.find((e) => ctx.dates.some((d) => overlaps(e, d))) ?? null;
  let best: Event | null = null;
  let bestScore = Infinity;
  for (const e of candidates) {
    if (!e.startDate) continue;
    // A sentence about what is planned is not about a strike that has ended.
    if (ctx.future && !ctx.past && dayNumber(endExclusiveOf(e.endDate ?? e.startDate)) <= today) continue;
    const s = dayNumber(startOf(e.startDate));
    const end = e.endDate ? dayNumber(endExclusiveOf(e.endDate)) : s + 1;
    let score: number;
    if (s <= today && today < end) score = 0;
    else if (end <= today) score = today - end + 1 + (ctx.future && !ctx.past ? 60 : 0);
    else score = s - today + (ctx.future ? 0 : 30) + (ctx.past && !ctx.future ? 200 : 0);
    const limit = end <= today ? PAST_WINDOW : FUTURE_WINDOW;
    if (score < bestScore && Math.abs(end <= today ? today - end : s - today) <= limit) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}

function overlaps(e: Event, d: string): boolean {
  if (!e.startDate) return false;
  const [from, to] = d.includes('/') ? (d.split('/') as [string, string]) : [d, d];
  const a = dayNumber(startOf(from));
  const b = dayNumber(endExclusiveOf(to));
  const s = dayNumber(startOf(e.startDate));
  const end = e.endDate ? dayNumber(endExclusiveOf(e.endDate)) : s + 1;
  return a < end && s < b;
}
