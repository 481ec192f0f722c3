/**
 * Sites the reader switched off (`disabledSites` in lib/settings.ts, read by the content script
 * through `contentSettings`): list, turn back on, or switch another site off.
 */
import { useState } from 'preact/hooks';
import { siteKey, type Settings } from '../../lib/settings.ts';
import { data } from './client.ts';
import type { SectionProps } from './PacksSection.tsx';
import { useReply } from './use-reply.ts';

/** A hostname from what the reader typed (a bare host or a URL), or null. */
export function hostFrom(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  let host = text.split('/')[0]!;
  if (text.includes('://')) {
    try {
      host = new URL(text).hostname;
    } catch {
      return null;
    }
  }
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(host) ? siteKey(host) : null;
}

/** The sites the reader switched off. */
export function SitesSection({ call, revision, onChanged }: SectionProps) {
  const settings = useReply(() => call({ type: 'getSettings' }), revision);
  const [site, setSite] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async (next: Settings) => {
    await data(call({ type: 'setSettings', settings: next })).then(
      () => setError(null),
      (e: unknown) => setError(String(e)),
    );
    onChanged();
  };
  if (settings.state !== 'ready') return null;
  const current = settings.data;
  const add = (event: Event) => {
    event.preventDefault();
    const host = hostFrom(site);
    if (!host) return setError('Enter a site such as www.example.co.uk.');
    setSite('');
    if (!current.disabledSites.includes(host))
      void save({ ...current, disabledSites: [...current.disabledSites, host] });
  };
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      {current.disabledSites.length === 0 ? (
        <p>The extension is on for every listed news site.</p>
      ) : (
        <p>Switched off on:</p>
      )}
      <ul class="sites">
        {current.disabledSites.map((s) => (
          <li key={s}>
            {s}{' '}
            <button
              type="button"
              class="link"
              onClick={() => void save({ ...current, disabledSites: current.disabledSites.filter((d) => d !== s) })}
              aria-label={`Switch on for ${s}`}
            >
              Switch on again
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add}>
        <label>
          Switch off on{' '}
          <input
            name="site"
            value={site}
            onInput={(e) => setSite(e.currentTarget.value)}
            placeholder="www.example.co.uk"
          />
        </label>{' '}
        <button type="submit">Switch off</button>
      </form>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
