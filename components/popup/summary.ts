/**
 * The popup's view of a page's annotate result: counts, mentions grouped by kind with each one's
 * role on the article's date, and the checked claims. Pure; the popup renders it.
 */
import type { AnnotateResult, Annotation, SourceRef, Verdict } from '../../lib/protocol/annotations.ts';
import { byTier } from '../../lib/sources/tiers.ts';

export type MentionGroup = 'person' | 'organisation' | 'staff-group' | 'role' | 'event';

export interface MentionItem {
  id: string;
  name: string;
  /** Role on the article's date ("Secretary of State for Health and Social Care"), if any. */
  role: string | null;
  count: number;
  /** The first annotation of it, for "scroll to it". */
  firstAnnotationId: string;
}

export interface ClaimItem {
  annotationId: string;
  exact: string;
  verdict: Verdict;
  explanation: string;
  /** How many times the page makes this same claim (one row per claim). */
  count: number;
  /** The best source the check used (primary and press first), shown with its tier. */
  source: SourceRef | null;
}

export interface Summary {
  counts: { mentions: number; entities: number; events: number; claims: number; differs: number };
  groups: { group: MentionGroup; label: string; items: MentionItem[] }[];
  claims: ClaimItem[];
  published: string;
  publishedFrom: AnnotateResult['page']['publishedFrom'];
  /** Staff-group ids the page mentions. */
  staffGroups: string[];
  /** Staff groups, then organisations, most mentioned first: the timeline's rows (it keeps the workforce ones). */
  timelineGroups: string[];
}

const LABELS: Record<MentionGroup, string> = {
  person: 'People',
  role: 'Roles',
  organisation: 'Organisations',
  'staff-group': 'Staff groups',
  event: 'Strikes and ballots',
};

function groupOf(a: Annotation): MentionGroup | null {
  if (a.kind === 'event') return a.entity ? 'event' : null;
  if (a.kind !== 'entity' || !a.entity) return null;
  if (a.role) return 'person';
  const k = a.entity.kind;
  return k === 'person' || k === 'organisation' || k === 'staff-group' || k === 'role' ? k : null;
}

/** Groups a result's annotations for the popup; a role description counts for the person it names. */
export function summarise(result: AnnotateResult): Summary {
  const byGroup = new Map<MentionGroup, Map<string, MentionItem>>();
  const roleOf = new Map(result.cards.map((c) => [c.id, c.roleOnDate]));
  let mentions = 0;
  for (const a of result.annotations) {
    const group = groupOf(a);
    if (!group || !a.entity) continue;
    mentions++;
    const items = byGroup.get(group) ?? new Map<string, MentionItem>();
    byGroup.set(group, items);
    const item = items.get(a.entity.id);
    if (item) item.count++;
    else
      items.set(a.entity.id, {
        id: a.entity.id,
        name: a.entity.name,
        role: a.role?.title ?? roleOf.get(a.entity.id) ?? null,
        count: 1,
        firstAnnotationId: a.id,
      });
  }
  const order: MentionGroup[] = ['person', 'organisation', 'staff-group', 'event', 'role'];
  const groups = order
    .filter((g) => byGroup.has(g))
    .map((g) => ({
      group: g,
      label: LABELS[g],
      items: [...byGroup.get(g)!.values()].sort((x, y) => y.count - x.count || x.name.localeCompare(y.name)),
    }));
  // One row per claim: the same words with the same verdict and explanation count once.
  const byClaim = new Map<string, ClaimItem>();
  for (const c of result.claims) {
    if (!c.check) continue;
    const key = `${c.exact.toLowerCase()}|${c.check.verdict}|${c.check.explanation}`;
    const seen = byClaim.get(key);
    if (seen) seen.count++;
    else
      byClaim.set(key, {
        annotationId: c.id,
        exact: c.exact,
        verdict: c.check.verdict,
        explanation: c.check.explanation,
        count: 1,
        source: byTier(c.check.sources)[0] ?? null,
      });
  }
  const claims = [...byClaim.values()];
  return {
    counts: {
      mentions,
      entities: [
        ...(byGroup.get('person')?.keys() ?? []),
        ...(byGroup.get('organisation')?.keys() ?? []),
        ...(byGroup.get('staff-group')?.keys() ?? []),
      ].length,
      events: byGroup.get('event')?.size ?? 0,
      claims: claims.length,
      differs: claims.filter((c) => c.verdict === 'differs').length,
    },
    groups,
    claims,
    published: result.page.published,
    publishedFrom: result.page.publishedFrom,
    staffGroups: [...(byGroup.get('staff-group')?.keys() ?? [])],
    timelineGroups: (['staff-group', 'organisation'] as const).flatMap((g) =>
      groups.filter((x) => x.group === g).flatMap((x) => x.items.map((i) => i.id)),
    ),
  };
}

/** Where the article's date came from, in words. */
export function dateSource(from: AnnotateResult['page']['publishedFrom']): string {
  return {
    'json-ld': "the page's structured data (JSON-LD)",
    meta: "the page's article:published_time",
    time: 'a <time> element near the headline',
    given: 'the date given',
    none: 'no date found on the page or in its text, so claims are not judged',
    inferred: 'inferred from the article text',
  }[from];
}
