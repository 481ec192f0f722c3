/**
 * The popup's summary of the page: counts, the article's date and where it came from, mentions
 * by kind with roles on that date, the strike timeline, the checked claims, and exports.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ExportFormat } from '../../lib/export/index.ts';
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
}

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'w3c', label: 'W3C Web Annotation' },
  { format: 'hypothesis', label: 'Hypothesis JSON' },
  { format: 'csv', label: 'CSV' },
  { format: 'md', label: 'Markdown report' },
  { format: 'claimreview', label: 'ClaimReview drafts' },
];

export function PageSummary({ load, loadTimeline, focus, download }: PageSummaryProps) {
  const [data, setData] = useState<TabData | null>(null);
  const [timeline, setTimeline] = useState<TimelineItem[] | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    load().then(setData, (e: unknown) => setData({ state: 'error', message: String(e) }));
  }, [load]);
  const summary = data?.state === 'ready' ? summarise(data.result) : null;
  useEffect(() => {
    if (summary && data?.state === 'ready') void loadTimeline(summary.staffGroups, summary.published).then(setTimeline);
  }, [data]);
  if (!data) return <p class="muted">Reading the page…</p>;
  if (data.state !== 'ready') return <p class={data.state === 'error' ? 'error' : 'empty'}>{data.message}</p>;
  if (!summary) return null;
  const pick = (id: string) =>
    void focus(data.tabId, id).then((ok) =>
      setStatus(ok ? '' : 'That mention is not highlighted on the page (check the highlight settings).'),
    );
  return (
    <section class="summary" aria-label="This page">
      <p class="counts">
        {summary.counts.mentions} mentions · {summary.counts.entities} people, organisations and groups ·{' '}
        {summary.counts.claims} claims checked
        {summary.counts.differs ? `, ${summary.counts.differs} where the fact base holds something else` : ''}
      </p>
      <p class="date">
        Article date: {formatDate(summary.published)} <span class="muted">({dateSource(summary.publishedFrom)})</span>
      </p>
      {status ? <p role="status">{status}</p> : null}
      <h2>Mentions</h2>
      <MentionList summary={summary} onPick={pick} />
      <h2>Strike timeline</h2>
      {timeline ? <Timeline items={timeline} date={summary.published} /> : <p class="muted">Loading…</p>}
      <h2>Claims</h2>
      <ClaimList claims={summary.claims} onPick={pick} />
      <h2>Export</h2>
      <div class="exports">
        {FORMATS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            onClick={(e) => e.isTrusted && setStatus(`Saved ${download(format, data)}`)}
          >
            {label}
          </button>
        ))}
      </div>
    </section>
  );
}
