/**
 * Search the fact base (also opened from the context menu on selected text, `#search=…`): each
 * result's card as of a date, its roles and every fact about it with sources; any fact can be
 * flagged as wrong from here.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SearchHit } from '../../lib/protocol/manage-calls.ts';
import { formatDate } from '../../lib/util/dates.ts';
import { data, type Call } from './client.ts';
import { SourceLink } from './OwnFactsSection.tsx';
import { support, tierLabel } from '../../lib/sources/tiers.ts';

/** Search section props. */
export interface SearchProps {
  call: Call;
  /** A query to run at once (from the context menu). */
  initialQuery: string;
  onChanged: () => void;
}

type Source = SearchHit['facts'][number]['sources'][number];

/** Sources best first, each with its tier; a record only weak hosts cite says so first. */
function Sources({ sources }: { sources: Source[] }) {
  const { sources: ordered, weak, reason } = support(sources);
  return (
    <span class="sources">
      {weak ? <span class="weakly-sourced"> — Weakly sourced: {reason}.</span> : null}
      {ordered.map((s, i) => (
        <span key={i}>
          {i > 0 ? ', ' : ' — '}
          <SourceLink url={s.url} label={s.publisher} />
          {` (${tierLabel(s)}${s.published ? `, ${s.published}` : ''})`}
        </span>
      ))}
    </span>
  );
}

function FlagButton({ call, recordId, onChanged }: { call: Call; recordId: string; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  if (done)
    return (
      <span class="flagged" role="status">
        {done}
      </span>
    );
  if (!open) {
    return (
      <button type="button" class="link" onClick={() => setOpen(true)}>
        Flag as wrong
      </button>
    );
  }
  const save = async () => {
    const r = await data(call({ type: 'flagFact', recordId, ...(note.trim() ? { note } : {}) })).catch(
      (e: unknown) => ({ ok: false as const, message: String(e) }),
    );
    setDone(r.ok ? 'Flagged' : r.message);
    onChanged();
  };
  return (
    <span class="flag-form">
      <input aria-label="Why is it wrong? (optional)" value={note} onInput={(e) => setNote(e.currentTarget.value)} />{' '}
      <button type="button" onClick={() => void save()}>
        Save flag
      </button>
    </span>
  );
}

/** "27 March 2023", and with an "as of" date how far before or after it that was. */
function when(date: string | null, distance: string | null, asOf: string): string {
  if (!date) return '';
  const far = asOf && distance ? ` (${distance.replace('this article', formatDate(asOf))})` : '';
  return `${formatDate(date)}${far}: `;
}

function Hit({ hit, call, onChanged, asOf }: { hit: SearchHit; call: Call; onChanged: () => void; asOf: string }) {
  const card = hit.card;
  return (
    <article class="search-hit" data-id={hit.id} aria-label={hit.name}>
      <h3>
        {hit.name} <span class="hint">({hit.kind})</span>
        {hit.private ? <span class="badge"> private</span> : null}
      </h3>
      {hit.description ? <p>{hit.description}</p> : null}
      {card?.roleOnDate ? (
        <p class="role-on-date">
          {asOf ? `Role on ${formatDate(asOf)}` : 'Role today'}: {card.roleOnDate}
        </p>
      ) : null}
      {card?.roleNow ? <p>Role now: {card.roleNow}</p> : null}
      {card && card.facts.length > 0 ? (
        <>
          <h4>On the card</h4>
          <ul class="card-facts">
            {card.facts.map((f) => (
              <li key={f.id}>
                {when(f.date, f.distance, asOf)}
                {f.statement}
                <Sources sources={f.sources} /> <FlagButton call={call} recordId={f.id} onChanged={onChanged} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {hit.roles.length > 0 ? (
        <>
          <h4>Roles</h4>
          <ul>
            {hit.roles.map((r, i) => (
              <li key={i}>
                {r.title}: {r.from ?? '?'} to {r.to ?? 'now'}
                <Sources sources={r.sources} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {hit.facts.length > 0 ? (
        <>
          <h4>All facts</h4>
          <ul class="all-facts">
            {hit.facts.map((f) => (
              <li key={f.id}>
                {when(f.date, null, asOf)}
                {f.statement}
                <Sources sources={f.sources} /> <FlagButton call={call} recordId={f.id} onChanged={onChanged} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

/** The search form and its results. */
export function SearchSection({ call, initialQuery, onChanged }: SearchProps) {
  const [query, setQuery] = useState(initialQuery);
  const [date, setDate] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  /** The date the shown results are as of ('' for none: dates, not distances). */
  const [asOf, setAsOf] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (q: string) => {
    if (!q.trim()) return;
    try {
      setHits((await data(call({ type: 'search', query: q.trim().slice(0, 300), ...(date ? { date } : {}) }))).hits);
      setAsOf(date);
      setError(null);
    } catch (e) {
      setError(String(e));
    }
  };
  useEffect(() => {
    setQuery(initialQuery);
    void run(initialQuery);
  }, [initialQuery]);

  return (
    <section aria-labelledby="search-title" id="search">
      <h2 id="search-title">Search the fact base</h2>
      <form
        role="search"
        aria-label="Search the fact base"
        onSubmit={(e) => {
          e.preventDefault();
          void run(query);
        }}
      >
        <label>
          Name, event or words of a fact{' '}
          <input type="search" name="query" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>{' '}
        <label>
          As of <input type="date" name="as-of" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit">Search</button>
      </form>
      {error ? <p role="alert">{error}</p> : null}
      {hits && hits.length === 0 ? <p role="status">Nothing found for “{query}”.</p> : null}
      <div class="search-results" aria-live="polite">
        {hits?.map((h) => (
          <Hit key={h.id} hit={h} call={call} onChanged={onChanged} asOf={asOf} />
        ))}
      </div>
    </section>
  );
}
