/**
 * Turns the research fact base (see `research.ts`) into a pack (`schema.ts`). Pure and
 * deterministic: no I/O, output order follows the input, keys are written in a fixed order.
 * Nothing is invented: every source, confidence, conflict, note and statement is carried over.
 * The tables below only add matching metadata (how an alias is matched, whether it needs context)
 * and links the research states in words (role instances, parents, nations). Tune them here.
 */
import { PACK_FORMAT, type Alias, type Entity, type Pack, type PackMeta, type Role } from '../../lib/facts/schema.ts';
import {
  aliasFlags as ruleFlags,
  draftAliases,
  finishAliases,
  moveDescriptors,
  type AliasOverride,
  type AliasRules,
} from './convert-aliases.ts';
import { convertEvent, convertFact, convertSources } from './convert-records.ts';
import { ResearchFile, type ResearchEntity, type ResearchRole } from './research.ts';

/**
 * THE per-alias override table: exceptions to the general rules in `aliasFlags`, keyed by the alias
 * text as written (after a bracketed label is removed), applied on every entity that has it.
 */
export const ALIAS_OVERRIDES: Readonly<Record<string, AliasOverride>> = {
  // Acronyms of three letters or fewer default to 'domain'; these two are unmistakable.
  RCN: { context: 'none' },
  NHS: { context: 'none' },
  // Ordinary words, or ambiguous when capitalised, on entities that are anchors.
  Unite: { context: 'domain' }, // the verb at the start of a sentence
  Unison: { context: 'domain' }, // "in unison"
  // Unions that also organise outside the NHS (councils, bins, warehouses, the civil service): even
  // their full names need an NHS staff group or a health role beside them.
  'Unite the Union': { context: 'domain' },
  UNISON: { context: 'domain' },
  'GMB union': { context: 'domain' },
  'GMB Scotland': { context: 'domain' },
  NIPSA: { context: 'domain' },
  Nipsa: { context: 'domain' },
  'Northern Ireland Public Service Alliance': { context: 'domain' },
  // Northern Ireland's health service by its plain name: also a common phrase elsewhere ("health and
  // social care partnerships" in Scotland); only in a text about the disputes, and only in NI.
  'Health and Social Care': { context: 'domain' },
  'Staff Council': { context: 'domain' }, // any organisation's staff council
  'Department of Health': { context: 'domain' }, // also NI's department, and other countries'
  // Generic descriptions: they name the body only after the text has named it.
  'pay review body': { context: 'coreference' },
  'conciliation service': { context: 'coreference' },
  'No 10': { match: 'exact' }, // a descriptor (so ignore-case by default), but "no 10" is ordinary text
  // Very common full names: many other people in the news share them.
  'Chris Smith': { context: 'domain' },
  'Dr Chris Smith': { context: 'domain' },
  'Gary Smith': { context: 'domain' },
  // Person aliases that describe a position, not a name. Those equal to a role entity's alias are
  // moved to the role entity (resolution by date goes through it); the rest stay on the person.
  'the Health Secretary': { descriptor: true },
  'Health and Social Care Secretary': { descriptor: true },
  'the Prime Minister': { descriptor: true },
  'the PM': { descriptor: true },
  'health minister': { descriptor: true },
  'Minister of State for Health': { descriptor: true },
  'Minister for Health and Secondary Care': { descriptor: true },
  'care minister': { descriptor: true },
  'Welsh health minister': { descriptor: true },
  'Labour leader': { descriptor: true },
  'Tory leader': { descriptor: true },
  'Leader of the Opposition': { descriptor: true },
  'the Chancellor': { descriptor: true },
  'BMA chair of council': { descriptor: true },
  'RCN general secretary': { descriptor: true },
  'the shadow health secretary': { descriptor: true },
  // Wales's title, and Scotland's too: names the holder only beside a name or on a dated role.
  'Cabinet Secretary for Health and Social Care': { descriptor: true },
};

/** Entities whose mention does not show that a text is about the disputes (all others do). */
export const NOT_ANCHORS: ReadonlySet<string> = new Set([
  // places
  ...['england', 'scotland', 'wales', 'northern-ireland', 'united-kingdom'],
  // political parties
  ...['labour-party', 'conservative-party', 'plaid-cymru'],
  // government, parliament, courts and conciliation in general
  ...['uk-government', 'house-of-commons', 'high-court', 'prime-ministers-office', 'role-prime-minister'],
  ...['scottish-government', 'welsh-government', 'acas', 'ictu'],
  // politicians whose roles are not health roles
  ...['rishi-sunak', 'keir-starmer', 'rachel-reeves', 'kemi-badenoch', 'chris-heaton-harris'],
  ...['vaughan-gething', 'thomas-linden', 'andy-burnham'],
  // leaders of whole unions that also lead disputes outside the NHS (Unite's bin strikes)
  ...['sharon-graham', 'christina-mcanea', 'andrea-egan', 'gary-smith-gmb'],
]);

/** Research aliases that name something else: dropped from the entity (never matched). */
export const ALIAS_REMOVALS: Readonly<Record<string, string[]>> = {
  'scottish-government': ['Holyrood'], // the Scottish Parliament, which the fact base does not hold
};

/** Parent organisations (BMA committees and national branches). */
export const PARENTS: Readonly<Record<string, string>> = {
  'bma-resident-doctors-committee': 'bma',
  'bma-consultants-committee': 'bma',
  'bma-scotland': 'bma',
  'bma-cymru-wales': 'bma',
};

/** Nation-specific entities; each follows from the entity's name or research description. */
export const ENTITY_NATIONS: Readonly<Record<string, string>> = {
  'scottish-government': 'Scotland',
  'nhs-scotland': 'Scotland',
  'bma-scotland': 'Scotland',
  'welsh-government': 'Wales',
  'nhs-wales': 'Wales',
  'bma-cymru-wales': 'Wales',
  'ni-department-of-health': 'Northern Ireland',
  'hsc-northern-ireland': 'Northern Ireland',
  'nhs-england': 'England',
  'nhs-in-england': 'England',
  dhsc: 'England', // "responsible for NHS pay in England"
  'bma-resident-doctors-committee': 'England', // named "(England)"
  'role-health-secretary': 'England', // "Cabinet minister for health in England"
  'role-minister-of-state-health': 'England', // a DHSC minister
  'role-nhse-chief-executive': 'England', // head of NHS England
};

/** Which research role titles are instances of a role entity (checked against the data). */
const ROLE_INSTANCES: ReadonlyArray<{ role: string; test: (r: ResearchRole) => boolean }> = [
  {
    role: 'role-health-secretary',
    test: (r) => r.title === 'Secretary of State for Health and Social Care' && r.organisation === 'dhsc',
  },
  { role: 'role-prime-minister', test: (r) => r.title === 'Prime Minister of the United Kingdom' },
  {
    role: 'role-minister-of-state-health',
    test: (r) => r.title.startsWith('Minister of State for Health') && r.organisation === 'dhsc',
  },
  {
    role: 'role-shadow-health-secretary',
    test: (r) => r.title === 'Shadow Secretary of State for Health and Social Care',
  },
  { role: 'role-bma-council-chair', test: (r) => r.title === 'Chair of BMA Council' && r.organisation === 'bma' },
  {
    role: 'role-rcn-general-secretary',
    test: (r) => r.title === 'General Secretary and Chief Executive' && r.organisation === 'rcn',
  },
  // Includes "Chief Executive (transition)": James Mackey is described as NHS England's chief executive.
  {
    role: 'role-nhse-chief-executive',
    test: (r) => /^Chief Executive\b/.test(r.title) && r.organisation === 'nhs-england',
  },
];

/** Terms that changed name; the date comes from the named research fact (its `asOf`). */
const RENAMES: ReadonlyArray<{ factId: string; entity: string; old: string[]; new: string[]; where: string }> = [
  {
    factId: 'rename-resident-doctors',
    entity: 'resident-doctors',
    old: ['junior doctors', 'junior medics'],
    new: ['resident doctors'],
    where: 'England',
  },
];

/** Ordinary spelling variants the research lacks (no facts, no new entities). */
export const ALIAS_SUPPLEMENTS: Readonly<Record<string, string[]>> = {
  'uk-government': ['UK government'], // lower-case "government" is the usual press style
  'scottish-government': ['Scottish government'], // likewise
  'welsh-government': ['Welsh government'], // likewise
  'labour-party': ['Labour party'], // lower-case "party" is common
  'conservative-party': ['Conservative party', 'Conservative', 'Tory'], // likewise; and the adjective ('a Conservative MP', 'Tory ministers')
};

/** What the converter takes besides the research: the pack's metadata; `coverage` is the research's own. */
export type ConvertMeta = Omit<PackMeta, 'coverage'>;

/** The bundled pack's metadata (ours to set; README, "Pack format"). */
export const PACK_META: ConvertMeta = {
  format: PACK_FORMAT,
  id: 'nhs-industrial-action',
  name: 'NHS industrial action, UK 2022–2026',
  version: '2.0.0',
  published: '2026-12-04',
  license: 'CC BY 4.0',
  description:
    'People, organisations, events and dated, sourced facts about industrial action in the NHS across England, ' +
    'Scotland, Wales and Northern Ireland, October 2022 to June 2026. Compiled from the public sources cited on each record.',
};

const RULES: AliasRules = {
  overrides: ALIAS_OVERRIDES,
  notAnchors: NOT_ANCHORS,
  supplements: ALIAS_SUPPLEMENTS,
  removals: ALIAS_REMOVALS,
};

/** match/context/descriptor for one alias under this file's tables (see `convert-aliases.ts`). */
export function aliasFlags(
  text: string,
  entity: { id: string; kind: Entity['kind'] },
  descriptor: boolean,
): Pick<Alias, 'match' | 'context' | 'descriptor'> {
  return ruleFlags(text, entity, descriptor, RULES);
}

/** Alias periods from RENAMES, keyed by lower-cased alias text, for one entity. */
function renamePeriods(research: ResearchFile, entityId: string): Map<string, NonNullable<Alias['current']>> {
  const periods = new Map<string, NonNullable<Alias['current']>>();
  for (const r of RENAMES.filter((x) => x.entity === entityId)) {
    const date = research.facts.find((f) => f.id === r.factId)?.asOf;
    if (!date) throw new Error(`rename fact ${r.factId} is missing or has no asOf date`);
    for (const t of r.old) periods.set(t, { from: null, to: date, where: r.where });
    for (const t of r.new) periods.set(t, { from: date, to: null, where: r.where });
  }
  return periods;
}

/** The nation a role is tied to: stated in its title, else its organisation's nation. */
function roleNation(r: ResearchRole): string | undefined {
  if (/\b(Scotland|Scottish)\b/.test(r.title)) return 'Scotland';
  if (/\b(Wales|Welsh)\b/.test(r.title)) return 'Wales';
  if (/\bNorthern Ireland\b/.test(r.title)) return 'Northern Ireland';
  if (/\(England\)/.test(r.title)) return 'England';
  return r.organisation ? ENTITY_NATIONS[r.organisation] : undefined;
}

function role(r: ResearchRole, roleIds: ReadonlySet<string>): Role {
  const instance = ROLE_INSTANCES.find((m) => roleIds.has(m.role) && m.test(r))?.role;
  const nation = roleNation(r);
  return {
    title: r.title,
    ...(instance ? { role: instance } : {}),
    organisation: r.organisation,
    from: r.from,
    to: r.to,
    ...(r.attested ? { attested: r.attested } : {}),
    ...(nation ? { nation } : {}),
    ...(r.note !== undefined ? { note: r.note } : {}),
    sources: convertSources(r.sources),
  };
}

function entity(e: ResearchEntity, aliases: Alias[], roleIds: ReadonlySet<string>): Entity {
  const parent = PARENTS[e.id];
  const nation = ENTITY_NATIONS[e.id];
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases,
    description: e.description,
    sameAs: e.wikipedia ? [e.wikipedia] : [],
    ...(e.roles ? { roles: e.roles.map((r) => role(r, roleIds)) } : {}),
    ...(parent ? { parent } : {}),
    ...(nation ? { nation } : {}),
    anchor: !NOT_ANCHORS.has(e.id),
  };
}

/**
 * Converts the research file into a pack with the given metadata. Throws (with the zod issue
 * paths) when the research file does not have the documented shape. The result still needs
 * `validatePack` for formats (dates, URLs) and references.
 */
export function convertResearch(raw: unknown, meta: ConvertMeta): Pack {
  const research = ResearchFile.parse(raw);
  const roleIds = new Set(research.entities.filter((e) => e.kind === 'role').map((e) => e.id));
  const drafts = new Map(research.entities.map((e) => [e.id, draftAliases(e, RULES)] as const));
  moveDescriptors(research.entities, drafts, RULES);
  const entities = research.entities.map((e) =>
    entity(e, finishAliases(e, drafts.get(e.id) ?? [], renamePeriods(research, e.id), RULES), roleIds),
  );
  return {
    format: meta.format,
    id: meta.id,
    name: meta.name,
    version: meta.version,
    published: meta.published,
    license: meta.license,
    coverage: { from: research.coverage.from, to: research.coverage.to },
    ...(meta.description !== undefined ? { description: meta.description } : {}),
    entities,
    events: research.events.map(convertEvent),
    facts: research.facts.map(convertFact),
  };
}
