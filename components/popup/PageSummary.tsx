/**
 * The popup's dashboard for the page: a line of counts and the article's date, then four tabs —
 * Mentions (by kind, with roles on that date), Timeline (strikes, ballots, offers, awards and
 * meetings of the groups mentioned), Claims (one row per claim) and Export. Each tab's panel
 * scrolls on its own, so the popup stays within its 600 px.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { exportFileName, type ExportFormat } from '../../lib/export/index.ts';
import type { TimelineItem } from '../../lib/protocol/messages.ts';
import { dateSource, summarise } from './summary.ts';
import { formatDate } from '../../lib/util/dates.ts';
import { ClaimList, MentionList } from './SummaryLists.tsx';
import { Timeline } from './Timeline.tsx';
import type { TabData } from './summary-client.ts';

export interface PageSummaryProps {
  load: () => Promise<TabData>;
  loadTimeline: (groups: string[], date: string) => Promise<TimelineItem[]>;
  focus: (tabId: number, id: string) => Promise<boolean>;
  download: (format: ExportFormat, data: Extract<TabData, { state: 'ready' }>) => string;
  /** Called once the page's state is known: whether it has annotations. */
  onLoaded?: (annotated: boolean) => void;
}

const FORMATS: { format: ExportFormat; label: string; what: string }[] = [
  { format: 'w3c', label: 'W3C Web Annotation', what: 'for annotation tools' },
  { format: 'hypothesis', label: 'Hypothesis JSON', what: 'to import into Hypothesis' },
  { format: 'csv', label: 'CSV', what: 'a row per mention, for spreadsheets' },
  { format: 'md', label: 'Markdown report', what: 'the summary with sources' },
  { format: 'claimreview', label: 'ClaimReview drafts', what: 'for fact-check publishing' },
];

const TABS = ['Mentions', 'Timeline', 'Claims', 'Export'] as const;
type Tab = (typeof TABS)[number];

/** ARIA tabs: arrow keys, Home and End move between tabs; only the selected tab is in the tab order. */
function Tabs({ tab, setTab, badges }: { tab: Tab; setTab: (t: Tab) => void; badges: Partial<Record<Tab, string>> }) {
  const list = useRef<HTMLDivElement>(null);
  const move = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (i + TABS.length - 1) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next]!);
    list.current?.querySelectorAll<HTMLElement>('[role=tab]')[next]?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label="Page summary" ref={list} onKeyDown={move}>
      {TABS.map((t) => (
        <button
          key={t}
          type="button"
          role="tab"
          id={`tab-${t}`}
          aria-selected={t === tab}
          aria-controls={`panel-${t}`}
          tabIndex={t === tab ? 0 : -1}
          onClick={() => setTab(t)}
        >
          {t}
          {badges[t] ? <span class="badge">{badges[t]}</span> : null}
        </button>
      ))}
    </div>
  );
}

export function PageSummary({ load, loadTimeline, focus, download, onLoaded }: PageSummaryProps) {
  const [data, setData] = useState<TabData | null>(null);
  const [timeline, setTimeline] = useState<TimelineItem[] | null>(null);
  const [status, setStatus] = useState('');
  const [tab, setTab] = useState<Tab>('Mentions');
  useEffect(() => {
    load().then(setData, (e: unknown) => setData({ state: 'error', message: String(e) }));
  }, [load]);
  const summary = data?.state === 'ready' ? summarise(data.result) : null;
  useEffect(() => {
    if (data) onLoaded?.(data.state === 'ready');
    if (summary && data?.state === 'ready')
      void loadTimeline(summary.timelineGroups, summary.published).then(setTimeline);
  }, [data]);
  if (!data) return <p class="muted">Reading the page…</p>;
  if (data.state !== 'ready')
    return (
      <div
        class={data.state === 'error' ? 'error state' : 'empty state'}
        role={data.state === 'error' ? 'alert' : undefined}
      >
        <p class="state-title">{data.state === 'error' ? 'Something went wrong' : 'Nothing to show here yet'}</p>
        <p>{data.message}</p>
      </div>
    );
  if (!summary) return null;
  const pick = (id: string) =>
    void focus(data.tabId, id).then((ok) =>
      setStatus(ok ? '' : 'That mention is not highlighted on the page (check the highlight settings).'),
    );
  const { counts } = summary;
  const panel = (t: Tab, body: preact.ComponentChildren) => (
    <div role="tabpanel" id={`panel-${t}`} aria-labelledby={`tab-${t}`} hidden={tab !== t} class="panel" tabIndex={0}>
      {tab === t ? body : null}
    </div>
  );
  return (
    <section class="summary" aria-label="This page">
      <p class="counts">
        <strong>{counts.mentions}</strong> mentions · <strong>{counts.entities}</strong> people and bodies ·{' '}
        <strong>{counts.claims}</strong> claims
        {counts.differs ? (
          <>
            , <strong class="differs">{counts.differs}</strong> differ
          </>
        ) : null}
      </p>
      <p class="date">
        Article date: <strong>{formatDate(summary.published)}</strong>{' '}
        <span class="muted">from {dateSource(summary.publishedFrom)}</span>
      </p>
      {status ? <p role="status">{status}</p> : null}
      <Tabs
        tab={tab}
        setTab={setTab}
        badges={{
          Mentions: String(counts.entities + counts.events),
          Claims: counts.claims ? String(counts.claims) : undefined,
        }}
      />
      {panel('Mentions', <MentionList summary={summary} onPick={pick} />)}
      {panel(
        'Timeline',
        timeline ? <Timeline items={timeline} date={summary.published} /> : <p class="muted">Loading…</p>,
      )}
      {panel('Claims', <ClaimList claims={summary.claims} onPick={pick} />)}
      {panel(
        'Export',
        <>
          <p class="muted">
            Every mention and claim on this page with its sources and the fact pack's version, saved to your downloads.
          </p>
          <ul class="exports">
            {FORMATS.map(({ format, label, what }) => {
              const name = exportFileName(format, data.url, summary.published);
              return (
                <li key={format}>
                  <button
                    type="button"
                    title={name}
                    onClick={(e) => e.isTrusted && setStatus(`Saved ${download(format, data)}`)}
                  >
                    {label}
                  </button>
                  <span class="muted">
                    {what} <code>.{name.split('.').pop()}</code>
                  </span>
                </li>
              );
            })}
          </ul>
        </>,
      )}
    </section>
  );
}
