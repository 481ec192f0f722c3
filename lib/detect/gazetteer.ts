/**
 * Builds the matcher for a FactIndex: every alias of every entity, forms derived from people's
 * names (surname, honorific + surname) and staff groups (singular), and the event nouns.
 * Built once per FactIndex and cached.
 */
import type { FactIndex } from '../facts/index.ts';
import type { Entity } from '../facts/schema.ts';
import { compile, type Automaton } from './match.ts';
import { foldString } from './text.ts';
import { EVENT_NOUNS } from './event-nouns.ts';

export type Context = 'none' | 'domain' | 'coreference';

export interface Entry {
  /** Entity id, or '' for an event noun. */
  entityId: string;
  /** The alias as written in the pack, without a leading "the ". */
  text: string;
  match: 'exact' | 'ignore-case';
  context: Context;
  descriptor: boolean;
  /** The alias began with "the": the article must write the article too ("the Commons"). */
  requiresThe: boolean;
  /** How the form was obtained: from the pack, or derived here. */
  origin: 'pack' | 'surname' | 'honorific' | 'singular' | 'event';
}

export interface Gazetteer {
  automaton: Automaton;
  /** Entries per pattern index. */
  entries: Entry[][];
}

export const HONORIFICS = ['Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Prof', 'Professor', 'Sir', 'Dame', 'Lord', 'Baroness'];

const cache = new WeakMap<FactIndex, Gazetteer>();

/** The gazetteer for an index (cached per index). */
export function gazetteerFor(index: FactIndex): Gazetteer {
  let g = cache.get(index);
  if (!g) {
    g = buildGazetteer(index);
    cache.set(index, g);
  }
  return g;
}

function buildGazetteer(index: FactIndex): Gazetteer {
  const byPattern = new Map<string, Entry[]>();
  const add = (pattern: string, entry: Entry) => {
    const key = foldString(pattern);
    if (!key) return;
    const list = byPattern.get(key);
    if (!list) byPattern.set(key, [entry]);
    else if (
      !list.some((e) => e.entityId === entry.entityId && e.text === entry.text && e.requiresThe === entry.requiresThe)
    )
      list.push(entry);
  };
  for (const entity of index.entities.values()) {
    if (entity.kind === 'place' || entity.private) continue;
    for (const alias of entity.aliases) {
      const the = /^the\s+/i.test(alias.text);
      const text = the ? alias.text.replace(/^the\s+/i, '') : alias.text;
      const entry: Entry = {
        entityId: entity.id,
        text,
        match: alias.match,
        context: alias.context,
        descriptor: alias.descriptor === true || entity.kind === 'role',
        requiresThe: the && !isDescriptorLike(entity, alias.descriptor),
        origin: 'pack',
      };
      if (isParentPrefixed(index, entity, text)) continue;
      add(text, entry);
      // "junior doctors' committee": the possessive is often written.
      if (/s committee$/i.test(text)) add(text.replace(/s committee$/i, "s' committee"), entry);
      if (entity.kind === 'staff-group')
        for (const s of singulars(text)) add(s, { ...entry, text: s, origin: 'singular' });
    }
    if (entity.kind === 'person')
      for (const [form, origin] of nameForms(entity)) {
        add(form, {
          entityId: entity.id,
          text: form,
          match: 'exact',
          context: 'coreference',
          descriptor: false,
          requiresThe: false,
          origin,
        });
      }
  }
  for (const noun of EVENT_NOUNS) {
    add(noun, {
      entityId: '',
      text: noun,
      match: 'ignore-case',
      context: 'domain',
      descriptor: false,
      requiresThe: false,
      origin: 'event',
    });
  }
  const patterns = [...byPattern.keys()];
  return { automaton: compile(patterns), entries: patterns.map((p) => byPattern.get(p)!) };
}

/**
 * "BMA junior doctors committee" is annotated as "BMA" and "junior doctors committee", as the
 * press and the corpus treat it: skip a parent-prefixed alias whose remainder is also an alias.
 */
function isParentPrefixed(index: FactIndex, entity: Entity, text: string): boolean {
  const parent = entity.parent ? index.entity(entity.parent) : undefined;
  if (!parent) return false;
  const prefixes = [parent.name, ...parent.aliases.map((a) => a.text)];
  const lower = entity.aliases.map((a) => a.text.toLowerCase());
  return prefixes.some((p) => text.startsWith(`${p} `) && lower.includes(text.slice(p.length + 1).toLowerCase()));
}

/** "the Health Secretary" may be written without "the" ("Health Secretary Steve Barclay"). */
function isDescriptorLike(entity: Entity, descriptor: boolean | undefined): boolean {
  return descriptor === true || entity.kind === 'role';
}

/** Surname and honorific + surname for a person ("Barclay", "Mr Barclay", "Dr Laurenson"). */
function nameForms(person: Entity): [string, 'surname' | 'honorific'][] {
  const names = [
    person.name,
    ...person.aliases.filter((a) => !a.descriptor && a.context === 'none').map((a) => a.text),
  ];
  const out: [string, 'surname' | 'honorific'][] = [];
  for (const name of names) {
    const tokens = name.split(/\s+/).filter((t) => !HONORIFICS.includes(t.replace(/\.$/, '')));
    if (tokens.length < 2) continue;
    const surname = tokens.at(-1)!;
    if (!/^\p{Lu}/u.test(surname)) continue;
    out.push([surname, 'surname']);
    for (const h of HONORIFICS) out.push([`${h} ${surname}`, 'honorific']);
  }
  return out;
}

/** "junior doctors" → "junior doctor"; "midwives" → "midwife"; "nursing staff" stays as is. */
function singulars(text: string): string[] {
  if (/ives$/i.test(text)) return [text.replace(/ives$/i, 'ife')];
  if (/(staff|workforce|people)$/i.test(text)) return [];
  if (/[^s]s$/i.test(text)) return [text.slice(0, -1)];
  return [];
}
