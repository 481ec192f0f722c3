/**
 * Titles beside names, by office and nation: "GMB national secretary Rachel Harrison", "Dr X, chair
 * of the BMA's Scottish junior doctors committee", "First Minister Humza Yousaf". The title is
 * compared with the person's own role records: the office words must match ("co-chair", "general
 * secretary", "chief executive"…), a Scottish, Welsh or Northern Irish title only matches that
 * nation's post, and the article's date must fall inside the record's term or attested window.
 * A title the records do not settle is `no-data`, never `differs` (roles.ts says `differs` where
 * the pipeline pinned a UK office and another person held it).
 */
import type { Annotation, ClaimCheck } from '../protocol/annotations.ts';
import type { Role } from '../facts/schema.ts';
import { roleHeldOn } from '../facts/index.ts';
import { formatDate } from '../util/dates.ts';
import type { ClaimContext, ClaimFinder, FoundClaim } from './context.ts';
import { refs, sentenceIndexAt, TITLE_OF_BODY } from './context.ts';
import { period } from './roles.ts';

/** Office words, longest first. */
const OFFICES = [
  'first minister',
  'prime minister',
  'chief executive',
  'general secretary',
  'national secretary',
  'national officer',
  'co-chair',
  'vice-chair',
  'deputy chair',
  'chair',
  'secretary',
  'minister',
  'director',
  'president',
  'leader',
  'convener',
  'spokesperson',
  'head',
] as const;
const OFFICE_RE = new RegExp(`\\b(?:${OFFICES.join('|').replace(/-/g, '[- ]')})(?:s|man|woman)?\\b`, 'i');
const NATIONS: [RegExp, string][] = [
  [/\bScot(?:tish|land)\b/i, 'Scotland'],
  [/\bWel(?:sh)\b|\bWales\b/i, 'Wales'],
  [/\bNorthern Ireland\b|\bNI\b/i, 'Northern Ireland'],
];
/** A title that describes someone no longer (or not yet) in post. */
const NOT_NOW = /\b(?:former|ex-?|then-?|previous|one-time|future|incoming|outgoing|new|acting|interim|shadow)\s*$/i;
const NAME = /(?:(?:Dr|Professor|Prof|Sir|Dame|Mr|Mrs|Ms)\.?\s+)?[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2}/;

export const findTitles: ClaimFinder = (ctx) => {
  const out: FoundClaim[] = [];
  const people = ctx.annotations.filter(
    (a) => a.kind === 'entity' && a.entity && ctx.index.entity(a.entity.id)?.kind === 'person',
  );
  const titles = people.filter((a) => OFFICE_RE.test(a.exact));
  const names = people.filter((a) => !OFFICE_RE.test(a.exact));
  for (const t of titles) {
    // Roles the pipeline pinned to a UK office this person has records of: roles.ts checks those.
    const entity = ctx.index.entity(t.entity!.id)!;
    if (t.role?.id && (entity.roles ?? []).some((r) => r.role === t.role!.id)) continue;
    const n = nameBeside(ctx, t, names);
    if (!n) continue;
    const start = Math.min(t.start, n.start);
    const end = Math.max(t.end, n.end);
    const phraseStart = titleStart(ctx, t.start);
    const phrase = ctx.text.slice(phraseStart, t.end);
    if (NOT_NOW.test(ctx.text.slice(Math.max(0, phraseStart - 12), phraseStart) + phrase.split(OFFICE_RE)[0])) continue;
    const from = Math.min(start, phraseStart);
    out.push({ start: from, end, check: checkTitle(ctx, ctx.text.slice(from, end), phrase, n) });
  }
  out.push(...unknownPeople(ctx, people));
  return out;
};

/** The name of the same person written next to the title ("Title Name", "Name, the title"). */
function nameBeside(ctx: ClaimContext, t: Annotation, names: Annotation[]): Annotation | undefined {
  return names.find((n) => {
    if (n.entity!.id !== t.entity!.id) return false;
    const between = n.start >= t.end ? ctx.text.slice(t.end, n.start) : ctx.text.slice(n.end, t.start);
    if (n.start >= t.end)
      return (
        /^[\s,]*$/.test(between) ||
        /^(?:,\s*|\s+)(?:Dr|Professor)?\s*$/.test(between) ||
        // "Co-chairs of the BMA's junior doctors' committee, Dr A"
        TITLE_OF_BODY.test(between)
      );
    // "Name, the chair of …", "Name and Name, co-chairs of …"
    return /^,\s*(?:the\s+|a\s+)?(?:[\w’'.-]+\s+){0,6}?$/i.test(between) || /^\s+and\s+.{0,40},\s*$/.test(between);
  });
}

/** Where the title phrase begins: back over capitalised or title words ("BMA junior doctors committee co-chairs"). */
function titleStart(ctx: ClaimContext, start: number): number {
  const before = ctx.text.slice(Math.max(0, start - 80), start);
  const m =
    /(?:(?:[A-Z][\w’'&-]*|BMA’s|BMA's|junior|resident|doctors’?|doctor|consultants’?|committee|health|social|care|national|general|senior|deputy|and|of|the|for)\s+)+$/.exec(
      before,
    );
  if (!m) return start;
  let s = start - (before.length - m.index);
  // Never start inside a sentence's verb phrase: keep only from the first capitalised word.
  const lead = /^(?:(?:and|of|the|for)\s+)+/i.exec(ctx.text.slice(s, start));
  if (lead) s += lead[0].length;
  return s;
}

function offices(title: string): string[] {
  const t = title
    .toLowerCase()
    .replace(/co[- ]chairs?/g, 'co-chair')
    .replace(/[’']s\b/g, '');
  const found: string[] = [];
  let rest = t;
  for (const o of OFFICES) {
    const re = new RegExp(`\\b${o.replace(/-/g, '[- ]')}(?:s|man|woman)?\\b`);
    if (re.test(rest)) {
      found.push(o);
      rest = rest.replace(re, ' ');
    }
  }
  return found;
}

function nationOf(text: string): string | null {
  for (const [re, n] of NATIONS) if (re.test(text)) return n;
  return null;
}

/** Whether a role record is the office the title names (office words, then nation). */
function sameOffice(written: string, r: Role): boolean {
  const want = offices(written);
  const have = offices(r.title);
  if (want.length === 0) return false;
  const ok = want.some((o) => have.includes(o) || (o === 'secretary' && have.some((h) => h.endsWith('secretary'))));
  if (!ok) return false;
  const nation = nationOf(written);
  const rn = r.nation ?? nationOf(r.title);
  return !nation || !rn || rn.includes(nation);
}

function checkTitle(ctx: ClaimContext, claim: string, phrase: string, person: Annotation): ClaimCheck {
  const entity = ctx.index.entity(person.entity!.id)!;
  const records = (entity.roles ?? []).filter((r) => sameOffice(phrase, r));
  const base = { claim, kind: 'role' as const, factIds: [entity.id] };
  const held = records.find((r) => roleHeldOn(r, ctx.date));
  if (held)
    return {
      ...base,
      verdict: 'consistent',
      expected: held.title,
      explanation: `The fact base has ${entity.name} as ${held.title} ${period(held)}, which includes this article's date.`,
      sources: refs(held.sources),
    };
  return {
    ...base,
    verdict: 'no-data',
    expected: records[0]?.title ?? 'not in the fact base',
    explanation: records.length
      ? `The fact base has ${entity.name} as ${records[0]!.title} ${period(records[0]!)}; it cannot say whether that held on ${formatDate(ctx.date)}.`
      : `The fact base has no record of ${entity.name} holding that office.`,
    sources: refs(records.flatMap((r) => r.sources)),
  };
}

/** "Jane Doe, director of a union": a titled person the fact base does not know is no-data. */
function unknownPeople(ctx: ClaimContext, people: Annotation[]): FoundClaim[] {
  const out: FoundClaim[] = [];
  const re = new RegExp(`(${NAME.source}),\\s+(?:the\\s+)?([^,.;:]{0,60}?)(?=[,.;:]|\\s+(?:said|says|told)\\b)`, 'g');
  for (const m of ctx.text.matchAll(re)) {
    const title = m[2]!;
    if (
      !OFFICE_RE.test(title) ||
      !/^(?:[A-Z]|(?:the\s+)?\w+[’']s\s|co-|chair|director|head|general|chief|national)/i.test(title)
    )
      continue;
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].length;
    if (people.some((p) => p.start < end && start < p.end)) continue;
    const i = sentenceIndexAt(ctx, start);
    if (i < 0 || !ctx.relevant(i)) continue;
    const claim = ctx.text.slice(start, end);
    out.push({
      start,
      end,
      check: {
        claim,
        kind: 'role',
        verdict: 'no-data',
        expected: 'not in the fact base',
        explanation: `The fact base has no record of ${m[1]}, so it cannot check this title.`,
        factIds: [],
        sources: [],
      },
    });
  }
  return out;
}
