/**
 * Roles: a title written beside a name ("Health Secretary Steve Barclay") must match the role
 * the fact base gives that person on the article's date. A role known only by an attested window
 * never yields 'differs' outside it — the fact base cannot say, so that is 'no-data'.
 */
import type { Annotation, ClaimCheck } from '../protocol/annotations.ts';
import type { Role } from '../facts/schema.ts';
import { roleHeldOn } from '../facts/index.ts';
import { formatDate } from '../util/dates.ts';
import type { ClaimContext, ClaimFinder, FoundClaim } from './context.ts';
import { refs, TITLE_OF_BODY } from './context.ts';

export const findRoles: ClaimFinder = (ctx) => {
  const out: FoundClaim[] = [];
  const entities = ctx.annotations.filter((a) => a.kind === 'entity');
  entities.forEach((a, k) => {
    if (!a.role?.id || !a.entity) return;
    // The name right after the title, or after the body the title is of ("Chair of the BMA council, Dr …").
    const after = entities[k + 1];
    const named = entities.slice(k + 1, k + 4).find((e) => e.entity?.id === a.entity!.id && !e.role);
    const next = named && TITLE_OF_BODY.test(ctx.text.slice(a.end, named.start)) ? named : after;
    const prev = entities[k - 1];
    const person =
      next &&
      next.entity?.id === a.entity.id &&
      !next.role &&
      (/^[\s,]*$/.test(ctx.text.slice(a.end, next.start)) || TITLE_OF_BODY.test(ctx.text.slice(a.end, next.start)))
        ? next
        : prev &&
            prev.entity?.id === a.entity.id &&
            !prev.role &&
            /^,\s*(the\s+)?$/i.test(ctx.text.slice(prev.end, a.start))
          ? prev
          : undefined;
    if (!person) return;
    if (
      /\b(former|ex-?|then-?|previous|one-time|future|incoming|outgoing|new)\s*$/i.test(
        ctx.text.slice(Math.max(0, Math.min(a.start, person.start) - 12), Math.min(a.start, person.start)),
      )
    )
      return;
    const start = Math.min(a.start, person.start);
    const end = Math.max(a.end, person.end);
    out.push({ start, end, check: checkRole(ctx, ctx.text.slice(start, end), a, person) });
  });
  return out;
};

function checkRole(ctx: ClaimContext, claim: string, role: Annotation, person: Annotation): ClaimCheck {
  const entity = ctx.index.entity(person.entity!.id)!;
  const roleEntity = ctx.index.entity(role.role!.id);
  const title = roleEntity?.name ?? role.role!.title;
  const records = (entity.roles ?? []).filter((r) => r.role === role.role!.id);
  const held = records.find((r) => roleHeldOn(r, ctx.date));
  const base = { claim, kind: 'role' as const, factIds: [entity.id] };
  if (held)
    return {
      ...base,
      verdict: 'consistent',
      expected: title,
      explanation: `The fact base has ${entity.name} as ${held.title} ${period(held)}, which includes this article's date.`,
      sources: refs(held.sources),
    };
  const dated = records.filter((r) => r.from !== null || r.to !== null);
  const holders = ctx.index.holdersOn(role.role!.id, ctx.date).filter((h) => !h.attestedOnly);
  if (dated.length === 0 || holders.length === 0) {
    return {
      ...base,
      verdict: 'no-data',
      expected: title,
      explanation: `The fact base cannot say whether ${entity.name} was ${title} on ${formatDate(ctx.date)}.`,
      sources: refs(records.flatMap((r) => r.sources)),
    };
  }
  const holder = holders[0]!;
  const then = ctx.index.rolesOn(entity.id, ctx.date)[0];
  return {
    ...base,
    verdict: 'differs',
    expected: `${holder.person.name} (${title})`,
    explanation: `On ${formatDate(ctx.date)} the fact base has ${holder.person.name} as ${title}; ${entity.name} held it ${dated.map(period).join(' and ')}${then ? ` and was ${then.title} on that date` : ''}.`,
    factIds: [entity.id, holder.person.id],
    sources: refs([...dated.flatMap((r) => r.sources), ...holder.role.sources]),
  };
}

/** "from 25 October 2022 to 13 November 2023", or the attested window. */
export function period(r: Role): string {
  if (r.from && r.to) return `from ${formatDate(r.from)} to ${formatDate(r.to)}`;
  if (r.from) return `from ${formatDate(r.from)}`;
  if (r.to) return `until ${formatDate(r.to)}`;
  return r.attested ? `(reported ${r.attested.map(formatDate).join(' to ')})` : '';
}
