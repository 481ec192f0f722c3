/**
 * Claim checks: every finder over the text, as of the article's date. Each claim becomes an
 * annotation of kind 'claim' carrying its ClaimCheck (DESIGN.md).
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

/** Finds and checks the claims of a text; overlapping claims keep the earlier finder's. */
export function checkClaims(
  text: string,
  date: string,
  index: FactIndex,
  annotations: Annotation[],
  sents?: Span[],
  mode: NlpMode = 'selective',
): Annotation[] {
  const ctx = claimContext(text, date, index, annotations, sents, mode);
  const kept: FoundClaim[] = [];
  for (const finder of FINDERS)
    for (const f of finder(ctx)) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  const covered = index.covers(date);
  return kept
    .map((f) => (covered ? f : outsideCoverage(f)))
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
