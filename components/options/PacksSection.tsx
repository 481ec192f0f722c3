/**
 * Packs: every installed pack (bundled, from subscriptions, from files, own facts) with its
 * version, date, coverage and size; importing a pack file (every error listed by JSON path, the
 * fact base left as it was); removing an imported pack.
 */
import { useState } from 'preact/hooks';
import type { PackSummary } from '../../lib/protocol/messages.ts';
import { chosenText, data, type Call } from './client.ts';
import { describeChanges } from './format.ts';
import { PackUpdate } from './PackUpdate.tsx';
import { useReply } from './use-reply.ts';

/** What every section gets. */
export interface SectionProps {
  call: Call;
  /** Bumped whenever something changed the fact base; sections reload. */
  revision: number;
  onChanged: () => void;
}

const ORIGIN_LABEL: Record<string, string> = {
  bundled: 'bundled with the extension',
  subscription: 'from a subscription',
  file: 'imported from a file',
  own: 'your own facts',
};

type Outcome =
  { kind: 'ok'; text: string } | { kind: 'errors'; title: string; errors: { path: string; message: string }[] };

function PackItem({ pack, onRemove }: { pack: PackSummary; onRemove?: () => void }) {
  return (
    <li data-pack-id={pack.id}>
      <strong class="pack-name">{pack.name}</strong> <span class="pack-version">version {pack.version}</span>{' '}
      <span class="pack-origin">({ORIGIN_LABEL[pack.origin] ?? pack.origin})</span>
      <br />
      <span class="pack-counts">
        {pack.entityCount} entities, {pack.eventCount} events, {pack.factCount} facts; published {pack.published};
        covers {pack.coverage.from} to {pack.coverage.to}
      </span>
      {pack.update ? <PackUpdate update={pack.update} /> : null}
      {onRemove ? (
        <button type="button" class="link" onClick={onRemove} aria-label={`Remove ${pack.name}`}>
          Remove
        </button>
      ) : null}
    </li>
  );
}

/** Errors of a refused import or restore, each with its JSON path. */
export function PathErrors({ title, errors }: { title: string; errors: { path: string; message: string }[] }) {
  return (
    <div role="alert" class="errors">
      <p>{title}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <code class="json-path">{e.path}</code>: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Installed packs, importing a pack file, removing one. */
export function PacksSection({ call, revision, onChanged }: SectionProps) {
  const status = useReply(() => call({ type: 'status' }), revision);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importFile = async (input: HTMLInputElement) => {
    const file = await chosenText(input);
    input.value = '';
    if (!file) return;
    try {
      const r = await data(call({ type: 'importPackFile', text: file.text, fileName: file.name }));
      if (r.ok) {
        setOutcome({ kind: 'ok', text: `Imported ${r.name} version ${r.version}: ${describeChanges(r.changes)}.` });
        onChanged();
      } else
        setOutcome({
          kind: 'errors',
          title: `${file.name} was not imported; the fact base is unchanged.`,
          errors: r.errors,
        });
    } catch (e) {
      setOutcome({ kind: 'errors', title: 'The import failed.', errors: [{ path: '$', message: String(e) }] });
    }
  };
  const remove = async (pack: PackSummary) => {
    const r = await data(call({ type: 'removePack', id: pack.id })).catch((e: unknown) => ({
      removed: false,
      message: String(e),
    }));
    setOutcome(
      r.removed
        ? { kind: 'ok', text: `Removed ${pack.name}.` }
        : { kind: 'errors', title: 'Not removed.', errors: [{ path: '$', message: r.message ?? '' }] },
    );
    onChanged();
  };

  return (
    <section aria-labelledby="packs-title">
      <h2 id="packs-title">Fact packs</h2>
      {status.state === 'loading' ? <p aria-busy="true">Loading the fact base…</p> : null}
      {status.state === 'error' ? <p role="alert">The fact base is unavailable: {status.message}</p> : null}
      {status.state === 'ready' ? (
        <ul class="packs">
          {status.data.packs.map((p) => (
            <PackItem key={p.id} pack={p} onRemove={p.origin === 'file' ? () => void remove(p) : undefined} />
          ))}
        </ul>
      ) : null}
      <p>
        <label>
          Import a pack file (JSON){' '}
          <input
            type="file"
            accept=".json,application/json"
            name="pack-file"
            onChange={(e) => void importFile(e.currentTarget)}
          />
        </label>
      </p>
      {outcome?.kind === 'ok' ? (
        <p role="status" class="import-result">
          {outcome.text}
        </p>
      ) : null}
      {outcome?.kind === 'errors' ? <PathErrors title={outcome.title} errors={outcome.errors} /> : null}
    </section>
  );
}
