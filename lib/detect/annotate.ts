/**
 * The detection pipeline, pure: PageText + FactIndex → annotations, cards and claim checks.
 * Runs unchanged in the background, the CLI and the tests.
 */
import type { Annotation, AnnotateResult, Card } from '../protocol/annotations.ts';
import type { PageText } from '../protocol/page-text.ts';
import type { FactIndex } from '../facts/index.ts';
import { todayIso } from '../util/dates.ts';
import { buildCard, type ArticleContext } from './card-data.ts';
import { acceptEventNoun, linkEvent, type EventContext } from './event-nouns.ts';
import { gazetteerFor } from './gazetteer.ts';
import { documentNation, type Nation } from './nations.ts';
import type { Mention } from './mention.ts';
import { relativeDates, type DateCue } from './relative-dates.ts';
import { resolveMentions } from './resolve.ts';
import { sentences, spanAt, type Span } from './sentences.ts';
import { findDatesAndFigures, type FoundValue } from './values.ts';
import { checkClaims, type ClaimDating } from '../claims/index.ts';
import { inferArticleDate, inferredNote, UNDATED } from './article-date.ts';
import { SCORE } from './scores.ts';
import { EVENT_CUES } from './cues.ts';

export interface AnnotateOptions {
  /** Today's date (ISO), used when the page has no date. */
  today?: string;
  /** Check claims (default true). */
  claims?: boolean;
  /** compromise only on the sentences that need it (default), or on all of them (a reference). */
  nlp?: 'selective' | 'all';
}

/** Annotates a page as of its publication date (or today, when it has none). */
export function annotate(page: PageText, index: FactIndex, opts: AnnotateOptions = {}): AnnotateResult {
  const today = opts.today ?? todayIso();
  const text = page.text;
  // An undated article is never judged as of today: its date is inferred from its own text, and
  // with no window every date-dependent claim is left undecided (claims/index.ts).
  const inferred = page.published ? null : inferArticleDate(text, index);
  const date = page.published ?? inferred?.date ?? today;
  const dating: ClaimDating = page.published
    ? { kind: 'given' }
    : inferred
      ? { kind: 'inferred', exact: inferred.exact, note: inferredNote(inferred) }
      : { kind: 'undated', note: UNDATED };
  const nation = documentNation(text);
  const mentions = resolveMentions({ text, date, nation, index, gazetteer: gazetteerFor(index) });
  const sents = sentences(text);
  const found = mentions.length > 0 ? findDatesAndFigures(text, sents, date) : [];
  const ctx: Ctx = { text, date, nation, index, sents, buckets: bucket(index, sents, mentions, found) };
  const annotations = [
    ...mentions.flatMap((m) => toAnnotation(m, ctx)),
    ...found.map((f) => foundToAnnotation(f, text)),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const claims =
    opts.claims === false || mentions.length === 0
      ? []
      : checkClaims(text, date, index, annotations, sents, opts.nlp, dating);
  return {
    page: {
      url: page.url,
      title: page.title,
      published: date,
      publishedFrom: page.published ? page.publishedFrom : inferred ? 'inferred' : 'none',
      ...(dating.kind === 'given' ? {} : { dateNote: dating.note }),
      packVersion: index.packVersion,
    },
    annotations: [...annotations, ...claims].sort((a, b) => a.start - b.start || b.end - a.end),
    cards: cardsFor(annotations, index, date, today, nation),
    claims,
  };
}

interface Ctx {
  text: string;
  date: string;
  nation: Nation;
  index: FactIndex;
  sents: Span[];
  buckets: Buckets;
}

function toAnnotation(m: Mention, ctx: Ctx): Annotation[] {
  const { index, text } = ctx;
  if (m.entry.origin === 'event') {
    const span = acceptEventNoun(text, m.start, m.end);
    if (!span) return [];
    const ev = linkEvent(index, text.slice(m.start, m.end), eventContext(m, ctx));
    return [
      {
        id: annotationId('event', span.start, span.end),
        start: span.start,
        end: span.end,
        exact: text.slice(span.start, span.end),
        kind: 'event',
        score: ev ? SCORE.linkedEvent : SCORE.unlinkedEvent,
        ...(ev ? { entity: { id: ev.id, name: ev.title, kind: ev.kind, sameAs: [] } } : {}),
      },
    ];
  }
  const entity = index.entity(m.entityId);
  if (!entity) return [];
  return [
    {
      id: annotationId('entity', m.start, m.end),
      start: m.start,
      end: m.end,
      exact: text.slice(m.start, m.end),
      kind: 'entity',
      score: m.score,
      entity: { id: entity.id, name: entity.name, kind: entity.kind, sameAs: entity.sameAs },
      ...(m.roleTitle ? { role: { id: m.roleId ?? '', title: m.roleTitle } } : {}),
      ...(isGenericBody(index, entity.id) && !m.roleTitle ? { quiet: true } : {}),
    },
  ];
}

/**
 * A body the disputes happen around rather than a party to them: an organisation that never
 * ballots or strikes (the NHS, a party, a department, a government). Its highlight is quieter.
 */
function isGenericBody(index: FactIndex, id: string): boolean {
  return index.entity(id)?.kind === 'organisation' && !index.isWorkforce(id);
}

/** Participants near an event noun and the when of its sentence. */
function eventContext(m: Mention, ctx: Ctx): EventContext {
  const { sents, text } = ctx;
  const si = spanAt(sents, m.start);
  const sent = si >= 0 ? sents[si]! : { start: m.start, end: m.end };
  // The sentence's own groups and unions, else the whole text's; the two sentences before it break
  // ties ("Two days of strikes last month…" after a sentence about consultants).
  let participants = ctx.buckets.participants.get(si) ?? [];
  const nearby =
    participants.length > 0 ? participants : [si - 1, si - 2].flatMap((i) => ctx.buckets.participants.get(i) ?? []);
  if (participants.length === 0) participants = ctx.buckets.everywhere;
  const sentence = text.slice(sent.start, sent.end);
  const cues = [
    ...(ctx.buckets.dates.get(si) ?? []).map((f) => ({ value: String(f.value), at: f.start })),
    ...relativeDates(sentence, sent.start, ctx.date).filter((c) => sameClause(text, m, c)),
  ];
  const distance = (at: number) => (at < m.start ? m.start - at : Math.max(0, at - m.end));
  return {
    date: ctx.date,
    nation: ctx.nation,
    participants,
    nearby,
    dates: cues.sort((a, b) => distance(a.at) - distance(b.at)).map((c) => c.value),
    future: EVENT_CUES.future.test(sentence),
    present: EVENT_CUES.present.test(sentence),
    past: EVENT_CUES.past.test(sentence),
    coverage: ctx.index.coverage,
  };
}

/** "the walkout next week", "last month's strike": a relative phrase dates the noun only within its clause. */
function sameClause(text: string, m: Mention, cue: DateCue): boolean {
  const between = cue.end <= m.start ? text.slice(cue.end, m.start) : text.slice(m.end, cue.at);
  return between.length <= 40 && !EVENT_CUES.clauseBreak.test(between);
}

interface Buckets {
  /** Workforce participants (groups, unions, their parents) named in each sentence. */
  participants: Map<number, string[]>;
  /** The same for the whole text. */
  everywhere: string[];
  /** Dates written in each sentence. */
  dates: Map<number, FoundValue[]>;
}

/** Groups mentions and dates by sentence once, so each event noun looks up its context in O(1). */
function bucket(index: FactIndex, sents: Span[], mentions: Mention[], found: FoundValue[]): Buckets {
  const participants = new Map<number, string[]>();
  const everywhere = new Set<string>();
  for (const m of mentions) {
    if (!m.entityId) continue;
    const ids = participantIds(index, m.entityId).filter((id) => index.isWorkforce(id));
    if (ids.length === 0) continue;
    const si = spanAt(sents, m.start);
    const list = participants.get(si) ?? [];
    list.push(...ids);
    participants.set(si, list);
    for (const id of ids) everywhere.add(id);
  }
  const dates = new Map<number, FoundValue[]>();
  for (const f of found) {
    if (f.kind !== 'date') continue;
    const si = spanAt(sents, f.start);
    dates.set(si, [...(dates.get(si) ?? []), f]);
  }
  return { participants, everywhere: [...everywhere], dates };
}

function participantIds(index: FactIndex, id: string): string[] {
  const parent = index.entity(id)?.parent;
  return parent ? [id, parent] : [id];
}

function foundToAnnotation(f: FoundValue, text: string): Annotation {
  return {
    id: annotationId(f.kind, f.start, f.end),
    start: f.start,
    end: f.end,
    exact: text.slice(f.start, f.end),
    kind: f.kind,
    score: SCORE.value,
    value: f.value,
    ...(f.unit ? { unit: f.unit } : {}),
  };
}

/** Stable ids: the same text gives the same ids, so exports are deterministic. */
export function annotationId(kind: string, start: number, end: number): string {
  return `${kind}-${start}-${end}`;
}

function cardsFor(annotations: Annotation[], index: FactIndex, date: string, today: string, nation: Nation): Card[] {
  const mentions = new Map<string, number>();
  const events = new Set<string>();
  for (const a of annotations) {
    if (!a.entity) continue;
    if (a.kind === 'event') events.add(a.entity.id);
    else mentions.set(a.entity.id, (mentions.get(a.entity.id) ?? 0) + 1);
  }
  const article: ArticleContext = { mentions, events, nation };
  const ids = [...new Set(annotations.map((a) => a.entity?.id).filter((id): id is string => !!id))];
  return ids.map((id) => buildCard(index, id, date, today, article)).filter((c): c is Card => c !== null);
}
