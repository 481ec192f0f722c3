/**
 * What every format says about one annotation: the card's summary (role on the article's date, key
 * facts with dates and distance from the article, sources) or the claim check's verdict. Built once
 * as lines of text and links, then written as plain text (W3C, CSV) or Markdown (Hypothesis, report).
 */
import type { AnnotateResult, Annotation, Card, SourceRef, Verdict } from '../protocol/annotations.ts';
import { byTier, support, tierLabel } from '../sources/tiers.ts';
import { distanceFromArticle, formatDate, isFullDate } from '../util/dates.ts';

/** A piece of a line: text, or a link with its label. */
export type Segment = string | { label: string; url: string };

/** A line of the summary; `bullet` lines are list items. */
export interface Line {
  segments: Segment[];
  bullet?: boolean;
}

/** Verdict words for people, as used in every format. */
export const VERDICT_LABEL: Record<Verdict, string> = {
  consistent: 'Consistent with the record',
  differs: 'Differs from the record',
  'no-data': 'No data to check against',
};

/**
 * Every exported item: the annotations and the claims, each once (by id; the claim's copy wins, as
 * it carries the check), ordered by start, longer first, then id — a stable order for stable bytes.
 */
export function exportItems(result: AnnotateResult): Annotation[] {
  const byId = new Map<string, Annotation>();
  for (const a of result.annotations) byId.set(a.id, a);
  for (const c of result.claims) byId.set(c.id, c);
  return [...byId.values()].sort(
    (a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The card of the annotation's entity or event, if the result has one. */
export function cardFor(result: AnnotateResult, a: Annotation): Card | undefined {
  const id = a.entity?.id;
  return id === undefined ? undefined : result.cards.find((c) => c.id === id);
}

/** The role the mention refers to, or its entity's role, on the article's date. */
export function roleOnDate(a: Annotation, card: Card | undefined): string {
  return a.role?.title ?? card?.roleOnDate ?? '';
}

/**
 * Sources of the card (facts first, then the card's own) or of the claim check, each URL once,
 * best first (primary, press, copy, weak).
 */
export function sourcesOf(a: Annotation, card: Card | undefined): SourceRef[] {
  const all = a.check
    ? [...a.check.sources, ...(a.check.alternatives ?? []).map((alt) => alt.source)]
    : [...(card?.facts ?? []).flatMap((f) => f.sources), ...(card?.sources ?? [])];
  const byUrl = new Map<string, SourceRef>();
  for (const s of all) if (!byUrl.has(s.url)) byUrl.set(s.url, s);
  return byTier([...byUrl.values()]);
}

/** Tags for an item: the tool, the kind, the entity's kind, the verdict. */
export function tagsOf(a: Annotation): string[] {
  const tags = ['nhs-context', a.kind];
  if (a.entity?.kind) tags.push(a.entity.kind);
  if (a.check) tags.push(a.check.verdict);
  return [...new Set(tags)];
}

/** "BBC News (press), 2023-03-28", "upday (PA) (copy of a PA story)" as a link to the source. */
export function sourceSegment(s: SourceRef): Segment {
  const label = `${s.publisher} (${tierLabel(s)})`;
  return { label: s.published ? `${label}, ${s.published}` : label, url: s.url };
}

/** The text, then its sources best first; when only weak hosts cite it, it says so before them. */
function withSources(text: string, sources: SourceRef[]): Segment[] {
  const { sources: ordered, weak, reason } = support(sources);
  const segs: Segment[] = [text];
  if (weak) segs.push(` — Weakly sourced: ${reason}.`);
  ordered.forEach((s, i) => segs.push(i === 0 ? ' — ' : '; ', sourceSegment(s)));
  return segs;
}

/** A "Sources:" heading and one line per source, best first, after a "Weakly sourced" line when due. */
function sourceLines(sources: SourceRef[]): Line[] {
  if (sources.length === 0) return [];
  const { sources: ordered, weak, reason } = support(sources);
  return [
    line('Sources:'),
    ...(weak ? [line(`Weakly sourced: ${reason}.`)] : []),
    ...ordered.map((s) => ({ bullet: true, segments: [sourceSegment(s)] })),
  ];
}

function line(...segments: Segment[]): Line {
  return { segments };
}

function cardLines(card: Card, a: Annotation, articleDate: string): Line[] {
  const lines = [line(`${card.name} (${card.kind})`)];
  const role = roleOnDate(a, card);
  if (role) lines.push(line(`Role on ${formatDate(articleDate)}: ${role}`));
  if (card.roleNow) lines.push(line(`Role now: ${card.roleNow}`));
  if (card.termNote) lines.push(line(`Term: ${card.termNote}`));
  if (card.description) lines.push(line(card.description));
  if (card.facts.length > 0) lines.push(line('Key facts:'));
  for (const f of card.facts) {
    const when = [f.date ? formatDate(f.date) : '', f.distance ?? ''].filter(Boolean).join(', ');
    const text = `${when ? `${when}: ` : ''}${f.statement} (${f.confidence})`;
    lines.push({ bullet: true, segments: withSources(text, f.sources) });
  }
  lines.push(...sourceLines(card.sources));
  if (card.coverageNotice) lines.push(line(card.coverageNotice));
  return lines;
}

function claimLines(a: Annotation): Line[] {
  const c = a.check!;
  const lines = [line(`Claim (${c.kind}): ${c.claim}`), line(`Verdict: ${VERDICT_LABEL[c.verdict]}`)];
  if (c.expected) lines.push(line(`Expected: ${c.expected}`));
  if (c.explanation) lines.push(line(c.explanation));
  if (c.alternatives?.length) lines.push(line('Other figures:'));
  for (const alt of c.alternatives ?? []) {
    const text = `${alt.value} (would be: ${VERDICT_LABEL[alt.verdict]})${alt.note ? ` — ${alt.note}` : ''}`;
    lines.push({ bullet: true, segments: withSources(text, [alt.source]) });
  }
  lines.push(...sourceLines(c.sources));
  return lines;
}

function valueLines(a: Annotation, articleDate: string): Line[] {
  if (a.kind === 'date' && typeof a.value === 'string') {
    const dist = isFullDate(a.value) ? distanceFromArticle(a.value, articleDate).text : null;
    return [line(`Date: ${formatDate(a.value)}${dist ? ` (${dist})` : ''}`)];
  }
  if (a.value !== undefined)
    return [line(`${a.kind === 'figure' ? 'Figure' : 'Value'}: ${a.value}${a.unit ? ` ${a.unit}` : ''}`)];
  return [line(a.entity ? `${a.entity.name} (${a.entity.kind})` : `Mention (${a.kind})`)];
}

/** The summary of one item, as lines. */
export function summaryLines(a: Annotation, result: AnnotateResult): Line[] {
  if (a.check) return claimLines(a);
  const card = cardFor(result, a);
  return card ? cardLines(card, a, result.page.published) : valueLines(a, result.page.published);
}

/** Lines as plain text: bullets as "- ", links as "label <url>". */
export function plainText(lines: Line[]): string {
  const seg = (s: Segment) => (typeof s === 'string' ? s : `${s.label} <${s.url}>`);
  return lines.map((l) => (l.bullet ? '- ' : '') + l.segments.map(seg).join('')).join('\n');
}
