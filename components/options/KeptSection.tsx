/**
 * Kept annotations (opt-in, off by default): the switch, the list of kept articles with a search,
 * deleting one or all, and exporting all of them in any format.
 */
import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings.ts';
import { data, download } from './client.ts';
import { safeHref } from '../../lib/util/urls.ts';
import { count, when } from './format.ts';
import type { SectionProps } from './PacksSection.tsx';
import { useReply } from './use-reply.ts';

const FORMATS: [string, string][] = [
  ['json', 'JSON (kept records)'],
  ['w3c', 'W3C Web Annotation'],
  ['hypothesis', 'Hypothesis JSON'],
  ['csv', 'CSV'],
  ['md', 'Markdown'],
  ['claimreview', 'ClaimReview JSON-LD'],
];
type Format = 'json' | 'w3c' | 'hypothesis' | 'csv' | 'md' | 'claimreview';

/** The keep switch, and the kept articles: search, delete, export. */
export function KeptSection({ call, revision, onChanged }: SectionProps) {
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  const [format, setFormat] = useState<Format>('json');
  const [message, setMessage] = useState<string | null>(null);
  const settings = useReply(() => call({ type: 'getSettings' }), revision);
  const kept = useReply(
    () => call({ type: 'keptList', ...(search ? { query: search } : {}) }),
    `${revision}|${search}`,
  );

  const act = async (task: () => Promise<string | null>) => {
    setMessage(await task().catch((e: unknown) => String(e)));
    onChanged();
  };
  const toggle = (current: Settings, on: boolean) =>
    act(async () => {
      await data(call({ type: 'setSettings', settings: { ...current, keepAnnotations: on } }));
      return on ? 'Annotated articles will be kept from now on.' : 'Annotated articles are no longer kept.';
    });
  const remove = (id?: number) =>
    act(async () => {
      if (id === undefined && !window.confirm('Delete every kept article?')) return null;
      const { deleted } = await data(call({ type: 'keptDelete', ...(id === undefined ? {} : { id }) }));
      return `Deleted ${count(deleted, 'article')}.`;
    });
  const exportAll = () => act(async () => (download(await data(call({ type: 'keptExport', format }))), null));

  const items = kept.state === 'ready' ? kept.data.items : [];
  return (
    <section aria-labelledby="kept-title">
      <h2 id="kept-title">Kept annotations</h2>
      {settings.state === 'ready' ? (
        <label class="check">
          <input
            type="checkbox"
            name="keep-annotations"
            checked={settings.data.keepAnnotations}
            onChange={(e) => void toggle(settings.data, e.currentTarget.checked)}
          />{' '}
          Keep the annotations of the articles I read (off unless you turn it on)
        </label>
      ) : null}
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(query.trim());
        }}
      >
        <label>
          Search kept articles{' '}
          <input type="search" name="kept-query" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit">Search</button>
      </form>
      {kept.state === 'ready' && items.length === 0 ? (
        <p>No kept articles{search ? ` match “${search}”` : ''}.</p>
      ) : null}
      <ul class="kept">
        {items.map((k) => {
          const href = safeHref(k.url);
          return (
            <li key={k.id} data-id={k.id}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {k.title || k.url}
                </a>
              ) : (
                <span>{k.title || k.url}</span>
              )}{' '}
              <span class="hint">
                ({k.date}; {count(k.count, 'annotation')}; kept {when(k.createdAt)})
              </span>{' '}
              <button
                type="button"
                class="link"
                onClick={() => void remove(k.id)}
                aria-label={`Delete ${k.title || k.url}`}
              >
                Delete
              </button>
            </li>
          );
        })}
      </ul>
      <p>
        <label>
          Format{' '}
          <select name="kept-format" value={format} onChange={(e) => setFormat(e.currentTarget.value as Format)}>
            {FORMATS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={() => void exportAll()}>
          Export all
        </button>{' '}
        <button type="button" onClick={() => void remove()}>
          Delete all
        </button>
      </p>
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}
