/**
 * The context card shown beside a mention: who or what it is, the role on the
 * article's date (and now, if different), the facts that matter with their dates, distance from
 * the article, confidence and sources, conflicting figures side by side, the coverage notice, and
 * two actions. Text only: every string is rendered as text, and only http(s) links become links.
 *
 * Stateless: the card controller (lib/page/card-controller.tsx) owns state and passes it in, so this renders
 * the same in the page's shadow root, in unit tests and on a plain test page.
 */
import type { Card as CardData, CardFact, ClaimCheck, SourceRef } from '../lib/protocol/annotations.ts';
import { weaklySourcedNote } from '../lib/sources/tiers.ts';
import { formatDate } from '../lib/util/dates.ts';
import { SourceLink } from './SourceLink.tsx';

/** What a card shows: an entity or event card, or a disputed claim's check. */
export type CardContent = { kind: 'card'; card: CardData } | { kind: 'claim'; name: string; check: ClaimCheck };

export interface CardProps {
  content: CardContent;
  /** The article's date the card is "as of" (ISO). */
  asOf: string;
  /** True when the page gave no date and `asOf` is today. */
  undated: boolean;
  /** Pinned cards say how to leave them. */
  pinned: boolean;
  /** A short status line ("Copied", "Hidden on this site"), or null. */
  status: string | null;
  onCopy: () => void;
  /** Absent for claims: only entities and events can be hidden per site. */
  onHide?: () => void;
  onClose: () => void;
}

/** The name a card is labelled with. */
export function contentName(content: CardContent): string {
  return content.kind === 'card' ? content.card.name : content.name;
}

/** Sources named on a fact's line (the best first); the rest are counted, with every one on hover. */
const MAX_SOURCES = 1;
/** Facts shown before "More facts": what fits a 380×500 card without scrolling. */
const FIRST_FACTS = 3;

function Sources({ sources, label = 'Sources' }: { sources: SourceRef[]; label?: string }) {
  if (sources.length === 0) return null;
  const more = sources.length - MAX_SOURCES;
  return (
    <span class="sources">
      <span class="label">{label}: </span>
      {sources.slice(0, MAX_SOURCES).map((s, i) => (
        <span key={`${s.url}|${i}`}>
          {i > 0 ? ', ' : ''}
          <SourceLink source={s} />
        </span>
      ))}
      {more > 0 ? (
        <span
          title={sources
            .slice(MAX_SOURCES)
            .map((s) => s.publisher)
            .join(', ')}
        >{` +${more} more`}</span>
      ) : (
        ''
      )}
    </span>
  );
}

/** Differing figures side by side, each with its source. */
function Columns({ label, columns }: { label: string; columns: { head: string; text?: string; source: SourceRef }[] }) {
  if (columns.length === 0) return null;
  return (
    <div class="conflicts">
      <p class="label">{label}</p>
      <div class="columns">
        {columns.map((c, i) => (
          <div class="column" key={i}>
            <p class="column-head">{c.head}</p>
            {c.text ? <p>{c.text}</p> : null}
            <Sources sources={[c.source]} label="Source" />
          </div>
        ))}
      </div>
    </div>
  );
}

function Fact({ fact }: { fact: CardFact }) {
  // Only weak hosts cite it: say so before them, never show them as if they were its support.
  const weak = weaklySourcedNote(fact.sources);
  return (
    <li class="fact">
      <p class="statement">{fact.statement}</p>
      <p class="meta">
        {fact.distance ? <span class="distance">{fact.distance} · </span> : null}
        {fact.confidence === 'corroborated' ? 'Corroborated' : 'Single source'}
        {fact.sources.length ? ' · ' : ''}
        {weak ? <span class="weak">{weak} </span> : null}
        <Sources sources={fact.sources} />
      </p>
      {fact.conflicts.length > 0 ? (
        <Columns
          label="Sources differ:"
          columns={[
            ...fact.sources.slice(0, 1).map((source) => ({ head: 'Fact base', text: fact.statement, source })),
            ...fact.conflicts.map((c) => ({ head: `Also reported: ${c.value}`, text: c.note, source: c.source })),
          ]}
        />
      ) : null}
    </li>
  );
}

const factList = (facts: CardFact[]) => (
  <ul class="facts">
    {facts.map((f) => (
      <Fact key={f.id} fact={f} />
    ))}
  </ul>
);

function EntityBody({ card }: { card: CardData }) {
  const rest = card.facts.length - FIRST_FACTS;
  return (
    <>
      {card.description ? <p class="description">{card.description}</p> : null}
      {card.roleNow ? (
        <p class="role-now">
          <span class="label">Now: </span>
          {card.roleNow}
        </p>
      ) : null}
      {card.termNote ? <p class="term">{card.termNote}</p> : null}
      {card.facts.length > 0 ? factList(card.facts.slice(0, FIRST_FACTS)) : <Sources sources={card.sources} />}
      {rest > 0 ? (
        <details class="more">
          <summary>More facts ({rest})</summary>
          {factList(card.facts.slice(FIRST_FACTS))}
        </details>
      ) : null}
      {card.coverageNotice ? <p class="notice coverage">{card.coverageNotice}</p> : null}
    </>
  );
}

function ClaimBody({ check }: { check: ClaimCheck }) {
  return (
    <>
      <p class="verdict">The fact base differs: {check.expected}</p>
      <p class="explanation">{check.explanation}</p>
      <Sources sources={check.sources} />
      <Columns
        label="Other figures:"
        columns={(check.alternatives ?? []).map((alt) => ({
          head: `${alt.value} (${alt.verdict === 'consistent' ? 'fits the claim' : 'differs'})`,
          text: alt.note,
          source: alt.source,
        }))}
      />
    </>
  );
}

/** The card itself: a labelled, non-modal dialog. */
export function Card(props: CardProps) {
  const { content, asOf, undated, pinned, status } = props;
  const name = contentName(content);
  return (
    <div class="card" role="dialog" aria-label={name} tabIndex={-1} data-kind={content.kind}>
      <div class="head">
        <div class="title">
          <h2 class="name">{content.kind === 'claim' ? `Claim: “${name}”` : name}</h2>
          {content.kind === 'card' && content.card.roleOnDate ? (
            <p class="role">
              {content.card.roleOnDate}
              <span class="when">, {undated ? 'today' : `on ${formatDate(asOf)}`}</span>
            </p>
          ) : null}
        </div>
        <button type="button" class="close" aria-label="Close card" onClick={props.onClose}>
          ×
        </button>
      </div>
      {undated ? <p class="notice">No date found on this page: facts as of today.</p> : null}
      {content.kind === 'card' ? <EntityBody card={content.card} /> : <ClaimBody check={content.check} />}
      <div class="foot">
        <div class="actions">
          <button type="button" class="copy" onClick={props.onCopy}>
            Copy as citation
          </button>
          {props.onHide ? (
            <button type="button" class="hide" onClick={props.onHide}>
              Not this — hide on this site
            </button>
          ) : null}
        </div>
        <p class="status" role="status">
          {status ?? ''}
        </p>
        {pinned ? <p class="hint">Esc closes this card.</p> : null}
      </div>
    </div>
  );
}
