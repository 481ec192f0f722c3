/**
 * Cards: what a reader sees for an entity or event, as of the article's date — the role then
 * (and now), the facts that matter with their dates, sources and distance from the article.
 */
import type { Card, CardFact } from '../protocol/annotations.ts';
import type { FactIndex } from '../facts/index.ts';
import type { Entity, Event, Fact } from '../facts/schema.ts';
import { dayNumber, distanceFromArticle, formatDate, startOf, todayIso } from '../util/dates.ts';
import { displayTitle } from '../util/titles.ts';
import { titleOn } from './held.ts';
import { foldString } from './text.ts';
import { sourceRef, sourceRefs } from '../sources/ref.ts';

const MAX_FACTS = 8;
/** Places on a card kept for facts about the entity itself, however many events there are. */
const OWN_SLOTS = 3;
/** Upcoming strikes within this many days of the article are worth showing. */
const UPCOMING_DAYS = 120;

/**
 * What the article is about, for ranking a card's facts: how often it names each entity, the
 * events it links to, and the nation it is set in. Without it a card ranks by date alone.
 */
export interface ArticleContext {
  /** Entity id → number of mentions in the article. */
  mentions: ReadonlyMap<string, number>;
  /** Event ids the article's event nouns link to. */
  events: ReadonlySet<string>;
  nation?: string;
}

/**
 * A fact's tier on a card (higher first). Within a tier, meetings go by how often the article
 * names the group, other facts by closeness to the article's date.
 */
const RANK = {
  meeting: 1000,
  departmentMeeting: 900,
  discussed: 600,
  namedGroup: 300,
  otherNation: -800,
} as const;

/** The card for an entity or event id as of `date`, or null if the id is unknown. */
export function buildCard(
  index: FactIndex,
  id: string,
  date: string,
  today = todayIso(),
  article?: ArticleContext,
): Card | null {
  const entity = index.entity(id);
  if (entity) return entityCard(index, entity, date, today, article);
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

function entityCard(index: FactIndex, e: Entity, date: string, today: string, article?: ArticleContext): Card {
  const rolesText = (on: string) =>
    index
      .rolesOn(e.id, on)
      .map((r) => titleOn(index, r, r.title, on))
      .join('; ') || null;
  const roleOnDate = rolesText(date);
  const roleNowText = rolesText(today);
  const facts = factsFor(index, e, date, article);
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
  // The heading and the description already give the title and dates: the facts start after them.
  const facts = index.factsAbout(ev.id).map((f) => factToCard(index, f, date));
  return {
    id: ev.id,
    name: displayTitle(ev.title),
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
 * The facts that matter on `date`, most relevant to this article first: the last meeting with each
 * group the article names (for a minister: with that group; for a union or staff group: with the
 * ministers of the day), then the events the article discusses, then the last meeting, offer,
 * award, ballot and strike before it, the next strike, and the entity's own facts — each with its
 * distance. Without an article context the order is the same minus the first two steps.
 */
function factsFor(index: FactIndex, e: Entity, date: string, article?: ArticleContext): CardFact[] {
  const ids = index.related(e.id);
  const d = dayNumber(date);
  const groups = namedGroups(index, article);
  const ranked: { fact: CardFact; score: number; weight: number; gap: number }[] = [];
  const shown = new Set<string>();
  const add = (fact: CardFact, score: number, key: string, weight = 0) => {
    if (shown.has(key)) return;
    shown.add(key);
    const gap = fact.date ? Math.abs(dayNumber(startOf(fact.date)) - d) : Infinity;
    ranked.push({ fact, score, weight, gap });
  };
  for (const m of lastMeetings(index, e, date, groups, article?.nation)) add(m.fact, m.score, m.eventId, m.weight);

  const events = new Map<string, Event>();
  for (const id of ids) for (const ev of index.eventsOf(id)) events.set(ev.id, ev);
  if (article) {
    for (const id of article.events) {
      const ev = index.event(id);
      if (!ev) continue;
      const involved = ev.participants.some((p) => ids.has(p) || (e.kind === 'person' && groups.has(p)));
      if (involved) add(eventFact(ev, date), relevance(ev, groups, article), ev.id);
    }
  }
  const started = (ev: Event) => !!ev.startDate && dayNumber(startOf(ev.startDate)) <= d;
  const past = [...events.values()].filter(started);
  for (const kind of ['meeting', 'pay-offer', 'pay-award', 'strike', 'ballot', 'agreement'] as const) {
    const of = past.filter((ev) => ev.kind === kind);
    // The last one that concerns a group the article names, else the last one.
    const last = of.filter((ev) => weightOf(ev, groups) > 0).at(-1) ?? of.at(-1);
    if (last) add(eventFact(last, date), relevance(last, groups, article), last.id);
  }
  const next = [...events.values()].find(
    (ev) =>
      ev.kind === 'strike' &&
      ev.startDate &&
      dayNumber(startOf(ev.startDate)) > d &&
      dayNumber(startOf(ev.startDate)) - d <= UPCOMING_DAYS,
  );
  if (next) add(eventFact(next, date), relevance(next, groups, article), next.id);
  // The entity's own facts (a reader's own facts among them) keep at least OWN_SLOTS places; a
  // "met on" fact whose date a meeting above already shows is not repeated.
  const meetingDays = new Set(ranked.filter((r) => r.score >= RANK.meeting).map((r) => r.fact.date));
  const own = index
    .factsOn(e.id, date)
    .filter((f) => !(/met|meeting/.test(f.predicate) && meetingDays.has(String(f.value))))
    .map((f) => factToCard(index, f, date));
  ranked.sort((a, b) => b.score - a.score || b.weight - a.weight || a.gap - b.gap);
  const eventFacts = ranked.map((r) => r.fact);
  const ownShown = own.slice(0, Math.max(OWN_SLOTS, MAX_FACTS - eventFacts.length));
  return [...eventFacts.slice(0, MAX_FACTS - ownShown.length), ...ownShown];
}

/** The workforce bodies the article names, with their sub-bodies, weighted by mentions. */
function namedGroups(index: FactIndex, article?: ArticleContext): Map<string, number> {
  const out = new Map<string, number>();
  if (!article) return out;
  for (const [id, count] of article.mentions) {
    if (!index.isWorkforce(id) && index.entity(id)?.kind !== 'staff-group') continue;
    for (const r of index.related(id)) out.set(r, (out.get(r) ?? 0) + count);
  }
  return out;
}

function weightOf(ev: Event, groups: Map<string, number>): number {
  return Math.max(0, ...ev.participants.map((p) => groups.get(p) ?? 0));
}

/** How much an event concerns this article: its groups, whether the article links it, its nation. */
function relevance(ev: Event, groups: Map<string, number>, article?: ArticleContext): number {
  if (!article) return 0;
  let score = article.events.has(ev.id) ? RANK.discussed : weightOf(ev, groups) > 0 ? RANK.namedGroup : 0;
  if (otherNation(ev, article.nation)) score += RANK.otherNation;
  return score;
}

/** An event set in another nation than the article's (UK-wide events belong to every nation). */
function otherNation(ev: Event, nation: string | undefined): boolean {
  return !!nation && !!ev.nation && !ev.nation.includes(nation) && !/^(UK|United Kingdom)$/.test(ev.nation);
}

/** Whether a meeting participant is "the government side" on `date`: a minister, or the department. */
function isGovernment(index: FactIndex, id: string, date: string): boolean {
  const e = index.entity(id);
  if (!e) return false;
  if (e.kind === 'person')
    return index.rolesOn(id, date).some((r) => r.organisation === 'dhsc' || /minister|secretary/i.test(r.title));
  return e.id === 'dhsc' || /department of health/i.test(e.name);
}

/**
 * The last meeting before `date` between this entity and each group the article names. For a
 * minister the other side is the group (meetings with the minister's department count too); for a
 * union or staff group it is the minister or department of the day.
 */
function lastMeetings(
  index: FactIndex,
  e: Entity,
  date: string,
  groups: Map<string, number>,
  nation?: string,
): { fact: CardFact; eventId: string; weight: number; score: number }[] {
  if (groups.size === 0) return [];
  const d = dayNumber(date);
  const meetings = index.eventsOfKind('meeting').filter((ev) => ev.startDate && dayNumber(startOf(ev.startDate)) <= d);
  // The newest meeting per group (or per sub-body, on a union's card).
  const last = new Map<string, { ev: Event; lead: string; score: number; weight: number }>();
  const keep = (key: string, ev: Event, lead: string, tier: number, weight: number) => {
    const score = tier + (otherNation(ev, nation) ? RANK.otherNation : 0);
    const had = last.get(key);
    const day = dayNumber(startOf(ev.startDate!));
    if (
      !had ||
      dayNumber(startOf(had.ev.startDate!)) < day ||
      (dayNumber(startOf(had.ev.startDate!)) === day && had.score < score)
    )
      last.set(key, { ev, lead, score, weight });
  };
  if (e.kind === 'person') {
    const departments = new Set(
      index
        .rolesOn(e.id, date)
        .map((r) => r.organisation)
        .filter((o): o is string => !!o),
    );
    for (const ev of meetings) {
      const present = ev.participants.includes(e.id);
      if (!present && !ev.participants.some((p) => departments.has(p))) continue;
      const group = bestGroup(index, ev, groups);
      if (!group) continue;
      const name = theName(index.entity(group)?.name ?? group);
      const lead = present ? `Last met ${name}` : `${departmentName(index, ev, departments)} last met ${name}`;
      keep(group, ev, lead, present ? RANK.meeting : RANK.departmentMeeting, groups.get(group) ?? 0);
    }
  } else if (index.isWorkforce(e.id) || e.kind === 'staff-group') {
    const ids = index.related(e.id);
    for (const ev of meetings) {
      const body = ev.participants.find((p) => ids.has(p));
      if (!body) continue;
      const gov = ev.participants.filter((p) => isGovernment(index, p, ev.startDate!));
      if (gov.length === 0) continue;
      const person = gov.find((p) => index.entity(p)?.kind === 'person');
      const who = person ? index.entity(person)!.name : theName(index.entity(gov[0]!)!.name);
      const sub =
        body !== e.id && e.kind !== 'staff-group'
          ? `${capitalise(theName(index.entity(body)!.name))} last met`
          : 'Last met';
      keep(body, ev, `${sub} ${who}`, RANK.meeting, groups.get(body) ?? 0);
    }
  }
  return [...last.values()].map((m) => ({
    fact: meetingFact(m.ev, m.lead, date),
    eventId: m.ev.id,
    weight: m.weight,
    score: m.score,
  }));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The most-mentioned named group among a meeting's participants (the most specific on a tie). */
function bestGroup(index: FactIndex, ev: Event, groups: Map<string, number>): string | null {
  let best: string | null = null;
  for (const p of ev.participants) {
    const w = groups.get(p);
    if (w === undefined) continue;
    const specific = index.entity(p)?.parent !== undefined;
    if (best === null || w > groups.get(best)! || (w === groups.get(best)! && specific)) best = p;
  }
  return best;
}

function departmentName(index: FactIndex, ev: Event, departments: Set<string>): string {
  const dep = ev.participants.find((p) => departments.has(p));
  const e = dep ? index.entity(dep) : undefined;
  const short = e?.aliases.find((a) => /^[A-Z]{3,6}$/.test(a.text))?.text;
  return short ?? (e ? theName(e.name) : 'The department');
}

/** "the Society of Radiographers", "the BMA consultants committee"; "GMB", "Unison" as they are. */
function theName(name: string): string {
  return /^the /i.test(name) || !/\s/.test(name) ? name : `the ${name}`;
}

function meetingFact(ev: Event, lead: string, date: string): CardFact {
  return { ...eventFact(ev, date), statement: `${lead}: ${dateRange(ev)}` };
}

function eventFact(ev: Event, date: string): CardFact {
  const when = ev.startDate;
  const dist = distanceFromArticle(when, date);
  return {
    id: ev.id,
    statement: `${displayTitle(ev.title)} (${dateRange(ev)})`,
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
