/**
 * Copies research events, facts and sources into pack records unchanged: every source (with its
 * `seen` flag and tier), confidence, conflict and note survives; sources are listed best first
 * (primary, press, copy, weak; research order within a tier); keys are written in a fixed order
 * so the built pack is byte-for-byte reproducible.
 */
import type { Conflict, Event, Fact, Source } from '../../lib/facts/schema.ts';
import { Event as EventSchema } from '../../lib/facts/schema.ts';
import { byTier } from '../../lib/sources/tiers.ts';
import type { ResearchConflict, ResearchFile, ResearchSource } from './research.ts';

/** A research source as a pack source. */
export function convertSource(s: ResearchSource): Source {
  return {
    url: s.url,
    publisher: s.publisher,
    published: s.published,
    ...(s.seen !== undefined ? { seen: s.seen } : {}),
    tier: s.tier,
  };
}

/** A research source list as pack sources, best first. */
export function convertSources(list: ResearchSource[]): Source[] {
  return byTier(list.map(convertSource));
}

function conflicts(list: ResearchConflict[] | undefined): { conflicts?: Conflict[] } {
  return list
    ? { conflicts: list.map((c) => ({ value: c.value, note: c.note, source: convertSource(c.source) })) }
    : {};
}

/** A research event as a pack event; `details` must fit the pack's Details type (throws if not). */
export function convertEvent(ev: ResearchFile['events'][number]): Event {
  return {
    id: ev.id,
    kind: ev.kind,
    title: ev.title,
    participants: ev.participants,
    startDate: ev.startDate,
    endDate: ev.endDate,
    nation: ev.nation,
    details: EventSchema.shape.details.parse(ev.details),
    sources: convertSources(ev.sources),
    confidence: ev.confidence,
    ...conflicts(ev.conflicts),
  };
}

/** A research fact as a pack fact; the statement is kept as given (already a paraphrase). */
export function convertFact(f: ResearchFile['facts'][number]): Fact {
  return {
    id: f.id,
    subject: f.subject,
    predicate: f.predicate,
    value: f.value,
    ...(f.unit !== undefined ? { unit: f.unit } : {}),
    asOf: f.asOf,
    statement: f.statement,
    sources: convertSources(f.sources),
    confidence: f.confidence,
    ...conflicts(f.conflicts),
    ...(f.note !== undefined ? { note: f.note } : {}),
  };
}
