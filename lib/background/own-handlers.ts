/**
 * Handlers for own facts and flags (extension pages only). Every change goes through one
 * transaction on the own pack (lib/facts/own-store.ts) and then invalidates the background's
 * index, so the next lookup — and the entity's card — shows it.
 */
import type { FactIndex } from '../facts/index.ts';
import {
  editContext,
  emptyOwnPack,
  removeEntity,
  removeFact,
  saveEntity,
  saveFact,
  type EditContext,
  type EditResult,
} from '../facts/own.ts';
import { addFlag, editOwnPack, listFlags, ownPackFile, readOwnPack, removeFlag } from '../facts/own-store.ts';
import type { Entity, Fact, Pack } from '../facts/schema.ts';
import type { FlagRow } from '../facts/store.ts';
import { installedPacks, type ManageDeps } from './manage-deps.ts';
import type { FlagView, OwnEntityView, OwnFactView } from '../protocol/manage-calls.ts';
import type { Handlers } from './router.ts';

type OwnCalls =
  | 'ownFacts'
  | 'saveOwnEntity'
  | 'removeOwnEntity'
  | 'saveOwnFact'
  | 'removeOwnFact'
  | 'exportOwnPack'
  | 'flagFact'
  | 'removeFlag';

function entityView(e: Entity): OwnEntityView {
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    aliases: e.aliases.map((a) => a.text).filter((t) => t !== e.name),
    description: e.description,
    wikipedia: e.sameAs[0] ?? null,
    private: e.private === true,
  };
}

function factView(f: Fact, index: FactIndex): OwnFactView {
  const source = f.sources[0]!;
  return {
    id: f.id,
    subject: f.subject,
    subjectName: index.entity(f.subject)?.name ?? index.event(f.subject)?.title ?? f.subject,
    statement: f.statement,
    date: f.asOf,
    sourceUrl: source.url,
    publisher: source.publisher,
    sourceDate: source.published,
    tier: source.tier,
    ...(f.note ? { note: f.note } : {}),
  };
}

/** What a record id stands for, for a reader: a fact's statement, an event's title, an entity's name. */
function labelOf(index: FactIndex, id: string): string | null {
  return index.facts.get(id)?.statement ?? index.event(id)?.title ?? index.entity(id)?.name ?? null;
}

function flagView(f: FlagRow, index: FactIndex): FlagView {
  return {
    id: f.id ?? 0,
    packId: f.packId,
    recordId: f.recordId,
    label: labelOf(index, f.recordId),
    ...(f.note ? { note: f.note } : {}),
    createdAt: f.createdAt,
  };
}

/** The last pack (in load order, so the one whose copy the index uses) holding `id`. */
function packOf(packs: Pack[], id: string): string | null {
  const has = (p: Pack) =>
    p.facts.some((r) => r.id === id) || p.events.some((r) => r.id === id) || p.entities.some((r) => r.id === id);
  return packs.findLast(has)?.id ?? null;
}

/** Handlers for own entities and facts, their export, and flags. */
export function createOwnHandlers(deps: ManageDeps): Pick<Handlers, OwnCalls> {
  /** Run an edit of the own pack; invalidate the index when it was written. */
  const edit = async (change: (current: Pack | undefined, ctx: EditContext) => EditResult): Promise<EditResult> => {
    const store = await deps.store();
    const ctx = editContext(await installedPacks(deps), deps.today());
    const result = await editOwnPack(store, (current) => change(current, ctx));
    if (result.ok) deps.invalidate();
    return result;
  };
  const saved = (r: EditResult) => (r.ok ? { ok: true as const, id: r.id } : { ok: false as const, errors: r.errors });
  const removed = (r: EditResult) =>
    r.ok ? { removed: true } : { removed: false, message: r.errors.map((e) => e.message).join(' ') };

  return {
    ownFacts: async () => {
      const store = await deps.store();
      const index = await deps.index();
      const own = (await readOwnPack(store)) ?? emptyOwnPack(deps.today());
      const subjects = [
        ...[...index.entities.values()].map((e) => ({ id: e.id, name: e.name, kind: e.kind })),
        ...[...index.events.values()].map((e) => ({ id: e.id, name: e.title, kind: e.kind })),
      ].sort((a, b) => a.name.localeCompare(b.name));
      return {
        entities: own.entities.map(entityView),
        facts: own.facts.map((f) => factView(f, index)),
        flags: (await listFlags(store)).map((f) => flagView(f, index)),
        subjects,
      };
    },
    saveOwnEntity: async ({ entity }) => saved(await edit((current, ctx) => saveEntity(current, entity, ctx))),
    removeOwnEntity: async ({ id }) => removed(await edit((current, ctx) => removeEntity(current, id, ctx))),
    saveOwnFact: async ({ fact }) => saved(await edit((current, ctx) => saveFact(current, fact, ctx))),
    removeOwnFact: async ({ id }) => removed(await edit((current, ctx) => removeFact(current, id, ctx))),

    exportOwnPack: async () => {
      const store = await deps.store();
      const own = (await readOwnPack(store)) ?? emptyOwnPack(deps.today());
      const flags = await store.db.flags.toArray();
      return {
        fileName: `nhs-context-own-facts_${deps.today()}.json`,
        mime: 'application/json',
        text: ownPackFile(own, flags),
      };
    },

    flagFact: async ({ recordId, note }) => {
      const store = await deps.store();
      const packId = packOf(await installedPacks(deps), recordId);
      if (!packId) return { ok: false, message: `'${recordId}' is not in the fact base.` };
      const trimmed = note?.trim();
      const flag = await addFlag(store, {
        packId,
        recordId,
        ...(trimmed ? { note: trimmed } : {}),
        createdAt: deps.now().toISOString(),
      });
      return { ok: true, flag: flagView(flag, await deps.index()) };
    },

    removeFlag: async ({ id }) => ({ removed: await removeFlag(await deps.store(), id) }),
  };
}
