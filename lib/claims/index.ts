/**
 * Claim checks: every finder over the text, as of the article's date. Each claim becomes an
 * annotation of kind 'claim' carrying its ClaimCheck.
 */
import type { Annotation } from '../protocol/annotations.ts';
import type { FactIndex } from '../facts/index.ts';
import type { Span } from '../detect/sentences.ts';
import { claimContext, type ClaimFinder, type FoundClaim, type NlpMode } from './context.ts';
import { findDurations } from './duration.ts';
import { findFigures } from './figures.ts';
import { findSchedule } from './schedule.ts';
import { findRoles } from './roles.ts';
import { findGeneral } from './general.ts';
import { findTitles } from './titles.ts';
import { SCORE } from '../detect/scores.ts';

/** The finders, one per kind of statement; each lives in its own module with its table of cases. */
export const FINDERS: readonly ClaimFinder[] = [
  findDurations,
  findSchedule,
  findFigures,
  findRoles,
  findTitles,
  findGeneral,
];

/** Outside the packs' coverage the fact base cannot refute anything: a difference becomes no-data. */
function outsideCoverage(f: FoundClaim): FoundClaim {
  if (f.check.verdict !== 'differs') return f;
  return {
    ...f,
    check: {
      ...f.check,
      verdict: 'no-data',
      explanation: `${f.check.explanation} This article falls outside the fact base's coverage, so this is not counted as a difference.`,
    },
  };
}

/** How the article's date is known: given (by the page or the user), inferred from the text, or not at all. */
export type ClaimDating =
  { kind: 'given' } | { kind: 'inferred'; exact: boolean; note: string } | { kind: 'undated'; note: string };

/** A date read relative to the article's date ("today", "last month", a bare weekday). */
const RELATIVE_CLAIM =
  /\b(?:today|tonight|tomorrow|yesterday|this|next|last|earlier|later|recently|new year|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/i;

/** Every claim of an undated article, and relative dates anchored only to an inferred window, are not judged. */
function dated(f: FoundClaim, dating: ClaimDating): FoundClaim {
  if (dating.kind === 'given') return f;
  const undecided =
    dating.kind === 'undated' ||
    (!dating.exact && (f.check.kind === 'date' || f.check.kind === 'duration') && RELATIVE_CLAIM.test(f.check.claim));
  if (undecided)
    return {
      ...f,
      check: {
        ...f.check,
        verdict: 'no-data',
        explanation:
          dating.kind === 'undated'
            ? dating.note
            : `${dating.note} This claim is relative to that date, so checking it would be circular.`,
      },
    };
  return { ...f, check: { ...f.check, explanation: `${f.check.explanation} ${dating.note}` } };
}

/** Finds and checks the claims of a text; overlapping claims keep the earlier finder's. */
export function checkClaims(
  text: string,
  date: string,
  index: FactIndex,
  annotations: Annotation[],
  sents?: Span[],
  mode: NlpMode = 'selective',
  dating: ClaimDating = { kind: 'given' },
): Annotation[] {
  const ctx = claimContext(text, date, index, annotations, sents, mode);
  const kept: FoundClaim[] = [];
  for (const finder of FINDERS)
    for (const f of finder(ctx)) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  const covered = index.covers(date);
  return kept
    .map((f) => dated(covered ? f : outsideCoverage(f), dating))
    .sort((a, b) => a.start - b.start)
    .map((f) => ({
      id: `claim-${f.start}-${f.end}`,
      start: f.start,
      end: f.end,
      exact: text.slice(f.start, f.end),
      kind: 'claim' as const,
      score: f.check.verdict === 'no-data' ? SCORE.uncheckedClaim : SCORE.checkedClaim,
      check: f.check,
    }));
}
