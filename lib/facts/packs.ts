/**
 * Pack validation, parsing, summaries and diffs (pure; no browser API). Import is all-or-nothing,
 * so validation reports every problem at once, each named by its JSON path ("$.facts[3].sources").
 */
import { isFormatV1, PackV1, upgradeV1 } from './format-v1.ts';
import { Pack, PartialDate } from './schema.ts';

/** One problem in a pack, located by a JSON path such as `$.entities[3].roles[0].from`. */
export type PackError = { path: string; message: string };
export type PackResult = { ok: true; pack: Pack } | { ok: false; errors: PackError[] };

/** At most this many errors are listed; one more entry says how many were left out. */
export const MAX_ERRORS = 100;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Formats a path of keys and indices as a JSON path: `['a', 0, 'b']` → `$.a[0].b`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][\w$]*$/.test(p)) out += `.${p}`;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

/**
 * `external`: ids another installed pack defines (id → entity kind, or 'event'), which this pack may
 * refer to; the own-facts pack says things about the bundled pack's entities.
 */
export type ValidateOptions = { external?: ReadonlyMap<string, string> };

/**
 * Checks a pack against the schema and its internal references (duplicate ids across entities and
 * events, and among facts; unknown ids in participants, subjects, organisations, roles, parents;
 * periods that end before they start). Returns the parsed pack, or every error (capped). A pack in
 * format 1 is checked as format 1 (errors name its own paths) and returned upgraded to format 2.
 */
export function validatePack(input: unknown, opts: ValidateOptions = {}): PackResult {
  const v1 = isFormatV1(input);
  const parsed = v1 ? PackV1.safeParse(input) : Pack.safeParse(input);
  const errors: PackError[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message }));
  errors.push(...referenceErrors(input, opts.external));
  if (parsed.success && errors.length === 0) {
    const data = parsed.data;
    return { ok: true, pack: data.format === 1 ? upgradeV1(data) : data };
  }
  return { ok: false, errors: capErrors(errors) };
}

function capErrors(errors: PackError[]): PackError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  const more = errors.length - MAX_ERRORS;
  return [...errors.slice(0, MAX_ERRORS), { path: '$', message: `…and ${more} more error${more === 1 ? '' : 's'}` }];
}

/** Reference checks on the raw input, tolerant of a wrong shape (the schema reports that). */
function referenceErrors(input: unknown, external?: ReadonlyMap<string, string>): PackError[] {
  const root = isObj(input) ? input : {};
  const errors: PackError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  const kinds = new Map<string, unknown>(); // entity id → kind
  const events = new Set<string>();
  for (const [id, kind] of external ?? []) {
    if (kind === 'event') events.add(id);
    else kinds.set(id, kind);
  }
  const firstAt = new Map<string, string>(); // entity/event id → path of its first use
  const claim = (id: string, path: string) => {
    const first = firstAt.get(id);
    if (first) err(path, `duplicate id '${id}' (first at ${first})`);
    else firstAt.set(id, path);
  };
  arr(root.entities).forEach((e, i) => {
    const id = isObj(e) ? str(e.id) : undefined;
    if (id === undefined || !isObj(e)) return;
    const first = !firstAt.has(id);
    claim(id, `$.entities[${i}].id`);
    if (first) kinds.set(id, e.kind);
  });
  arr(root.events).forEach((e, i) => {
    const id = isObj(e) ? str(e.id) : undefined;
    if (id === undefined) return;
    claim(id, `$.events[${i}].id`);
    events.add(id);
  });
  entityRefErrors(arr(root.entities), kinds, err);
  eventRefErrors(arr(root.events), kinds, err);
  factRefErrors(arr(root.facts), kinds, events, err);
  return errors;
}

type Err = (path: string, message: string) => void;

function entityRefErrors(entities: unknown[], kinds: Map<string, unknown>, err: Err): void {
  entities.forEach((e, i) => {
    if (!isObj(e)) return;
    const parent = str(e.parent);
    if (parent !== undefined && !kinds.has(parent)) err(`$.entities[${i}].parent`, `unknown entity id '${parent}'`);
    arr(e.roles).forEach((r, j) => {
      if (!isObj(r)) return;
      const at = `$.entities[${i}].roles[${j}]`;
      const org = str(r.organisation);
      if (org !== undefined && !kinds.has(org)) err(`${at}.organisation`, `unknown entity id '${org}'`);
      const role = str(r.role);
      if (role !== undefined && kinds.get(role) !== 'role') {
        err(`${at}.role`, kinds.has(role) ? `entity '${role}' is not a role` : `unknown role id '${role}'`);
      }
      periodError(r.from, r.to, `${at}.to`, err);
    });
    arr(e.aliases).forEach((a, j) => {
      if (isObj(a) && isObj(a.current))
        periodError(a.current.from, a.current.to, `$.entities[${i}].aliases[${j}].current.to`, err);
    });
  });
}

function eventRefErrors(events: unknown[], kinds: Map<string, unknown>, err: Err): void {
  events.forEach((ev, i) => {
    if (!isObj(ev)) return;
    arr(ev.participants).forEach((p, j) => {
      if (typeof p === 'string' && !kinds.has(p)) err(`$.events[${i}].participants[${j}]`, `unknown entity id '${p}'`);
    });
    periodError(ev.startDate, ev.endDate, `$.events[${i}].endDate`, err);
  });
}

function factRefErrors(facts: unknown[], kinds: Map<string, unknown>, events: Set<string>, err: Err): void {
  const firstAt = new Map<string, string>();
  facts.forEach((f, i) => {
    if (!isObj(f)) return;
    const id = str(f.id);
    if (id !== undefined) {
      const first = firstAt.get(id);
      if (first) err(`$.facts[${i}].id`, `duplicate fact id '${id}' (first at ${first})`);
      else firstAt.set(id, `$.facts[${i}].id`);
    }
    const subject = str(f.subject);
    if (subject !== undefined && !kinds.has(subject) && !events.has(subject)) {
      err(`$.facts[${i}].subject`, `unknown entity or event id '${subject}'`);
    }
  });
}

/** Reports an end before a start, comparing dates at their common precision ("2025" vs "2025-03"). */
function periodError(from: unknown, to: unknown, path: string, err: Err): void {
  // Malformed dates are the schema's to report.
  if (!PartialDate.safeParse(from).success || !PartialDate.safeParse(to).success) return;
  if (typeof from !== 'string' || typeof to !== 'string') return;
  const n = Math.min(from.length, to.length);
  if (from.slice(0, n) > to.slice(0, n)) err(path, `ends (${to}) before it starts (${from})`);
}

/** Parses pack JSON text (a leading BOM is ignored) and validates it; bad JSON gives line and column. */
export function parsePackText(text: string): PackResult {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(clean);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const at = lineColumn(clean, errorOffset(clean, message));
    return {
      ok: false,
      errors: [{ path: '$', message: `Invalid JSON at line ${at.line}, column ${at.column}: ${message}` }],
    };
  }
  return validatePack(data);
}

const positionIn = (message: string): number | undefined => {
  const m = /at position (\d+)/.exec(message);
  return m ? Number(m[1]) : undefined;
};

/** True when parsing `prefix` fails for a reason other than running out of text. */
function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    const pos = positionIn(message);
    return !(/end of JSON input/.test(message) || (pos !== undefined && pos >= prefix.length));
  }
}

/**
 * Offset of a JSON syntax error. V8 names it in most messages; when it does not ("Unexpected token
 * 'x', … is not valid JSON") the shortest failing prefix is found by bisection (error path only).
 */
function errorOffset(text: string, message: string): number {
  const pos = positionIn(message);
  if (pos !== undefined) return pos;
  if (!failsBeforeEnd(text)) return text.length;
  let lo = 0;
  let hi = text.length; // invariant: text[0, hi) fails before its end, text[0, lo) does not
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (failsBeforeEnd(text.slice(0, mid))) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Counts in a pack, for the options page and `validate-pack`. */
export type PackSummary = {
  id: string;
  name: string;
  version: string;
  entities: number;
  events: number;
  facts: number;
  aliases: number;
  roles: number;
  /** Distinct source URLs cited anywhere (records, roles, conflicts). */
  sources: number;
  entityKinds: Record<string, number>;
  eventKinds: Record<string, number>;
};

/** Summarises a pack: record counts, alias and role counts, distinct sources, counts by kind. */
export function packSummary(pack: Pack): PackSummary {
  const urls = new Set<string>();
  const addAll = (r: { sources: { url: string }[]; conflicts?: { source: { url: string } }[] }) => {
    r.sources.forEach((s) => urls.add(s.url));
    r.conflicts?.forEach((c) => urls.add(c.source.url));
  };
  pack.entities.forEach((e) => e.roles?.forEach((r) => r.sources.forEach((s) => urls.add(s.url))));
  pack.events.forEach(addAll);
  pack.facts.forEach(addAll);
  return {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    entities: pack.entities.length,
    events: pack.events.length,
    facts: pack.facts.length,
    aliases: pack.entities.reduce((n, e) => n + e.aliases.length, 0),
    roles: pack.entities.reduce((n, e) => n + (e.roles?.length ?? 0), 0),
    sources: urls.size,
    entityKinds: countBy(pack.entities.map((e) => e.kind)),
    eventKinds: countBy(pack.events.map((e) => e.kind)),
  };
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of [...values].sort()) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** Ids added, changed (any field differs) and removed, each sorted. */
export type IdDiff = { added: string[]; changed: string[]; removed: string[] };
export type PackDiff = { entities: IdDiff; events: IdDiff; facts: IdDiff };

/** What changed between two versions of a pack, by record id. */
export function diffPacks(before: Pack, after: Pack): PackDiff {
  return {
    entities: diffRecords(before.entities, after.entities),
    events: diffRecords(before.events, after.events),
    facts: diffRecords(before.facts, after.facts),
  };
}

function diffRecords(before: { id: string }[], after: { id: string }[]): IdDiff {
  const old = new Map(before.map((r) => [r.id, canonical(r)]));
  const now = new Map(after.map((r) => [r.id, canonical(r)]));
  const sorted = (ids: Iterable<string>) => [...ids].sort();
  return {
    added: sorted([...now.keys()].filter((id) => !old.has(id))),
    changed: sorted([...now.keys()].filter((id) => old.has(id) && old.get(id) !== now.get(id))),
    removed: sorted([...old.keys()].filter((id) => !now.has(id))),
  };
}

/** JSON with object keys sorted, so key order does not count as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    isObj(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

/** Ids kept per list in a change summary (the counts are always complete). */
const CHANGE_IDS = 50;

/** Ids added, changed and removed (at most CHANGE_IDS each) with the full counts. */
export type ChangeList = {
  added: string[];
  changed: string[];
  removed: string[];
  counts: { added: number; changed: number; removed: number };
};
/** What an update changed, by record type. */
export type Changes = { entities: ChangeList; events: ChangeList; facts: ChangeList };

/** Caps a diff's id lists for storage and display. */
export function summariseDiff(diff: PackDiff, cap = CHANGE_IDS): Changes {
  const list = (d: PackDiff['facts']): ChangeList => ({
    added: d.added.slice(0, cap),
    changed: d.changed.slice(0, cap),
    removed: d.removed.slice(0, cap),
    counts: { added: d.added.length, changed: d.changed.length, removed: d.removed.length },
  });
  return { entities: list(diff.entities), events: list(diff.events), facts: list(diff.facts) };
}

/** Alias texts (compared case-insensitively) found on more than one entity: candidates for review. */
export function sharedAliases(pack: Pack): { text: string; entities: string[] }[] {
  const byText = new Map<string, { text: string; entities: Set<string> }>();
  for (const e of pack.entities) {
    for (const a of e.aliases) {
      const key = a.text.toLowerCase();
      const slot = byText.get(key) ?? { text: a.text, entities: new Set<string>() };
      slot.entities.add(e.id);
      byText.set(key, slot);
    }
  }
  return [...byText.values()]
    .filter((s) => s.entities.size > 1)
    .map((s) => ({ text: s.text, entities: [...s.entities] }))
    .sort((a, b) => a.text.localeCompare(b.text));
}
