/**
 * Own facts: the reader's entities and facts (a local pack, exportable and importable through
 * Packs), and the facts they flagged as wrong. After any change the background rebuilds its index,
 * so cards show the change at once.
 */
import { useState } from 'preact/hooks';
import type { FlagView, OwnEntityView, OwnFactView } from '../../lib/protocol/manage-calls.ts';
import { data, download } from './client.ts';
import { safeHref } from '../../lib/util/urls.ts';
import { when } from './format.ts';
import { EntityForm, FactForm } from './OwnForms.tsx';
import type { SectionProps } from './PacksSection.tsx';
import { useReply } from './use-reply.ts';
import { tierLabel } from '../../lib/sources/tiers.ts';

/** Own entities and facts: lists, forms, export. */
export function OwnFactsSection({ call, revision, onChanged }: SectionProps) {
  const own = useReply(() => call({ type: 'ownFacts' }), revision);
  const [entity, setEntity] = useState<OwnEntityView | null>(null);
  const [fact, setFact] = useState<OwnFactView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const act = async (task: () => Promise<string | null | undefined>) => {
    setMessage((await task().catch((e: unknown) => String(e))) ?? null);
    onChanged();
  };
  const removeEntity = (e: OwnEntityView) =>
    act(async () => {
      const r = await data(call({ type: 'removeOwnEntity', id: e.id }));
      return r.removed ? `Removed ${e.name}.` : r.message;
    });
  const removeFact = (f: OwnFactView) =>
    act(async () => {
      const r = await data(call({ type: 'removeOwnFact', id: f.id }));
      return r.removed ? 'Fact removed.' : r.message;
    });
  const exportOwn = () => act(async () => (download(await data(call({ type: 'exportOwnPack' }))), null));

  if (own.state !== 'ready') {
    return (
      <section aria-labelledby="own-title">
        <h2 id="own-title">Own facts</h2>
        {own.state === 'error' ? <p role="alert">{own.message}</p> : <p aria-busy="true">Loading…</p>}
      </section>
    );
  }
  const { entities, facts, subjects } = own.data;
  return (
    <section aria-labelledby="own-title">
      <h2 id="own-title">Own facts</h2>
      <h3>Entities</h3>
      <ul class="own-entities">
        {entities.map((e) => (
          <li key={e.id} data-id={e.id}>
            <strong>{e.name}</strong> ({e.kind}){e.private ? <span class="badge"> private</span> : null}{' '}
            <button type="button" class="link" onClick={() => setEntity(e)} aria-label={`Edit ${e.name}`}>
              Edit
            </button>{' '}
            <button type="button" class="link" onClick={() => void removeEntity(e)} aria-label={`Remove ${e.name}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <EntityForm
        key={entity?.id ?? 'new-entity'}
        call={call}
        editing={entity}
        onCancel={() => setEntity(null)}
        onSaved={() => void act(async () => (setEntity(null), 'Entity saved.'))}
      />
      <h3>Facts</h3>
      <ul class="own-facts">
        {facts.map((f) => (
          <li key={f.id} data-id={f.id}>
            <strong>{f.subjectName}</strong> ({f.date}): {f.statement} —{' '}
            <SourceLink url={f.sourceUrl} label={f.publisher} /> ({tierLabel(f)}){' '}
            <button type="button" class="link" onClick={() => setFact(f)} aria-label={`Edit the fact: ${f.statement}`}>
              Edit
            </button>{' '}
            <button
              type="button"
              class="link"
              onClick={() => void removeFact(f)}
              aria-label={`Remove the fact: ${f.statement}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <FactForm
        key={fact?.id ?? 'new-fact'}
        call={call}
        subjects={subjects}
        editing={fact}
        onCancel={() => setFact(null)}
        onSaved={() => void act(async () => (setFact(null), 'Fact saved.'))}
      />
      <p>
        <button type="button" onClick={() => void exportOwn()}>
          Export own facts and flags (JSON pack)
        </button>{' '}
        <span class="hint">Import it again under Fact packs.</span>
      </p>
      {message ? (
        <p role="status" class="own-status">
          {message}
        </p>
      ) : null}
    </section>
  );
}

/** A source as a link when it is http(s), else as text. */
export function SourceLink({ url, label }: { url: string; label: string }) {
  const href = safeHref(url);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {label || url}
    </a>
  ) : (
    <span>{label || url}</span>
  );
}

/** The reader's flags ("this looks wrong"), newest first, exported with the own pack. */
export function FlagsSection({ call, revision, onChanged }: SectionProps) {
  const own = useReply(() => call({ type: 'ownFacts' }), revision);
  const remove = async (f: FlagView) => {
    await data(call({ type: 'removeFlag', id: f.id })).catch(() => null);
    onChanged();
  };
  const flags = own.state === 'ready' ? own.data.flags : [];
  return (
    <section aria-labelledby="flags-title">
      <h2 id="flags-title">Flags</h2>
      {flags.length === 0 ? <p>No flags. Use “Flag as wrong” on a fact in Search.</p> : null}
      <ul class="flags">
        {flags.map((f) => (
          <li key={f.id} data-record={f.recordId}>
            <strong>{f.label ?? f.recordId}</strong>{' '}
            <span class="hint">
              ({f.packId}, {when(f.createdAt)})
            </span>
            {f.note ? <div>{f.note}</div> : null}
            <button
              type="button"
              class="link"
              onClick={() => void remove(f)}
              aria-label={`Remove the flag on ${f.label ?? f.recordId}`}
            >
              Remove flag
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
