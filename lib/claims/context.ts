/**
 * What every claim finder sees: the text, its sentences, the annotations the pipeline found,
 * the compromise reading of the sentences that need it, and the fact base as of the article date.
 */
import type { Annotation, ClaimCheck } from '../protocol/annotations.ts';
import type { FactIndex } from '../facts/index.ts';
import type { Entity } from '../facts/schema.ts';
import { analyse, analyseSentence, type NlpSentence } from '../detect/nlp.ts';

/** Where compromise runs: only where needed, or over every sentence. */
export type NlpMode = 'selective' | 'all';
import { sentences, spanAt, type Span } from '../detect/sentences.ts';
import { documentNation, type Nation } from '../detect/nations.ts';
import { readNumber } from './quantity.ts';

export interface ClaimContext {
  text: string;
  /** The article's date (ISO). */
  date: string;
  index: FactIndex;
  sents: Span[];
  /** Entity, event, date and figure annotations, in text order. */
  annotations: Annotation[];
  /** compromise's reading of sentence i (computed on demand, cached). */
  nlp(i: number): NlpSentence;
  /** The nation the text is about (events elsewhere are not candidates). */
  nation: Nation;
  /** Annotations of each sentence, built once. */
  bySentence: Map<number, Annotation[]>;
  /** Sentences worth a finder's time: those with (or next to one with) an entity or event. */
  relevant(i: number): boolean;
}

/**
 * Builds the context. `selective` (the default): compromise runs only for the sentences a finder
 * asks about, and skips those with nothing it could read. `all`: compromise reads every sentence
 * first — the reference the selective mode must match (`nhs-context eval --check-nlp`).
 */
export function claimContext(
  text: string,
  date: string,
  index: FactIndex,
  annotations: Annotation[],
  sents = sentences(text),
  mode: NlpMode = 'selective',
): ClaimContext {
  const cache = mode === 'all' ? analyse(text, sents, date, true) : new Map<number, NlpSentence>();
  const bySentence = new Map<number, Annotation[]>();
  for (const a of annotations) {
    const i = spanAt(sents, a.start);
    const list = bySentence.get(i);
    if (list) list.push(a);
    else bySentence.set(i, [a]);
  }
  const named = (i: number) => (bySentence.get(i) ?? []).some((a) => a.kind === 'entity' || a.kind === 'event');
  return {
    bySentence,
    relevant: (i) => named(i) || named(i - 1) || named(i + 1),
    text,
    date,
    index,
    sents,
    annotations,
    nation: documentNation(text),
    nlp(i) {
      let r = cache.get(i);
      if (!r) cache.set(i, (r = analyseSentence(text, sents[i]!, date)));
      return r;
    },
  };
}

/** One claim a finder found, before it becomes an annotation. */
export interface FoundClaim {
  start: number;
  end: number;
  check: ClaimCheck;
}

/** A finder: one kind of checkable statement (a ClaimCheck kind). */
export type ClaimFinder = (ctx: ClaimContext) => FoundClaim[];

export function sentenceText(ctx: ClaimContext, i: number): string {
  const s = ctx.sents[i]!;
  return ctx.text.slice(s.start, s.end);
}

export function sentenceIndexAt(ctx: ClaimContext, offset: number): number {
  return spanAt(ctx.sents, offset);
}

/** Annotations inside sentence i. */
export function annotationsIn(ctx: ClaimContext, i: number): Annotation[] {
  return ctx.bySentence.get(i) ?? [];
}

/**
 * The number written at [start, end): plain digits and common number words are read directly;
 * anything else ("twenty-one", "a hundred and fifty", "1.5 million") is compromise's reading.
 */
export function numberAt(ctx: ClaimContext, i: number, start: number, end: number): number | null {
  const written = ctx.text.slice(start, end).trim().toLowerCase();
  const read = readNumber(written);
  if (read !== null) return read;
  const n = ctx.nlp(i).numbers.find((x) => x.start < end && start < x.end);
  if (n) return n.value;
  const digits = written.match(/\d[\d,]*(?:\.\d+)?/);
  return digits ? Number(digits[0].replace(/,/g, '')) : null;
}

/**
 * The staff groups and bodies a sentence is about: those named in it, else in the sentences
 * before it (nearest first, within its paragraph), else those the whole text names most.
 */
export function groupsFor(ctx: ClaimContext, i: number): string[] {
  for (let j = i; j >= Math.max(0, i - 3); j--) {
    const groups = annotationsIn(ctx, j)
      .filter((a) => isStaffGroup(ctx, a))
      .map((a) => a.entity!.id);
    if (groups.length) return unique(groups);
  }
  return topGroup(ctx);
}

function isStaffGroup(ctx: ClaimContext, a: Annotation): boolean {
  return a.kind === 'entity' && !a.role && !!a.entity && ctx.index.entity(a.entity.id)?.kind === 'staff-group';
}

const topGroups = new WeakMap<ClaimContext, string[]>();

/** The staff group the whole text names most (computed once per text). */
function topGroup(ctx: ClaimContext): string[] {
  let top = topGroups.get(ctx);
  if (!top) {
    const counts = new Map<string, number>();
    for (const a of ctx.annotations)
      if (isStaffGroup(ctx, a)) counts.set(a.entity!.id, (counts.get(a.entity!.id) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    topGroups.set(ctx, (top = best ? [best[0]] : []));
  }
  return top;
}

/** The entities and the bodies that act for them (FactIndex.related), as one set. */
export function withRelated(index: FactIndex, ids: readonly string[]): Set<string> {
  return new Set(ids.flatMap((id) => [...index.related(id)]));
}

export function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** The one source mapper (lib/sources/ref.ts), under the names the claim finders use. */
export { sourceRef as ref, sourceRefs as refs } from '../sources/ref.ts';

/** "consultants" for a staff group, else the entity's name. */
export function groupLabel(e: Entity | undefined): string {
  if (!e) return 'them';
  return e.kind === 'staff-group' ? e.name.toLowerCase() : e.name;
}

/** Staff groups and the bodies that ballot them (FactIndex.isWorkforce). */
export function isWorkforce(index: FactIndex, id: string): boolean {
  return index.isWorkforce(id);
}

/**
 * The group a claim at `offset` is about: the workforce mention in its sentence nearest to it,
 * else the groups of the sentences before (see groupsFor).
 */
export function groupNear(ctx: ClaimContext, i: number, offset: number): string[] {
  const near = annotationsIn(ctx, i)
    .filter((a) => a.kind === 'entity' && !a.role && a.entity && isWorkforce(ctx.index, a.entity.id))
    .sort((a, b) => Math.abs(a.start - offset) - Math.abs(b.start - offset));
  return near.length ? [near[0]!.entity!.id] : groupsFor(ctx, i);
}

/** Between a title and the name after it, the body the title is of: "Chair of the BMA council, Dr …". */
export const TITLE_OF_BODY = /^\s+of\s+(?:the\s+)?[\p{L}'’ ]{2,60}?,\s*(?:(?:Dr|Professor)\.?\s*)?$/iu;
