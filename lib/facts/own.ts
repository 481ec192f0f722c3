/**
 * Own facts: the entities and facts a reader adds, kept as an ordinary pack (id `own`, origin
 * 'own', loaded last so it overrides nothing it does not mean to). Pure edits: each takes the
 * current pack and returns the next one, fully validated, or every problem with the form field it
 * belongs to. A fact must have a source URL (http or https) and a date; an entity can be marked
 * private (never highlighted in pages; lib/detect/gazetteer.ts skips it).
 *
 * Own facts may be about the other packs' entities and events: validation is told their ids.
 */
import { tierOfUrl } from '../sources/hosts.ts';
import { hostOf, type SourceTier } from '../sources/tiers.ts';
import { HttpUrl, PACK_FORMAT, PartialDate, type Entity, type EntityKind, type Fact, type Pack } from './schema.ts';
import { validatePack } from './packs.ts';

/** The own-facts pack's id. */
export const OWN_PACK_ID = 'own';

/** The entity form. */
export interface OwnEntityInput {
  /** Present when editing. */
  id?: string;
  name: string;
  kind: EntityKind;
  /** Other names it is mentioned by (the name itself is always one). */
  aliases: string[];
  description: string;
  /** An English Wikipedia URL, optional. */
  wikipedia?: string;
  /** Never highlighted in pages. */
  private: boolean;
}

/** The fact form. */
export interface OwnFactInput {
  /** Present when editing. */
  id?: string;
  /** The entity or event it is about. */
  subject: string;
  statement: string;
  /** When it was true or happened: YYYY-MM-DD, YYYY-MM or YYYY. Required. */
  date: string;
  /** Where it is published. Required, http or https. */
  sourceUrl: string;
  /** Defaults to the source's host name. */
  publisher?: string;
  /** When the source was published, when known. */
  sourceDate?: string;
  /**
   * How far the source can be trusted, as the reader judges it; when absent, the host table's tier
   * (lib/sources/hosts.ts), and `weak` for a host it does not know.
   */
  tier?: SourceTier;
  note?: string;
}

/** A problem with one form field (`field` is the input's key, or '' for the whole record). */
export type FieldError = { field: string; message: string };
/** The next own pack and the id of the record edited, or every problem by field. */
export type EditResult = { ok: true; pack: Pack; id: string } | { ok: false; errors: FieldError[] };

/** What an edit needs to know about the rest of the fact base. */
export interface EditContext {
  /** Today, YYYY-MM-DD (the pack's published date). */
  today: string;
  /** Ids defined by the other installed packs: id → entity kind, or 'event'. */
  external: ReadonlyMap<string, string>;
  /** The other packs' coverage, which the own pack adopts so it does not widen the whole base's. */
  coverage?: { from: string; to: string };
}

/** A new, empty own pack. */
export function emptyOwnPack(today: string): Pack {
  return {
    format: PACK_FORMAT,
    id: OWN_PACK_ID,
    name: 'Own facts',
    version: '1.0.0',
    published: today,
    license: 'Own notes (licence not stated)',
    coverage: { from: today.slice(0, 4), to: today.slice(0, 4) },
    description: 'Entities and facts added in the options page.',
    entities: [],
    events: [],
    facts: [],
  };
}

const KINDS: readonly EntityKind[] = ['person', 'organisation', 'staff-group', 'role', 'place'];

/** Adds or replaces an own entity. */
export function saveEntity(current: Pack | undefined, input: OwnEntityInput, ctx: EditContext): EditResult {
  const pack = current ?? emptyOwnPack(ctx.today);
  const errors: FieldError[] = [];
  const name = input.name.trim();
  if (!name) errors.push({ field: 'name', message: 'A name is required.' });
  if (!KINDS.includes(input.kind)) errors.push({ field: 'kind', message: 'Choose what kind of entity this is.' });
  const wikipedia = input.wikipedia?.trim();
  if (wikipedia && !HttpUrl.safeParse(wikipedia).success) {
    errors.push({ field: 'wikipedia', message: 'The Wikipedia link must be a web address (http or https).' });
  }
  const existing = input.id ? pack.entities.find((e) => e.id === input.id) : undefined;
  if (input.id && !existing) errors.push({ field: '', message: `There is no own entity '${input.id}'.` });
  if (errors.length > 0) return { ok: false, errors };
  const id = existing?.id ?? freshId(`own-${slug(name)}`, pack, ctx);
  const names = unique([name, ...input.aliases.map((a) => a.trim()).filter(Boolean)]);
  const entity: Entity = {
    id,
    kind: input.kind,
    name,
    // Only in texts about the disputes, like most of the bundled names: fewer false highlights.
    aliases: names.map((text) => ({ text, match: 'exact' as const, context: 'domain' as const })),
    description: input.description.trim(),
    sameAs: wikipedia ? [wikipedia] : [],
    anchor: false,
    ...(existing?.roles ? { roles: existing.roles } : {}),
    ...(input.private ? { private: true } : {}),
  };
  return finish({ ...pack, entities: replaceById(pack.entities, entity) }, id, ctx, 'entities');
}

/** Adds or replaces an own fact; a source URL and a date are required. */
export function saveFact(current: Pack | undefined, input: OwnFactInput, ctx: EditContext): EditResult {
  const pack = current ?? emptyOwnPack(ctx.today);
  const errors = factErrors(pack, input, ctx);
  const existing = input.id ? pack.facts.find((f) => f.id === input.id) : undefined;
  if (input.id && !existing) errors.push({ field: '', message: `There is no own fact '${input.id}'.` });
  if (errors.length > 0) return { ok: false, errors };
  const url = input.sourceUrl.trim();
  const statement = input.statement.trim();
  const id = existing?.id ?? freshId('own-fact', pack, ctx);
  const note = input.note?.trim();
  const fact: Fact = {
    id,
    subject: input.subject,
    predicate: 'note',
    value: statement,
    asOf: input.date.trim(),
    statement,
    sources: [
      {
        url,
        publisher: input.publisher?.trim() || hostOf(url),
        published: input.sourceDate?.trim() || null,
        tier: input.tier ?? tierOfUrl(url),
      },
    ],
    confidence: 'single-source',
    ...(note ? { note } : {}),
  };
  return finish({ ...pack, facts: replaceById(pack.facts, fact) }, id, ctx, 'facts');
}

function factErrors(pack: Pack, input: OwnFactInput, ctx: EditContext): FieldError[] {
  const errors: FieldError[] = [];
  const known =
    pack.entities.some((e) => e.id === input.subject) ||
    pack.events.some((e) => e.id === input.subject) ||
    ctx.external.has(input.subject);
  if (!input.subject) errors.push({ field: 'subject', message: 'Choose the entity or event this fact is about.' });
  else if (!known) errors.push({ field: 'subject', message: `There is no entity or event '${input.subject}'.` });
  if (!input.statement.trim()) errors.push({ field: 'statement', message: 'Write what the fact says.' });
  const date = input.date.trim();
  if (!date) errors.push({ field: 'date', message: 'A date is required: when was this true or when did it happen?' });
  else if (!PartialDate.safeParse(date).success)
    errors.push({ field: 'date', message: 'The date must be YYYY-MM-DD, YYYY-MM or YYYY.' });
  const url = input.sourceUrl.trim();
  if (!url) errors.push({ field: 'sourceUrl', message: 'A source URL is required: where can a reader check this?' });
  else if (!HttpUrl.safeParse(url).success)
    errors.push({ field: 'sourceUrl', message: 'The source URL must be a web address (http or https).' });
  const sourceDate = input.sourceDate?.trim();
  if (sourceDate && !PartialDate.safeParse(sourceDate).success) {
    errors.push({ field: 'sourceDate', message: 'The source date must be YYYY-MM-DD, YYYY-MM or YYYY.' });
  }
  return errors;
}

/** Removes an own entity; refused while own facts are about it. */
export function removeEntity(current: Pack | undefined, id: string, ctx: EditContext): EditResult {
  if (!current?.entities.some((e) => e.id === id))
    return { ok: false, errors: [{ field: '', message: `There is no own entity '${id}'.` }] };
  const about = current.facts.filter((f) => f.subject === id).length;
  if (about > 0) {
    return {
      ok: false,
      errors: [
        {
          field: '',
          message: `${about} of your facts ${about === 1 ? 'is' : 'are'} about this entity: remove ${about === 1 ? 'it' : 'them'} first.`,
        },
      ],
    };
  }
  return finish({ ...current, entities: current.entities.filter((e) => e.id !== id) }, id, ctx, 'entities');
}

/** Removes an own fact. */
export function removeFact(current: Pack | undefined, id: string, ctx: EditContext): EditResult {
  if (!current?.facts.some((f) => f.id === id))
    return { ok: false, errors: [{ field: '', message: `There is no own fact '${id}'.` }] };
  return finish({ ...current, facts: current.facts.filter((f) => f.id !== id) }, id, ctx, 'facts');
}

/** Bumps the version, dates and coverage, and validates the whole pack. */
function finish(pack: Pack, id: string, ctx: EditContext, list: 'entities' | 'facts'): EditResult {
  const next: Pack = {
    ...pack,
    version: nextVersion(pack.version),
    published: ctx.today,
    coverage: coverageOf(pack, ctx),
  };
  const result = validatePack(next, { external: ctx.external });
  if (result.ok) return { ok: true, pack: result.pack, id };
  const at = next[list].findIndex((r) => r.id === id);
  const prefix = `$.${list}[${at}].`;
  return {
    ok: false,
    errors: result.errors.map((e) => ({
      field: e.path.startsWith(prefix) ? e.path.slice(prefix.length).split(/[.[]/)[0]! : '',
      message: `${e.path}: ${e.message}`,
    })),
  };
}

function nextVersion(version: string): string {
  const [major = 1, minor = 0, patch = 0] = version.split('.').map(Number);
  return `${major}.${minor}.${patch + 1}`;
}

function coverageOf(pack: Pack, ctx: EditContext): { from: string; to: string } {
  if (ctx.coverage) return ctx.coverage;
  const dates = pack.facts
    .map((f) => f.asOf)
    .filter((d): d is string => !!d)
    .sort();
  const year = ctx.today.slice(0, 4);
  return { from: dates[0] ?? year, to: dates.at(-1) ?? year };
}

function replaceById<T extends { id: string }>(list: T[], record: T): T[] {
  const at = list.findIndex((r) => r.id === record.id);
  return at < 0 ? [...list, record] : list.map((r, i) => (i === at ? record : r));
}

/** `base`, or `base-2`, `base-3`… : an id no pack uses. */
function freshId(base: string, pack: Pack, ctx: EditContext): string {
  const taken = new Set([...pack.entities, ...pack.events, ...pack.facts].map((r) => r.id));
  const free = (id: string) => !taken.has(id) && !ctx.external.has(id);
  const numbered = base === 'own-fact';
  if (!numbered && free(base)) return base;
  for (let n = numbered ? 1 : 2; ; n++) if (free(`${base}-${n}`)) return `${base}-${n}`;
}

/** A kebab-case id fragment from a name (accents dropped). */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'entity';
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What edits need to know from the other installed packs (`packs` may include the own pack). */
export function editContext(packs: readonly Pack[], today: string): EditContext {
  const external = new Map<string, string>();
  const others = packs.filter((p) => p.id !== OWN_PACK_ID);
  for (const p of others) {
    for (const e of p.entities) external.set(e.id, e.kind);
    for (const e of p.events) external.set(e.id, 'event');
  }
  if (others.length === 0) return { today, external };
  const from = others.map((p) => p.coverage.from).sort()[0]!;
  const to = others
    .map((p) => p.coverage.to)
    .sort()
    .at(-1)!;
  return { today, external, coverage: { from, to } };
}
