/**
 * Durations since a meeting: "have not sat down with striking NHS consultants in more than five
 * months", "have not been met since 12 May", "the last meeting with consultants was on 27 March".
 * Checked against the last meeting the fact base knows of on the article's date.
 */
import type { ClaimCheck } from '../protocol/annotations.ts';
import type { FactIndex } from '../facts/index.ts';
import { daysBetween, dayNumber, formatDate, monthsAndDays, plural } from '../util/dates.ts';
import type { ClaimContext, ClaimFinder, FoundClaim } from './context.ts';
import { annotationsIn, groupLabel, groupNear, numberAt, refs, ref, sentenceText, withRelated } from './context.ts';
import { conflictWindow, lastMeeting, type Meeting } from './meetings.ts';
import { agrees, qualifierBefore, qualifierWords, type Qualifier } from './quantity.ts';

const MEET = '(?:met|meet|meeting|sat down|sit down|spoken|spoke|talked|talks|negotiat\\w*)';
const NOT_IN = new RegExp(
  `\\b(?:not|n't|never|no|refused to|failed to)\\b[^.;]{0,70}?\\b${MEET}\\b[^.;]{0,90}?\\b(?:in|for)\\s+((?:more than|over|almost|nearly|around|about|at least|some|less than|under)\\s+)?([\\w,.-]+)\\s+(day|week|month|year)s?\\b`,
  'gi',
);
const SINCE = new RegExp(
  `\\b(?:not|n't|never)\\b[^.;]{0,50}?\\b(?:${MEET}|been met|been spoken to)\\b[^.;]{0,40}?\\bsince\\b`,
  'gi',
);
const LAST = new RegExp(
  `\\blast\\s+(?:meeting|met|spoken to|spoke|talks)\\b[^.;]{0,80}?\\b(?:was|were|took place)?\\s*(?:on|in)\\b`,
  'gi',
);

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30.44, year: 365.25 };

/** Finds and checks the three forms in every sentence with a meeting verb. */
export const findDurations: ClaimFinder = (ctx) => {
  const out: FoundClaim[] = [];
  ctx.sents.forEach((s, i) => {
    if (!ctx.relevant(i)) return;
    const sentence = sentenceText(ctx, i);
    if (!/\b(met|meet|meeting|sat down|sit down|spoken|spoke|talk|negotiat)/i.test(sentence)) return;
    const about = (offset: number) => {
      const groups = groupNear(ctx, i, offset);
      const ids = withRelated(ctx.index, groups);
      return {
        meeting: ids.size ? lastMeeting(ctx.index, ids, ctx.date) : null,
        who: groupLabel(ctx.index.entity(groups[0] ?? '')),
      };
    };
    for (const m of sentence.matchAll(NOT_IN)) {
      const { meeting, who } = about(s.start + m.index);
      const start = s.start + m.index;
      const end = start + m[0].length;
      const numStart = end - m[0].length + m[0].lastIndexOf(m[2]!);
      const n = numberAt(ctx, i, numStart, numStart + m[2]!.length);
      if (n === null) continue;
      const q = qualifierBefore(m[1] ?? '');
      out.push({
        start,
        end,
        check: checkElapsed(
          ctx,
          sentence.slice(m.index, m.index + m[0].length),
          meeting,
          who,
          n,
          m[3]!.toLowerCase(),
          q,
        ),
      });
    }
    for (const m of [...sentence.matchAll(SINCE), ...sentence.matchAll(LAST)]) {
      const { meeting, who } = about(s.start + m.index);
      out.push(...dateClaim(ctx, i, s.start + m.index, meeting, who));
    }
  });
  return out;
};

/** "in more than five months": compares the stated time with the time since the last known meeting. */
function checkElapsed(
  ctx: ClaimContext,
  claim: string,
  meeting: Meeting | null,
  who: string,
  n: number,
  unit: string,
  q: Qualifier,
): ClaimCheck {
  const stated = `${qualifierWords(q)}${plural(n, unit)}`;
  if (!meeting)
    return noData(claim, 'duration', `The fact base has no meeting between ministers and ${who} before this article.`);
  const verdict = elapsedVerdict(meeting.to, ctx.date, n, unit, q);
  const days = daysBetween(meeting.to, ctx.date);
  const md = monthsAndDays(meeting.to, ctx.date);
  const span = `${plural(days, 'day')} — ${plural(md.months, 'month')} ${plural(md.days, 'day')} —`;
  const agree = verdict === 'consistent' ? 'which fits' : 'which does not fit';
  return {
    claim,
    kind: 'duration',
    verdict: meeting.period && verdict === 'differs' ? 'no-data' : verdict,
    expected: `${formatDate(meeting.to)} (${plural(days, 'day')} before this article)`,
    explanation: `The last meeting the fact base knows of was ${formatDate(meeting.to)}, ${span} before this article, ${agree} "${stated}".`,
    factIds: [meeting.id],
    sources: refs(meeting.sources),
    ...alternatives(meeting, (to) => elapsedVerdict(to, ctx.date, n, unit, q)),
  };
}

function elapsedVerdict(last: string, date: string, n: number, unit: string, q: Qualifier): 'consistent' | 'differs' {
  const days = daysBetween(last, date);
  const md = monthsAndDays(last, date);
  const elapsed =
    unit === 'month'
      ? md.months + md.days / 31
      : unit === 'year'
        ? (md.months + md.days / 31) / 12
        : days / UNIT_DAYS[unit]!;
  // The one set of number rules (quantity.ts), at a precision of one unit of time.
  const ok = agrees(n, q, elapsed, 1);
  return ok ? 'consistent' : 'differs';
}

/** Each conflicting report, with the verdict it would give. */
function alternatives(
  meeting: Meeting,
  verdictFor: (to: string) => 'consistent' | 'differs',
): Pick<ClaimCheck, 'alternatives'> {
  const alts = meeting.conflicts.flatMap((c) => {
    const w = conflictWindow(c);
    if (!w) return [];
    return [{ value: String(c.value), source: ref(c.source), verdict: verdictFor(w.to), note: c.note }];
  });
  return alts.length ? { alternatives: alts } : {};
}

/** "not been met since 12 May" / "the last meeting ... was on 27 March": the date stated vs the last known. */
function dateClaim(ctx: ClaimContext, i: number, cueStart: number, meeting: Meeting | null, who: string): FoundClaim[] {
  const date = annotationsIn(ctx, i).find(
    (a) =>
      a.kind === 'date' &&
      a.start > cueStart &&
      a.start - cueStart < 120 &&
      /^\d{4}-\d{2}-\d{2}$/.test(String(a.value)),
  );
  if (!date) return [];
  const stated = String(date.value);
  const claim = ctx.text.slice(cueStart, date.end);
  if (!meeting)
    return [
      {
        start: cueStart,
        end: date.end,
        check: noData(claim, 'date', `The fact base has no meeting between ministers and ${who} before this article.`),
      },
    ];
  const check = checkLastDate(claim, stated, meeting, who);
  return [{ start: cueStart, end: date.end, check }];
}

function checkLastDate(claim: string, stated: string, meeting: Meeting, who: string): ClaimCheck {
  const base = {
    claim,
    kind: 'date' as const,
    expected: formatDate(meeting.to),
    factIds: [meeting.id],
    sources: refs(meeting.sources),
  };
  const alts = alternatives(meeting, (to) => (to === stated ? 'consistent' : 'differs'));
  if (!meeting.period && meeting.to === stated)
    return {
      ...base,
      verdict: 'consistent',
      explanation: `The fact base also has the last meeting with ${who} on ${formatDate(stated)}.`,
      ...alts,
    };
  if (dayNumber(meeting.from) <= dayNumber(stated) && dayNumber(stated) <= dayNumber(meeting.to))
    return {
      ...base,
      verdict: 'no-data',
      explanation: `The fact base has talks with ${who} from ${formatDate(meeting.from)} to ${formatDate(meeting.to)} but not the day of each meeting, so it cannot confirm ${formatDate(stated)}.`,
      ...alts,
    };
  if (!meeting.period && dayNumber(meeting.to) > dayNumber(stated))
    return {
      ...base,
      verdict: 'differs',
      explanation: `The fact base has a later meeting with ${who}, on ${formatDate(meeting.to)}, than ${formatDate(stated)}.`,
      ...alts,
    };
  return {
    ...base,
    verdict: 'no-data',
    explanation: `The last meeting with ${who} the fact base knows of was ${formatDate(meeting.to)}; it has nothing on ${formatDate(stated)}.`,
    ...alts,
  };
}

export function noData(claim: string, kind: ClaimCheck['kind'], explanation: string): ClaimCheck {
  return { claim, kind, verdict: 'no-data', expected: 'not in the fact base', explanation, factIds: [], sources: [] };
}

export type { FactIndex };
