/**
 * FactIndex: the in-memory view of every loaded pack that the pipeline asks questions of.
 * Pure (no browser API): built in the background from the store, and in the CLI from the file.
 */
import type { Alias, Entity, Event, Fact, Pack, Role } from './schema.ts';
import { dayNumber, endExclusiveOf, startOf } from '../util/dates.ts';

/** One surface form of one entity, as the gazetteer sees it. */
export interface AliasEntry {
  text: string;
  entityId: string;
  alias: Alias;
}

export interface Holding {
  person: Entity;
  role: Role;
  /** True when the role is known only by an attested window rather than from/to dates. */
  attestedOnly: boolean;
}

/**
 * Whether a role was held on `date`: `from` inclusive, `to` exclusive; a role known only by an
 * attested window counts as held within that window (inclusive of both ends).
 */
export function roleHeldOn(role: Role, date: string): boolean {
  const d = dayNumber(date);
  if (role.from === null && role.to === null) {
    if (!role.attested) return false;
    const first = role.attested[0]!;
    const last = role.attested[1] ?? first;
    return dayNumber(startOf(first)) <= d && d < dayNumber(endExclusiveOf(last));
  }
  if (role.from !== null && d < dayNumber(startOf(role.from))) return false;
  if (role.to !== null && d >= dayNumber(startOf(role.to))) return false;
  // An open start with a known end: held before `to` only if attested (or no other evidence).
  if (role.from === null && role.attested) {
    return dayNumber(startOf(role.attested[0]!)) <= d;
  }
  return true;
}

/** Partial dates compare by their first day; null sorts first. */
function effectiveDay(d: string | null | undefined): number {
  return d ? dayNumber(startOf(d)) : Number.NEGATIVE_INFINITY;
}

export class FactIndex {
  readonly entities = new Map<string, Entity>();
  readonly events = new Map<string, Event>();
  readonly facts = new Map<string, Fact>();
  readonly packs: Pick<Pack, 'id' | 'name' | 'version' | 'coverage' | 'published'>[] = [];
  private readonly bySubject = new Map<string, Fact[]>();
  private readonly eventsByParticipant = new Map<string, Event[]>();
  private readonly holdersByRole = new Map<string, { person: Entity; role: Role }[]>();
  private aliasList: AliasEntry[] = [];
  private readonly relatedCache = new Map<string, Set<string>>();
  private readonly byKind = new Map<string, Event[]>();
  private balloting: Set<string> | null = null;

  /** Builds the index; later packs override earlier records with the same id (own facts last). */
  static fromPacks(packs: readonly Pack[]): FactIndex {
    const index = new FactIndex();
    for (const pack of packs) index.add(pack);
    index.finish();
    return index;
  }

  /** "nhs-industrial-action@1.0.0" for one pack; joined with "+" for several. */
  get packVersion(): string {
    return this.packs.map((p) => `${p.id}@${p.version}`).join('+');
  }

  /** The union of the packs' coverage periods (partial dates). */
  get coverage(): { from: string; to: string } | null {
    if (this.packs.length === 0) return null;
    const from = this.packs.map((p) => p.coverage.from).sort()[0]!;
    const to = this.packs
      .map((p) => p.coverage.to)
      .sort()
      .at(-1)!;
    return { from, to };
  }

  /** Whether `date` falls inside the coverage of the loaded packs. */
  covers(date: string): boolean {
    const c = this.coverage;
    if (!c) return false;
    const d = dayNumber(date);
    return dayNumber(startOf(c.from)) <= d && d < dayNumber(endExclusiveOf(c.to));
  }

  private add(pack: Pack): void {
    this.packs.push({
      id: pack.id,
      name: pack.name,
      version: pack.version,
      coverage: pack.coverage,
      published: pack.published,
    });
    for (const e of pack.entities) this.entities.set(e.id, e);
    for (const e of pack.events) this.events.set(e.id, e);
    for (const f of pack.facts) this.facts.set(f.id, f);
  }

  private finish(): void {
    for (const f of this.facts.values()) push(this.bySubject, f.subject, f);
    for (const e of this.events.values()) for (const p of e.participants) push(this.eventsByParticipant, p, e);
    const aliases: AliasEntry[] = [];
    for (const entity of this.entities.values()) {
      for (const alias of entity.aliases) aliases.push({ text: alias.text, entityId: entity.id, alias });
      for (const role of entity.roles ?? [])
        if (role.role) push(this.holdersByRole, role.role, { person: entity, role });
    }
    this.aliasList = aliases;
  }

  /** Every alias of every entity (private entities included; callers decide what to show). */
  aliases(): readonly AliasEntry[] {
    return this.aliasList;
  }

  entity(id: string): Entity | undefined {
    return this.entities.get(id);
  }

  event(id: string): Event | undefined {
    return this.events.get(id);
  }

  /** Who held role entity `roleId` on `date` (usually one person; none when the pack does not know). */
  holdersOn(roleId: string, date: string): Holding[] {
    const out: Holding[] = [];
    for (const h of this.holdersByRole.get(roleId) ?? []) {
      if (roleHeldOn(h.role, date)) out.push({ ...h, attestedOnly: h.role.from === null && h.role.to === null });
    }
    return out;
  }

  /** The roles a person held on `date`. */
  rolesOn(personId: string, date: string): Role[] {
    return (this.entities.get(personId)?.roles ?? []).filter((r) => roleHeldOn(r, date));
  }

  /** Every event an entity took part in, oldest first. */
  eventsOf(entityId: string): Event[] {
    return [...(this.eventsByParticipant.get(entityId) ?? [])].sort(
      (a, b) => effectiveDay(a.startDate) - effectiveDay(b.startDate),
    );
  }

  /**
   * An entity with the bodies that act for it: its sub-bodies (a union's committees) and, for a
   * staff group, the committees named after it ("consultants" → the BMA consultants committee).
   */
  related(id: string): Set<string> {
    const cached = this.relatedCache.get(id);
    if (cached) return cached;
    const out = new Set([id]);
    this.relatedCache.set(id, out);
    const e = this.entities.get(id);
    if (!e) return out;
    const names = [e.name, ...e.aliases.map((a) => a.text)].map((n) => n.toLowerCase()).filter((n) => n.length > 4);
    for (const other of this.entities.values()) {
      if (other.parent === id) out.add(other.id);
      const committee = other.kind === 'organisation' && other.parent !== undefined;
      if (e.kind === 'staff-group' && committee && names.some((n) => other.name.toLowerCase().includes(n)))
        out.add(other.id);
    }
    return out;
  }

  /** Every event of one kind (cached). */
  eventsOfKind(kind: Event['kind']): readonly Event[] {
    let list = this.byKind.get(kind);
    if (!list) this.byKind.set(kind, (list = [...this.events.values()].filter((e) => e.kind === kind)));
    return list;
  }

  /** Staff groups, and the bodies that ballot them (unions, BMA committees): who strikes and who meets. */
  isWorkforce(id: string): boolean {
    const e = this.entities.get(id);
    if (!e) return false;
    if (e.kind === 'staff-group') return true;
    this.balloting ??= new Set(this.eventsOfKind('ballot').flatMap((ev) => ev.participants));
    return e.kind === 'organisation' && this.balloting.has(id);
  }

  /** All facts whose subject is `id`. */
  factsAbout(id: string): Fact[] {
    return this.bySubject.get(id) ?? [];
  }

  /**
   * The facts about an entity or event that describe the world on `date`: what had happened by
   * then, established from any source ("as of" the article's date). A fact about an event counts once the
   * event has begun; a running total counts from its `asOf` date; undated facts always count.
   */
  factsOn(id: string, date: string): Fact[] {
    const d = dayNumber(date);
    return this.factsAbout(id).filter((f) => this.factDay(f) <= d);
  }

  /** The day from which a fact describes the world (see factsOn). */
  factDay(f: Fact): number {
    const event = this.events.get(f.subject);
    if (f.predicate.startsWith('cumulative-') || !event) return effectiveDay(f.asOf);
    return effectiveDay(event.startDate ?? f.asOf);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
