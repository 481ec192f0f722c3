/**
 * Resolution: from raw gazetteer hits to entity mentions. Checks word boundaries and case,
 * keeps the longest of overlapping hits, applies each alias's context rule (topic, coreference),
 * and resolves role descriptions to the holder on the article's date, in the right nation.
 */
import type { FactIndex } from '../facts/index.ts';
import type { Entity } from '../facts/schema.ts';
import type { Gazetteer, Entry } from './gazetteer.ts';
import { HONORIFICS } from './gazetteer.ts';
import { scan } from './match.ts';
import { atWordBoundaries, surface } from './text.ts';
import { NATIONAL_VARIANTS, appliesTo, sentenceNation, type Nation } from './nations.ts';
import { sentences, spanAt, type Span } from './sentences.ts';
import { findTitles } from './titles.ts';
import { Occupancy } from './occupancy.ts';
import { heldAsOfNote, titleOn } from './held.ts';
import type { Mention } from './mention.ts';
import { SCORE } from './scores.ts';

interface Candidate {
  start: number;
  end: number;
  entries: Entry[];
}

export interface ResolveInput {
  text: string;
  date: string;
  nation: Nation;
  index: FactIndex;
  gazetteer: Gazetteer;
}

/** Finds and resolves every entity and event-noun mention in the text, in text order. */
export function resolveMentions(input: ResolveInput): Mention[] {
  const { text, index } = input;
  const candidates = longestFirst(candidatesOf(input), text.length);
  const sents = sentences(text);
  const onTopic = isOnTopic(candidates, index, input.date);
  if (!onTopic) return [];
  const named = new Set<string>();
  for (const c of candidates)
    for (const e of c.entries) if (e.context !== 'coreference' && !e.descriptor && e.entityId) named.add(e.entityId);
  const out: Mention[] = [];
  for (const c of candidates) {
    const m = resolveCandidate(c, input, named, sents);
    if (m) out.push(m);
  }
  linkAdjacentRoles(out, input);
  const kept = out.filter((m) => m.score > 0);
  return [...kept, ...findTitles(text, kept, index, input.date)].sort((a, b) => a.start - b.start);
}

function candidatesOf({ text, gazetteer, index }: ResolveInput): Candidate[] {
  const out: Candidate[] = [];
  for (const hit of scan(gazetteer.automaton, text)) {
    if (!atWordBoundaries(text, hit.start, hit.end)) continue;
    const entries = gazetteer.entries[hit.pattern]!.filter(
      (e) => caseMatches(text, hit.start, hit.end, e) && theOk(text, hit.start, e),
    );
    const c = { start: hit.start, end: hit.end, entries };
    if (entries.length && !isOtherTrade(text, c, index)) out.push(c);
  }
  return out;
}

/** Keeps the longest of overlapping candidates (earlier first on ties), returned in text order. */
function longestFirst(cands: Candidate[], length: number): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const occupied = new Occupancy(length);
  return sorted.filter((c) => occupied.claim(c.start, c.end)).sort((a, b) => a.start - b.start);
}

const acronyms = new WeakMap<Entry, boolean>();

/** "BMA", "NHSEngland"-like forms (no lower case, or a capital inside a word) must match exactly. */
function isAcronym(e: Entry): boolean {
  let acronym = acronyms.get(e);
  if (acronym === undefined) {
    acronym = !/\p{Ll}/u.test(e.text) || /\p{Ll}\p{Lu}/u.test(e.text);
    acronyms.set(e, acronym);
  }
  return acronym;
}

/**
 * Case rules: ignore-case aliases match any case; acronyms ("BMA", "SoR") match exactly; other
 * proper names need their first letter's case ("Unite" but not "unite"; "Scottish government" is fine).
 */
export function caseMatches(text: string, start: number, end: number, e: Entry): boolean {
  if (e.match === 'ignore-case') return true;
  const s = surface(text, start, end);
  if (s === e.text) return true;
  if (isAcronym(e)) return false;
  const first = e.text[0]!;
  if (first === first.toLowerCase()) return true;
  return s[0] === first;
}

function theOk(text: string, start: number, e: Entry): boolean {
  return !e.requiresThe || /\bthe\s+$/i.test(text.slice(Math.max(0, start - 5), start));
}

/**
 * A text is about the disputes when it names an anchor entity by an unambiguous alias, or an
 * ambiguous anchor organisation ("BMA", "GMB", "Unite") together with an NHS staff group or a
 * health role. A strike noun counts only beside a body that is about health by its full name
 * (the BMA, the RCN): unions whose every name needs context also organise outside the NHS, and
 * their bin, warehouse or council strikes are strikes too. A person anchors only while the roles
 * they hold on the article's date are with bodies that anchor: a Treasury minister who later
 * became Health Secretary does not make a Treasury story about the NHS.
 */
function isOnTopic(cands: Candidate[], index: FactIndex, date: string): boolean {
  let ambiguousOrg = false;
  let healthOrg = false;
  let health = false;
  let event = false;
  for (const c of cands)
    for (const e of c.entries) {
      if (e.origin === 'event') {
        event = true;
        continue;
      }
      const entity = index.entity(e.entityId);
      if (!entity?.anchor) continue;
      if (e.context === 'none' && !e.descriptor && (entity.kind !== 'person' || anchorsOn(index, entity, date)))
        return true;
      if (entity.kind === 'organisation' && e.context === 'domain') {
        ambiguousOrg = true;
        if (entity.aliases.some((a) => a.context === 'none')) healthOrg = true;
      }
      if (entity.kind === 'staff-group' || (entity.kind === 'role' && e.descriptor)) health = true;
    }
  return (ambiguousOrg && health) || (healthOrg && event);
}

/** Whether a person's roles on `date` (none known: yes) are with bodies that anchor a text. */
function anchorsOn(index: FactIndex, person: Entity, date: string): boolean {
  const held = index.rolesOn(person.id, date);
  return held.length === 0 || held.some((r) => !r.organisation || index.entity(r.organisation)?.anchor !== false);
}

function resolveCandidate(c: Candidate, input: ResolveInput, named: Set<string>, sents: Span[]): Mention | null {
  const { text } = input;
  const event = c.entries.find((e) => e.origin === 'event');
  if (event) return { start: c.start, end: c.end, entityId: '', entry: event, score: SCORE.eventCandidate };
  const usable = c.entries.filter((e) => contextOk(e, c, text, named));
  if (usable.length === 0) return null;
  if (isNhsStaffPhrase(text, c)) return null;
  const nation = nationOfSentence(input, sents, spanAt(sents, c.start)) ?? input.nation;
  const resolved = usable.map((e) => resolveEntry(e, input, nation)).filter((r): r is Resolved => r !== null);
  const ids = new Set(resolved.map((r) => r.entityId));
  if (ids.size !== 1) {
    const preferred = resolved.filter((r) => named.has(r.entityId));
    if (new Set(preferred.map((r) => r.entityId)).size !== 1) return null;
    return { start: c.start, end: c.end, ...preferred[0]! };
  }
  return { start: c.start, end: c.end, ...resolved[0]! };
}

type Resolved = Omit<Mention, 'start' | 'end'>;

const sentenceNations = new WeakMap<Span[], Map<number, Nation | null>>();

/** The nation a sentence names, computed once per sentence. */
function nationOfSentence(input: ResolveInput, sents: Span[], i: number): Nation | null {
  if (i < 0) return null;
  let cache = sentenceNations.get(sents);
  if (!cache) sentenceNations.set(sents, (cache = new Map()));
  if (!cache.has(i)) cache.set(i, sentenceNation(input.text.slice(sents[i]!.start, sents[i]!.end)));
  return cache.get(i)!;
}

function resolveEntry(e: Entry, input: ResolveInput, nation: Nation): Resolved | null {
  const entity = input.index.entity(e.entityId);
  if (!entity) return null;
  const score = e.context === 'none' ? SCORE.exactName : e.context === 'domain' ? SCORE.domainName : SCORE.coreference;
  if (entity.kind === 'role') return resolveRole(entity, e, input, nation);
  if (e.descriptor && entity.kind === 'person') {
    const held = input.index.rolesOn(entity.id, input.date);
    // Not theirs on this date: kept (at score 0) only if a name stands beside it.
    if (held.length === 0) return { entityId: entity.id, entry: e, score: SCORE.keptOnlyWithName };
    const title = titleOn(input.index, held[0]!, held[0]!.title, input.date);
    return { entityId: entity.id, roleTitle: title, roleId: held[0]!.role, entry: e, score: SCORE.title };
  }
  const variant = NATIONAL_VARIANTS[entity.id]?.[nation];
  if (variant && input.index.entity(variant)) return { entityId: variant, entry: e, score };
  if (entity.nation && !appliesTo(entity.nation, nation) && e.context !== 'none') return null;
  return { entityId: entity.id, entry: e, score };
}

/** "the Health Secretary" → whoever held the role on the article's date in that nation. */
function resolveRole(role: Entity, e: Entry, input: ResolveInput, nation: Nation): Resolved | null {
  const holders = input.index
    .holdersOn(role.id, input.date)
    .filter((h) => appliesTo(h.role.nation ?? role.nation ?? 'England', nation));
  const base = { roleId: role.id, roleTitle: role.name, entry: e };
  if (holders.length === 1) {
    const h = holders[0]!;
    // Past the coverage an open-ended holding is the last known holder: resolved, but says so.
    const note = heldAsOfNote(input.index, h.role, input.date);
    if (note)
      return {
        entityId: h.person.id,
        ...base,
        roleTitle: `${role.name} (${note})`,
        score: SCORE.roleHolderPastCoverage,
      };
    return { entityId: h.person.id, ...base, score: h.attestedOnly ? SCORE.attestedRoleHolder : SCORE.roleHolder };
  }
  // Unknown holder, or England's role named in a devolved story: kept only if a name stands beside it.
  if (nation !== 'England' || holders.length > 1) return { entityId: role.id, ...base, score: SCORE.keptOnlyWithName };
  return { entityId: role.id, ...base, score: SCORE.roleOnly };
}

function contextOk(e: Entry, c: Candidate, text: string, named: Set<string>): boolean {
  if (e.context !== 'coreference') return true;
  if (!named.has(e.entityId)) return false;
  // "Shruti Sheth Trivedi": a capitalised word before a bare surname makes it someone else's name.
  if (e.origin === 'surname' || (e.origin === 'pack' && !/\s/.test(e.text))) {
    const before = text.slice(Math.max(0, c.start - 30), c.start);
    const prev = before.match(/([\p{L}'’-]+)(\.?)\s+$/u);
    const sentenceStart =
      /(^|[.!?:;"“”(]\s*)$/.test(before) || (prev && prev[2] === '.' && !HONORIFICS.includes(prev[1]!));
    if (prev && !sentenceStart && /^\p{Lu}/u.test(prev[1]!) && !HONORIFICS.includes(prev[1]!) && !isTitleWord(prev[1]!))
      return false;
    if (/^\s+\p{Lu}\p{Ll}+/u.test(text.slice(c.end, c.end + 20))) return false;
  }
  return true;
}

function isTitleWord(w: string): boolean {
  return /^(Secretary|Minister|Chancellor|Chair|Chairman|Chairwoman|Leader|Officer|Executive|Director|President|Professor|General)$/.test(
    w,
  );
}

/** "business consultants", "management consultants": not the NHS staff group. */
const OTHER_TRADES =
  /\b(business|management|financial|finance|IT|tax|PR|marketing|engineering|property|legal|strategy|recruitment|software|security|technology|private|independent|beauty|fashion|travel|sales)\s+$/i;

function isOtherTrade(text: string, c: Candidate, index: FactIndex): boolean {
  return (
    c.entries.every((e) => index.entity(e.entityId)?.kind === 'staff-group') &&
    OTHER_TRADES.test(text.slice(Math.max(0, c.start - 20), c.start))
  );
}

/** "NHS staff", "NHS workers": a staff-group phrase, not the organisation. */
function isNhsStaffPhrase(text: string, c: Candidate): boolean {
  return (
    c.entries.some((e) => e.text === 'NHS') &&
    /^\s+(staff|workers?|workforce|employees|employers)\b/i.test(text.slice(c.end, c.end + 20))
  );
}

/**
 * "Health Secretary Steve Barclay", "Steve Barclay, the Health Secretary": the role description
 * names the person beside it, whoever the fact base says held it.
 */
function linkAdjacentRoles(mentions: Mention[], input: ResolveInput): void {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (!m.entry.descriptor) continue;
    const next = mentions[i + 1];
    const prev = mentions[i - 1];
    let person: Mention | undefined;
    if (next && isPerson(next, input) && /^[\s,]*$/.test(input.text.slice(m.end, next.start))) person = next;
    else if (prev && isPerson(prev, input) && /^,\s*(the\s+)?$/i.test(input.text.slice(prev.end, m.start)))
      person = prev;
    if (!person) continue;
    const held = input.index.rolesOn(person.entityId, input.date)[0];
    // "Welsh health secretary Jeremy Miles": a person who never held the role entity the words
    // matched (England's Health Secretary) has their own office named, not England's.
    const roles = input.index.entity(person.entityId)?.roles ?? [];
    const own = held ?? roles[0];
    if (m.roleId && own && !roles.some((r) => r.role === m.roleId)) {
      m.roleId = own.role;
      m.roleTitle = own.title;
    }
    const title = m.roleId
      ? (input.index.entity(m.roleId)?.name ?? held?.title)
      : (held?.title ?? m.roleTitle ?? own?.title);
    if (!title) continue;
    m.entityId = person.entityId;
    m.roleTitle = held ? titleOn(input.index, held, title, input.date) : title;
    m.score = Math.max(m.score, SCORE.titleWithName);
  }
}

function isPerson(m: Mention, input: ResolveInput): boolean {
  return !m.entry.descriptor && input.index.entity(m.entityId)?.kind === 'person';
}
