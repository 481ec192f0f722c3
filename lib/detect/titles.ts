/**
 * Job titles written beside a known person ("co-chairs Dr Robert Laurenson", "Pat Cullen, general
 * secretary of the RCN"): annotated as that person's role when the fact base gives them a role of
 * that kind. Role descriptions in the pack ("the Health Secretary") are handled by resolution.
 */
import type { FactIndex } from '../facts/index.ts';
import type { Role } from '../facts/schema.ts';
import type { Entry } from './gazetteer.ts';
import type { Mention } from './mention.ts';
import { Occupancy } from './occupancy.ts';
import { titleOn } from './held.ts';
import { SCORE } from './scores.ts';

const TITLE =
  '(?:(?:co-)?chair(?:s|man|woman)?|chief executive|(?:national |general |deputy general )?secretary(?: and chief executive)?|(?:executive )?director(?: of [a-z ]{3,40}?(?= |,|$))?|president|first minister|(?:cabinet )?(?:health )?secretary|(?:health )?minister(?: for [A-Za-z ]{3,60}?(?=,|\\.|;|:| said| says| told| has| have| is| was|$))?|leader|head of [a-z ]{3,30}?(?= |,|$))';
// "co-chairs of the BMA's junior doctors' committee, Dr A": the body the title is of belongs to it.
const BEFORE = new RegExp(
  `\\b(${TITLE})(?:\\s+of\\s+(?:the\\s+)?[\\p{L}'’ ]{2,60}?)?,?\\s+(?:(?:Dr|Professor)\\.?\\s+)?$`,
  'iu',
);
const AFTER = new RegExp(`^,\\s+(?:the\\s+)?(?:[\\p{L}'’]+\\s+){0,3}?(${TITLE})\\b`, 'iu');

/** The head word a title and a role must share ("chair", "secretary", "director", "minister"…). */
function head(title: string): string | null {
  const m = title
    .toLowerCase()
    .match(/chair|chief executive|secretary|director|president|first minister|minister|leader|head/);
  return m ? m[0] : null;
}

function roleWithHead(roles: readonly Role[], h: string): Role | undefined {
  return roles.find((r) => r.title.toLowerCase().includes(h));
}

const TITLE_ENTRY: Entry = {
  entityId: '',
  text: '',
  match: 'ignore-case',
  context: 'domain',
  descriptor: true,
  requiresThe: false,
  origin: 'pack',
};

/** Finds titles beside person mentions; returns new role mentions that overlap nothing already found. */
export function findTitles(text: string, mentions: readonly Mention[], index: FactIndex, date: string): Mention[] {
  const out: Mention[] = [];
  const occupied = new Occupancy(text.length);
  for (const m of mentions) occupied.take(m.start, m.end);
  const taken = (s: number, e: number) => occupied.overlaps(s, e);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const person = index.entity(m.entityId);
    if (!person || person.kind !== 'person' || m.entry.descriptor) continue;
    const roles = index.rolesOn(person.id, date).length ? index.rolesOn(person.id, date) : (person.roles ?? []);
    const before = text.slice(Math.max(0, m.start - 80), m.start).match(BEFORE);
    // "co-chairs Dr A and Dr B": the title before the first name also belongs to the second.
    const prevPerson = mentions[i - 1];
    const sharedBefore =
      prevPerson && /^\s+and\s+$/.test(text.slice(prevPerson.end, m.start))
        ? out.find((o) => o.end <= prevPerson.start && prevPerson.start - o.end < 3)
        : undefined;
    if (before && !sharedBefore) {
      const start = m.start - before[0].length;
      const end = start + before[1]!.length;
      const role = roleWithHead(roles, head(before[1]!) ?? '\u0000');
      if (role && !taken(start, end)) {
        out.push(titleMention(start, end, person.id, role, titleOn(index, role, role.title, date)));
        occupied.take(start, end);
      }
    }
    const after = text.slice(m.end, m.end + 100).match(AFTER);
    if (after) {
      const end = m.end + after[0].length;
      const start = end - after[1]!.length;
      const role = roleWithHead(roles, head(after[1]!) ?? '\u0000');
      if (role && !taken(start, end)) {
        out.push(titleMention(start, end, person.id, role, titleOn(index, role, role.title, date)));
        occupied.take(start, end);
      }
    }
  }
  return out;
}

function titleMention(start: number, end: number, personId: string, role: Role, title: string): Mention {
  return {
    start,
    end,
    entityId: personId,
    roleId: role.role ?? '',
    roleTitle: title,
    entry: TITLE_ENTRY,
    score: SCORE.title,
  };
}
