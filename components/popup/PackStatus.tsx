/**
 * The fact base at a glance: each installed pack's name, version and size. Used by the popup and
 * the options page; `load` asks the background (the only context that opens the database).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Reply, ReplyOf } from '../../lib/protocol/messages.ts';

type Status = ReplyOf<'status'>;
type View = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; status: Status };

export interface PackStatusProps {
  load: () => Promise<Reply<Status>>;
}

export function PackStatus({ load }: PackStatusProps) {
  const [view, setView] = useState<View>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (reply) =>
        live &&
        setView(reply.ok ? { state: 'ready', status: reply.data } : { state: 'error', message: reply.error.message }),
      (error: unknown) => live && setView({ state: 'error', message: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [load]);

  if (view.state === 'loading') return <p aria-busy="true">Loading the fact base…</p>;
  if (view.state === 'error') return <p role="alert">The fact base is unavailable: {view.message}</p>;
  const { status } = view;
  if (status.packs.length === 0) return <p>No fact pack is installed.</p>;
  return (
    <section aria-label="Fact packs">
      <ul class="packs">
        {status.packs.map((pack) => (
          <li key={pack.id} data-pack-id={pack.id}>
            <strong class="pack-name">{pack.name}</strong> <span class="pack-version">version {pack.version}</span>
            <br />
            <span class="pack-counts">
              {pack.entityCount} entities, {pack.eventCount} events, {pack.factCount} facts
            </span>
            <br />
            <span class="pack-coverage">
              Covers {pack.coverage.from} to {pack.coverage.to}; published {pack.published}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
