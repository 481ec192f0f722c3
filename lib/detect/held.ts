/**
 * Roles read on a date past the fact base's coverage. A role with no end (`to: null`) means "still
 * held as far as the sources show"; on a later article that is a last known state, not a fact.
 */
import type { FactIndex } from '../facts/index.ts';
import type { Role } from '../facts/schema.ts';
import { dayNumber, endExclusiveOf, formatDate } from '../util/dates.ts';

/** Whether `date` falls after the end of the loaded packs' coverage. */
export function pastCoverage(index: FactIndex, date: string): boolean {
  const c = index.coverage;
  return !!c && dayNumber(date) >= dayNumber(endExclusiveOf(c.to));
}

/** "held as of June 2026; may have changed" for an open-ended role read past the coverage, else null. */
export function heldAsOfNote(index: FactIndex, role: Pick<Role, 'to'>, date: string): string | null {
  if (role.to !== null || !pastCoverage(index, date)) return null;
  return `held as of ${formatDate(index.coverage!.to)}; may have changed`;
}

/** The role's title as it should read on `date`: with the note above when the holder may have changed. */
export function titleOn(index: FactIndex, role: Pick<Role, 'to'>, title: string, date: string): string {
  const note = heldAsOfNote(index, role, date);
  return note ? `${title} (${note})` : title;
}
