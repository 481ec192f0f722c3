/**
 * A mention the pipeline resolved: a span of the text and the gazetteer entry it matched, with
 * the entity (and role) it stands for. Made by resolve.ts and titles.ts; a module of its own so
 * neither imports the other for it.
 */
import type { Entry } from './gazetteer.ts';

export interface Mention {
  start: number;
  end: number;
  /** Resolved entity (a person for a role description), or '' for an event noun. */
  entityId: string;
  /** The role entity, when the mention is a role description. */
  roleId?: string;
  roleTitle?: string;
  entry: Entry;
  score: number;
}
