/**
 * Searching the fact base (the options page's Search, also reached from the context menu on
 * selected text): entities by name, alias or id and events by title, each with its card, its roles
 * and every fact about it with the sources. Pure: the index and the card builder are passed in.
 * Private own entities are found too — this is the reader's own view, not a page.
 */
import type { Card, SourceRef } from '../protocol/annotations.ts';
import type { FactIndex } from '../facts/index.ts';
import type { Entity, Event } from '../facts/schema.ts';
import { sourceRefs } from '../sources/ref.ts';

/** Results returned at most; facts listed per result at most. */
export const MAX_RESULTS = 20;
const MAX_FACTS = 50;

/** A role the entity held, with its sources (best first). */
export interface SearchRole {
  title: string;
  from: string | null;
  to: string | null;
  sources: SourceRef[];
}

/** A fact (or the event itself) with its sources. */
export interface SearchFact {
  id: string;
  statement: string;
  date: string | null;
  sources: SourceRef[];
}

/** One search result: an entity or event, its card, roles and facts. */
export interface SearchHit {
  id: string;
  name: string;
  /** Entity kind, or the event kind. */
  kind: string;
  private: boolean;
  description: string;
  card: Card | null;
  roles: SearchRole[];
  facts: SearchFact[];
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** Words without punctuation: "Consultants' 48-hour strike" → ["consultants", "48", "hour", "strike"]. */
const words = (s: string) =>
  fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * 0 exact, 1 prefix, 2 word prefix, 3 substring, 4 every query word begins a word of the name
 * (in any order: "consultants strike august" finds "Consultants' 48-hour strike, August 2023");
 * null when none of the names match.
 */
function rank(names: string[], q: string): number | null {
  let best: number | null = null;
  const qWords = words(q);
  for (const name of names) {
    const n = fold(name);
    let r = n === q ? 0 : n.startsWith(q) ? 1 : n.includes(` ${q}`) ? 2 : n.includes(q) ? 3 : null;
    if (r === null && qWords.length > 1) {
      const nWords = words(name);
      if (qWords.every((w) => nWords.some((x) => x.startsWith(w)))) r = 4;
    }
    if (r !== null && (best === null || r < best)) best = r;
  }
  return best;
}

/**
 * Entities and events matching `query`, best first. `card(id)` builds the card as of the search
 * date (lib/detect/card-data.ts's lookup, passed in by the background).
 */
export function searchFacts(index: FactIndex, query: string, card: (id: string) => Card | null): SearchHit[] {
  const q = fold(query.replace(/^the\s+/i, ''));
  if (q.length === 0) return [];
  const scored: { r: number; name: string; hit: () => SearchHit }[] = [];
  for (const e of index.entities.values()) {
    const r = rank([e.name, e.id, ...e.aliases.map((a) => a.text)], q);
    if (r !== null) scored.push({ r, name: e.name, hit: () => entityHit(index, e, card) });
  }
  for (const ev of index.events.values()) {
    const r = rank([ev.title, ev.id], q);
    if (r !== null) scored.push({ r, name: ev.title, hit: () => eventHit(index, ev, card) });
  }
  // Facts found by their words lead to what they are about (once each, after name matches).
  const found = new Set(scored.map((s) => s.name));
  for (const f of index.facts.values()) {
    if (rank([f.statement], q) === null) continue;
    const e = index.entity(f.subject);
    const ev = e ? undefined : index.event(f.subject);
    const name = e?.name ?? ev?.title;
    if (!name || found.has(name)) continue;
    found.add(name);
    scored.push({ r: 5, name, hit: () => (e ? entityHit(index, e, card) : eventHit(index, ev!, card)) });
  }
  scored.sort((a, b) => a.r - b.r || a.name.localeCompare(b.name));
  return scored.slice(0, MAX_RESULTS).map((s) => s.hit());
}

function factsOf(index: FactIndex, id: string): SearchFact[] {
  return index
    .factsAbout(id)
    .slice(0, MAX_FACTS)
    .map((f) => ({ id: f.id, statement: f.statement, date: f.asOf, sources: sourceRefs(f.sources) }));
}

function entityHit(index: FactIndex, e: Entity, card: (id: string) => Card | null): SearchHit {
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    private: e.private === true,
    description: e.description,
    card: card(e.id),
    roles: (e.roles ?? []).map((r) => ({ title: r.title, from: r.from, to: r.to, sources: sourceRefs(r.sources) })),
    facts: factsOf(index, e.id),
  };
}

function eventHit(index: FactIndex, ev: Event, card: (id: string) => Card | null): SearchHit {
  const own = { id: ev.id, statement: ev.title, date: ev.startDate, sources: sourceRefs(ev.sources) };
  return {
    id: ev.id,
    name: ev.title,
    kind: ev.kind,
    private: false,
    description: [ev.startDate, ev.endDate].filter(Boolean).join(' to '),
    card: card(ev.id),
    roles: [],
    facts: [own, ...factsOf(index, ev.id)],
  };
}
