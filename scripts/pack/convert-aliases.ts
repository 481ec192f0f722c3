/**
 * The alias rules of the research → pack conversion, as pure functions of the tables in
 * `convert.ts` (passed in as `AliasRules`). See convert.ts for what each rule is for.
 */
import type { Alias, Entity } from '../../lib/facts/schema.ts';
import type { ResearchEntity } from './research.ts';

export type AliasOverride = Partial<Pick<Alias, 'match' | 'context' | 'descriptor'>>;

/** The tables the rules read. */
export interface AliasRules {
  /** Per-alias exceptions, keyed by alias text. */
  overrides: Readonly<Record<string, AliasOverride>>;
  /** Entities whose mention does not anchor a text to the disputes. */
  notAnchors: ReadonlySet<string>;
  /** Extra aliases per entity id. */
  supplements: Readonly<Record<string, string[]>>;
  /** Research aliases that name something else, per entity id (dropped). */
  removals: Readonly<Record<string, string[]>>;
}

const HONORIFIC_SHORT = /^(Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady)\.? \S+$/;
/** One token of letters starting with a capital and holding at least two (BMA, SoR, NHSE). */
const ACRONYM = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]*$/;
const BRACKET_LABEL = /^(.*\S)\s*\(([^()]*)\)$/;

/** Comparison key for descriptors: case-insensitive, without a leading "the ". */
export function descriptorKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '');
}

/** True when the alias, ignoring a leading "the ", starts with a lower-case letter (a description). */
function startsLowercase(text: string): boolean {
  return /^[a-z]/.test(text.replace(/^the /, ''));
}

/** match/context/descriptor for one alias, by the general rules, then the override table. */
export function aliasFlags(
  text: string,
  entity: { id: string; kind: Entity['kind'] },
  descriptor: boolean,
  rules: AliasRules,
): Pick<Alias, 'match' | 'context' | 'descriptor'> {
  const o = rules.overrides[text] ?? {};
  const isDescriptor = o.descriptor ?? (descriptor || entity.kind === 'role');
  const match =
    o.match ??
    (ACRONYM.test(text)
      ? 'exact' // acronyms keep their case even as descriptors: "PM" is not "pm"
      : isDescriptor || entity.kind === 'staff-group' || entity.kind === 'role' || startsLowercase(text)
        ? 'ignore-case'
        : 'exact');
  return {
    match,
    context: o.context ?? contextRule(text, entity, isDescriptor, rules),
    ...(isDescriptor ? { descriptor: true } : {}),
  };
}

function contextRule(
  text: string,
  entity: { id: string; kind: Entity['kind'] },
  descriptor: boolean,
  rules: AliasRules,
): Alias['context'] {
  if (entity.kind === 'person' && /^\S+$/.test(text)) return 'coreference'; // a bare surname
  if (descriptor || entity.kind === 'staff-group' || rules.notAnchors.has(entity.id)) return 'domain';
  if (HONORIFIC_SHORT.test(text)) return 'domain'; // "Mr Barclay" could be anyone called Barclay
  if (ACRONYM.test(text) && text.length <= 3) return 'domain'; // BMA, GMB, CC: short and ambiguous
  // "the doctors' union": a description that names the body only once the text has named it.
  if (startsLowercase(text)) return entity.kind === 'organisation' && /^the\s/.test(text) ? 'coreference' : 'domain';
  return 'none';
}

/** Splits a research alias "Royal College of Nurses (misnomer)" into its text and label. */
export function splitLabel(alias: string): { text: string; label?: string } {
  const m = BRACKET_LABEL.exec(alias);
  return m ? { text: m[1]!, label: m[2]! } : { text: alias };
}

export type Draft = { text: string; descriptor: boolean; note?: string };

/** The entity's candidate aliases: its name, research aliases (labels removed, removals dropped), supplements. */
export function draftAliases(e: ResearchEntity, rules: AliasRules): Draft[] {
  const drafts: Draft[] = [{ text: e.name, descriptor: false }];
  const removed = new Set(rules.removals[e.id] ?? []);
  for (const raw of e.aliases) {
    const { text, label } = splitLabel(raw);
    if (removed.has(text)) continue;
    const misnomer = label !== undefined && /misnomer|erroneous/i.test(label);
    drafts.push({
      text,
      descriptor: false,
      ...(misnomer ? { note: `A misnomer used by some outlets; the correct name is ${e.name}.` } : {}),
    });
  }
  for (const text of rules.supplements[e.id] ?? []) drafts.push({ text, descriptor: false });
  return drafts;
}

/** Builds Alias records, dropping duplicates (case-insensitively for ignore-case aliases). */
export function finishAliases(
  e: ResearchEntity,
  drafts: Draft[],
  periods: Map<string, NonNullable<Alias['current']>>,
  rules: AliasRules,
): Alias[] {
  const out: Alias[] = [];
  const seen = new Set<string>();
  for (const d of drafts) {
    const flags = aliasFlags(d.text, e, d.descriptor, rules);
    const key = flags.match === 'ignore-case' ? d.text.toLowerCase() : d.text;
    if (seen.has(key)) continue;
    seen.add(key);
    const current = periods.get(d.text.toLowerCase());
    out.push({ text: d.text, ...flags, ...(current ? { current } : {}), ...(d.note ? { note: d.note } : {}) });
  }
  return out;
}

/**
 * Marks person descriptors and removes those equal (case-insensitively, ignoring a leading "the ")
 * to a role entity's name or alias: "the Health Secretary" must resolve by date through the role
 * entity, not match every past holder. Equality means the role entity already has the alias.
 */
export function moveDescriptors(
  entities: readonly ResearchEntity[],
  drafts: Map<string, Draft[]>,
  rules: AliasRules,
): void {
  const roleKeys = new Map<string, string>(); // descriptorKey → role entity id
  for (const e of entities.filter((x) => x.kind === 'role')) {
    for (const d of drafts.get(e.id) ?? []) roleKeys.set(descriptorKey(d.text), e.id);
  }
  for (const e of entities.filter((x) => x.kind === 'person')) {
    const kept: Draft[] = [];
    for (const d of drafts.get(e.id) ?? []) {
      const roleId = roleKeys.get(descriptorKey(d.text));
      const isDescriptor = rules.overrides[d.text]?.descriptor === true || roleId !== undefined;
      if (roleId === undefined) kept.push({ ...d, descriptor: isDescriptor });
    }
    drafts.set(e.id, kept);
  }
}
