/**
 * Cards: what a reader sees for an entity or event, as of the article's date — the role then
 * (and now), the facts that matter with their dates, sources and distance from the article.
 */
import type { Card, CardFact } from '../protocol/annotations.ts';
import type { FactIndex } from '../facts/index.ts';
import type { Entity, Event, Fact } from '../facts/schema.ts';
import { dayNumber, distanceFromArticle, formatDate, startOf, todayIso } from '../util/dates.ts';
import { titleOn } from './held.ts';
import { foldString } from './text.ts';
import { sourceRef, sourceRefs } from '../sources/ref.ts';

const MAX_FACTS = 8;
/** Places on a card kept for facts about the entity itself, however many events there are. */
const OWN_SLOTS = 3;
/** Upcoming strikes within this many days of the article are worth showing. */
const UPCOMING_DAYS = 120;

/** The card for an entity or event id as of `date`, or null if the id is unknown. */
export function buildCard(index: FactIndex, id: string, date: string, today = todayIso()): Card | null {
  const entity = index.entity(id);
  if (entity) return entityCard(index, entity, date, today);
  const event = index.event(id);
  return event ? eventCard(index, event, date) : null;
}

const byName = new WeakMap<FactIndex, Map<string, string>>();

/** Folded name and alias → entity id, built once per index (first entity wins). */
function nameMap(index: FactIndex): Map<string, string> {
  let map = byName.get(index);
  if (!map) {
    map = new Map();
    for (const e of index.entities.values()) {
      if (e.private) continue;
      for (const text of [e.name, ...e.aliases.map((a) => a.text)]) {
        const key = foldString(text.replace(/^the\s+/i, ''));
        if (!map.has(key)) map.set(key, e.id);
      }
    }
    byName.set(index, map);
  }
  return map;
}

/** Finds an entity by id, name or alias (case-insensitive); a role resolves to its holder on `date`. */
export function lookupCard(index: FactIndex, query: string, date: string, today = todayIso()): Card | null {
  const id =
    index.entity(query) || index.event(query) ? query : nameMap(index).get(foldString(query.replace(/^the\s+/i, '')));
  if (!id) return null;
  const entity = index.entity(id);
  // A private own entity is never shown in pages: not by name (nameMap skips it), not by id either.
  if (entity?.private) return null;
  if (entity?.kind === 'role') {
    const holder = index.holdersOn(entity.id, date)[0];
    if (holder) return buildCard(index, holder.person.id, date, today);
  }
  return buildCard(index, id, date, today);
}

function entityCard(index: FactIndex, e: Entity, date: string, today: string): Card {
  const rolesText = (on: string) =>
    index
      .rolesOn(e.id, on)
      .map((r) => titleOn(index, r, r.title, on))
      .join('; ') || null;
  const roleOnDate = rolesText(date);
  const roleNowText = rolesText(today);
  const facts = factsFor(index, e, date);
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    description: e.description,
    sameAs: e.sameAs,
    roleOnDate,
    roleNow: roleNowText !== roleOnDate ? roleNowText : null,
    termNote: termNote(e, date),
    facts,
    sources: sourceRefs((e.roles ?? []).flatMap((r) => r.sources)),
    coverageNotice: coverageNotice(index, date),
  };
}

function eventCard(index: FactIndex, ev: Event, date: string): Card {
  const facts = [eventFact(ev, date), ...index.factsAbout(ev.id).map((f) => factToCard(index, f, date))];
  return {
    id: ev.id,
    name: ev.title,
    kind: ev.kind,
    description: eventDescription(index, ev),
    sameAs: [],
    roleOnDate: null,
    roleNow: null,
    termNote: null,
    facts: facts.slice(0, MAX_FACTS),
    sources: sourceRefs(ev.sources),
    coverageNotice: coverageNotice(index, date),
  };
}

function eventDescription(index: FactIndex, ev: Event): string {
  const when = ev.startDate ? dateRange(ev) : 'date unknown';
  const who = ev.participants
    .map((p) => index.entity(p)?.name)
    .filter(Boolean)
    .join(', ');
  const status = typeof ev.details.status === 'string' ? ` (${ev.details.status})` : '';
  return `${when}${ev.nation ? `, ${ev.nation}` : ''}${who ? ` — ${who}` : ''}${status}`;
}

function dateRange(ev: Event): string {
  if (!ev.startDate) return '';
  if (!ev.endDate || ev.endDate === ev.startDate) return formatDate(ev.startDate);
  return `${formatDate(ev.startDate)} to ${formatDate(ev.endDate)}`;
}

/**
 * The facts that matter on `date`: the last meeting, offer, award and ballot before it, the
 * last strike and the next one, then the entity's own facts — each with its distance.
 */
function factsFor(index: FactIndex, e: Entity, date: string): CardFact[] {
  const ids = index.related(e.id);
  const events = new Map<string, Event>();
  for (const id of ids) for (const ev of index.eventsOf(id)) events.set(ev.id, ev);
  const d = dayNumber(date);
  const past = [...events.values()].filter((ev) => ev.startDate && dayNumber(startOf(ev.startDate)) <= d);
  const picked: Event[] = [];
  for (const kind of ['meeting', 'pay-offer', 'pay-award', 'strike', 'ballot', 'agreement'] as const) {
    const last = past.filter((ev) => ev.kind === kind).at(-1);
    if (last) picked.push(last);
  }
  const next = [...events.values()].find(
    (ev) =>
      ev.kind === 'strike' &&
      ev.startDate &&
      dayNumber(startOf(ev.startDate)) > d &&
      dayNumber(startOf(ev.startDate)) - d <= UPCOMING_DAYS,
  );
  if (next) picked.push(next);
  // The entity's own facts (a reader's own facts among them) keep at least OWN_SLOTS places.
  const own = index.factsOn(e.id, date).map((f) => factToCard(index, f, date));
  const eventFacts = picked.map((ev) => eventFact(ev, date));
  const ownShown = own.slice(0, Math.max(OWN_SLOTS, MAX_FACTS - eventFacts.length));
  return [...eventFacts.slice(0, MAX_FACTS - ownShown.length), ...ownShown];
}

function eventFact(ev: Event, date: string): CardFact {
  const when = ev.startDate;
  const dist = distanceFromArticle(when, date);
  return {
    id: ev.id,
    statement: `${ev.title} (${dateRange(ev)})`,
    date: when,
    daysFromArticle: dist.days,
    distance: dist.text,
    confidence: ev.confidence,
    sources: sourceRefs(ev.sources),
    conflicts: (ev.conflicts ?? []).map((c) => ({ value: String(c.value), note: c.note, source: sourceRef(c.source) })),
  };
}

function factToCard(index: FactIndex, f: Fact, date: string): CardFact {
  const ev = index.event(f.subject);
  const when = f.predicate.startsWith('cumulative-') || !ev ? f.asOf : (ev.startDate ?? f.asOf);
  const dist = distanceFromArticle(when, date);
  return {
    id: f.id,
    statement: f.statement,
    date: when,
    daysFromArticle: dist.days,
    distance: dist.text,
    confidence: f.confidence,
    sources: sourceRefs(f.sources),
    conflicts: (f.conflicts ?? []).map((c) => ({ value: String(c.value), note: c.note, source: sourceRef(c.source) })),
  };
}

/** "junior doctors (called resident doctors in England from 18 September 2024)". */
function termNote(e: Entity, date: string): string | null {
  const d = dayNumber(date);
  const current = e.aliases.filter((a) => a.current);
  if (current.length === 0) return null;
  const now = current.find((a) => {
    const c = a.current!;
    return (!c.from || dayNumber(startOf(c.from)) <= d) && (!c.to || d < dayNumber(startOf(c.to)));
  });
  const later = current.find((a) => a.current!.from && dayNumber(startOf(a.current!.from)) > d);
  const earlier = current.find((a) => a.current!.to && dayNumber(startOf(a.current!.to)) <= d);
  if (now && later)
    return `${now.text} (called ${later.text}${where(later.current!.where)} from ${formatDate(later.current!.from!)})`;
  if (now && earlier) return `${now.text} (formerly ${earlier.text})`;
  return null;
}

function where(w: string | undefined): string {
  return w ? ` in ${w}` : '';
}

function coverageNotice(index: FactIndex, date: string): string | null {
  const c = index.coverage;
  if (!c || index.covers(date)) return null;
  return `This article (${formatDate(date)}) falls outside the fact base's coverage (${formatDate(c.from)} to ${formatDate(c.to)}): facts may be missing or out of date.`;
}
