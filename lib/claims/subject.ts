/**
 * What a claim is about: its group (the workforce named nearest to it, else in the sentences
 * before), its nation (named in the sentence, else the text's), its period (a date written near
 * it, else the article's date and the tense), and the events of that group that fit. A claim is
 * only compared with records about this subject; anything else is a look-alike (no-data).
 */
import type { Event, EventKind, Fact } from '../facts/schema.ts';
import { appliesTo, sentenceNation, type Nation } from '../detect/nations.ts';
import { addDays, dayNumber, endExclusiveOf, startOf } from '../util/dates.ts';
import type { ClaimContext } from './context.ts';
import { annotationsIn, groupNear, sentenceText, withRelated } from './context.ts';
import { overlaps, type DateWindow } from './sentence-events.ts';
import { dateSpans } from './when.ts';

export interface Subject {
  groups: string[];
  /** The groups and the bodies that act for them. */
  ids: Set<string>;
  nation: Nation;
  /** A date written in the claim's sentence, nearest to it. */
  window?: DateWindow;
  /** Events the pipeline linked in this sentence. */
  linked: Event[];
  /** Whether the sentence itself names the group (not only the sentences before it). */
  local: boolean;
}

/** A break between clauses that a date does not reach across: a spaced dash or a semicolon. */
const CLAUSE_DASH = /\s[–—-]\s|;/;

/** The subject of a claim at `offset` in sentence i; `own`: the group the claim itself names. */
export function subjectOf(ctx: ClaimContext, i: number, offset: number, useWindow = true, own?: string): Subject {
  // A staff group named in the sentence outranks the union nearest to the claim: "the BMA said
  // consultants…" is about consultants, not every BMA committee.
  const staff = annotationsIn(ctx, i)
    .filter((a) => a.kind === 'entity' && !a.role && a.entity && ctx.index.entity(a.entity.id)?.kind === 'staff-group')
    // The group named before the claim is its subject ("ambulance workers will strike on 21 December,
    // a day after nurses…"); else the nearest after it.
    .sort(
      (a, b) =>
        Number(a.start > offset) - Number(b.start > offset) || Math.abs(a.end - offset) - Math.abs(b.end - offset),
    );
  const groups = own ? [own] : staff.length ? [staff[0]!.entity!.id] : groupNear(ctx, i, offset);
  const local = annotationsIn(ctx, i).some(
    (a) => a.kind === 'entity' && !a.role && !!a.entity && ctx.index.isWorkforce(a.entity.id),
  );
  const sentence = sentenceText(ctx, i);
  const nation = sentenceNation(sentence) ?? ctx.nation;
  const linked = annotationsIn(ctx, i)
    .filter((a) => a.kind === 'event' && a.entity)
    .map((a) => ctx.index.event(a.entity!.id))
    .filter((e): e is Event => !!e);
  // The date nearest the claim within its clause: "begin two days of strikes – and announce further
  // dates in October" does not put the two days in October.
  const window = useWindow
    ? dateSpans(ctx, i)
        .filter((d) => !CLAUSE_DASH.test(ctx.text.slice(Math.min(d.end, offset), Math.max(d.start, offset))))
        .sort((a, b) => Math.abs(a.start - offset) - Math.abs(b.start - offset))[0]?.w
    : undefined;
  return { groups, ids: withRelated(ctx.index, groups), nation, linked, local, ...(window ? { window } : {}) };
}

/** How far after the article a planned event may lie, and how far before it a "current" one. */
const AHEAD_DAYS = 120;
const BEHIND_DAYS = 400;

/**
 * Events of the given kinds about the subject: by a date written near the claim when there is one,
 * else those around the article's date (planned ones up to four months ahead).
 */
export function subjectEvents(ctx: ClaimContext, s: Subject, kinds: readonly EventKind[], around = true): Event[] {
  const fits = (e: Event) =>
    kinds.includes(e.kind) &&
    !!e.startDate &&
    appliesTo(e.nation, s.nation) &&
    (s.ids.size === 0 ? s.linked.includes(e) : e.participants.some((p) => s.ids.has(p)));
  const all = [...ctx.index.events.values()].filter(fits);
  if (s.window) {
    const w = s.window;
    const hit = all.filter((e) => overlaps(e, w) || daysOf(e).some((d) => w.from <= d && d <= w.to));
    if (hit.length) return hit;
  }
  // Events linked in the sentence first, then the group's others around the article's date.
  const linked = s.linked.filter(fits);
  if (!around) return linked.length ? linked : all;
  const d = dayNumber(ctx.date);
  const near = all.filter((e) => {
    const start = dayNumber(startOf(e.startDate!));
    const end = dayNumber(endExclusiveOf(e.endDate ?? e.startDate!));
    return start <= d + AHEAD_DAYS && end >= d - BEHIND_DAYS && !linked.includes(e);
  });
  return [...linked, ...near];
}

/** The calendar days of action an event lists (details.days), else none. */
export function daysOf(e: Event): string[] {
  const days = (e.details as Record<string, unknown> | undefined)?.days;
  return Array.isArray(days) ? days.filter((x): x is string => typeof x === 'string') : [];
}

/** Facts about the subject's groups (a union's own pay claim), as they stood on the article's date. */
export function groupFacts(ctx: ClaimContext, s: Subject, predicates: readonly string[]): Fact[] {
  const limit = addDays(ctx.date, 31);
  const facts = [...s.ids].flatMap((id) =>
    ctx.index.factsAbout(id).filter((f) => predicates.includes(f.predicate) && (!f.asOf || startOf(f.asOf) <= limit)),
  );
  // Of each predicate and subject, the value that applied on the date: the latest before it.
  const latest = new Map<string, Fact>();
  for (const f of facts) {
    const key = `${f.subject}|${f.predicate}`;
    const prev = latest.get(key);
    if (!prev || (f.asOf ?? '') > (prev.asOf ?? '')) latest.set(key, f);
  }
  return [...latest.values()];
}
