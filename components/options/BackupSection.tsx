/**
 * Backup and restore of everything the reader made, and whether the browser keeps this storage
 * persistently (the options page asks for it with `navigator.storage.persist()`).
 */
import { useState } from 'preact/hooks';
import { chosenText, data, download } from './client.ts';
import { count } from './format.ts';
import { PathErrors, type SectionProps } from './PacksSection.tsx';

/** Backup section props. */
export interface BackupProps extends SectionProps {
  /** Whether storage is persistent: null while unknown or unsupported. */
  persisted: boolean | null;
}

type Outcome = { kind: 'ok'; text: string } | { kind: 'errors'; errors: { path: string; message: string }[] };

/** Download a backup, restore one, and the storage persistence status. */
export function BackupSection({ call, onChanged, persisted }: BackupProps) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const backup = async () => {
    try {
      download(await data(call({ type: 'backup' })));
      setOutcome({ kind: 'ok', text: 'Backup saved.' });
    } catch (e) {
      setOutcome({ kind: 'errors', errors: [{ path: '$', message: String(e) }] });
    }
  };
  const restore = async (input: HTMLInputElement) => {
    const file = await chosenText(input);
    input.value = '';
    if (!file) return;
    try {
      const r = await data(call({ type: 'restore', text: file.text }));
      if (!r.ok) return setOutcome({ kind: 'errors', errors: r.errors });
      const { ownFacts, ownEntities, flags, kept, subscriptions } = r.restored;
      setOutcome({
        kind: 'ok',
        text: `Restored ${count(ownEntities, 'own entity')}, ${count(ownFacts, 'own fact')}, ${count(flags, 'flag')}, ${count(kept, 'kept article')} and ${count(subscriptions, 'subscription')}, and the settings.`,
      });
      onChanged();
    } catch (e) {
      setOutcome({ kind: 'errors', errors: [{ path: '$', message: String(e) }] });
    }
  };
  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">Backup and restore</h2>
      <p>One file with your settings, own facts, flags, kept annotations and subscriptions.</p>
      <button type="button" onClick={() => void backup()}>
        Download a backup
      </button>{' '}
      <label>
        Restore from a backup file{' '}
        <input
          type="file"
          name="backup-file"
          accept=".json,application/json"
          onChange={(e) => void restore(e.currentTarget)}
        />
      </label>
      {outcome?.kind === 'ok' ? <p role="status">{outcome.text}</p> : null}
      {outcome?.kind === 'errors' ? (
        <PathErrors title="The backup was not restored; nothing changed." errors={outcome.errors} />
      ) : null}
      <p class="hint persistence">
        {persisted === true
          ? 'This browser keeps the extension’s storage persistently.'
          : persisted === false
            ? 'This browser may clear the extension’s storage when disk space runs low: keep a backup.'
            : ''}
      </p>
    </section>
  );
}
