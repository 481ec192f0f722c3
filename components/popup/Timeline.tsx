/**
 * The popup's timeline: one row per staff group or union the page mentions, its strikes as bars
 * and its ballots, offers, awards, agreements and meetings as marks of their own shape, a date
 * axis, and a line at the article's date. An SVG of our own (no chart library). Every mark is
 * focusable; hovering or focusing one shows its details under the chart (a polite live region),
 * so the chart is readable by pointer, keyboard and screen reader without a second list.
 */
import { useState } from 'preact/hooks';
import type { TimelineItem } from '../../lib/protocol/messages.ts';
import { SourceLink } from '../SourceLink.tsx';
import { dayNumber, distanceFromArticle, formatDate, fromDayNumber } from '../../lib/util/dates.ts';

const WIDTH = 360;
const ROW = 26;
const LABEL = 104;
const PAD = 10;
const TOP = 16;
const AXIS = 22;

export interface TimelineProps {
  items: TimelineItem[];
  /** The article's date (ISO). */
  date: string;
}

type TimelineKind = TimelineItem['kind'];

export const KIND_LABEL: Record<TimelineKind, string> = {
  strike: 'Strike',
  ballot: 'Ballot',
  'pay-offer': 'Pay offer',
  'pay-award': 'Pay award',
  agreement: 'Agreement',
  meeting: 'Meeting',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** x position of a day within [lo, hi] mapped onto the plot area. */
function scale(lo: number, hi: number) {
  const span = Math.max(1, hi - lo);
  return (day: number) => LABEL + ((day - lo) / span) * (WIDTH - LABEL - PAD);
}

/** First days of months between two day numbers, every `step` months. */
function monthTicks(lo: number, hi: number): { day: number; label: string }[] {
  const first = fromDayNumber(lo);
  const months = Math.max(1, Math.round((hi - lo) / 30.4));
  const step = months > 18 ? 6 : months > 8 ? 3 : months > 4 ? 2 : 1;
  const out: { day: number; label: string }[] = [];
  // m counts months from 0 (January), starting with the month after the first day's.
  for (let y = Number(first.slice(0, 4)), m = Number(first.slice(5, 7)); ; m++) {
    if (m > 11) {
      y++;
      m = 0;
    }
    const day = dayNumber(`${y}-${String(m + 1).padStart(2, '0')}-01`);
    if (day > hi) break;
    if (m % step === 0)
      out.push({ day, label: m === 0 ? String(y) : `${MONTHS[m]}${out.length === 0 ? ` ${y}` : ''}` });
  }
  return out;
}

/** One line about an item: what, who, when, and how far from the article. */
export function describeItem(i: TimelineItem, date: string): string {
  const when = i.start === i.end ? formatDate(i.start) : `${formatDate(i.start)} to ${formatDate(i.end)}`;
  const dist = distanceFromArticle(i.start, date).text;
  return `${KIND_LABEL[i.kind]}, ${i.groupName}: ${i.title}, ${when}${dist ? ` (${dist})` : ''}${i.status ? `, ${i.status}` : ''}`;
}

function Mark({ item, x, y }: { item: TimelineItem; x: (d: number) => number; y: number }) {
  const x1 = x(dayNumber(item.start));
  const mid = y + ROW / 2 - 4;
  const cls = `tl-mark tl-${item.kind}${item.status ? ' tl-called-off' : ''}`;
  if (item.kind === 'strike') {
    const w = Math.max(4, x(dayNumber(item.end) + 1) - x1);
    return <rect class={`${cls} tl-bar`} x={x1} y={y + 5} width={w} height={ROW - 14} rx={2} />;
  }
  const r = 5;
  if (item.kind === 'meeting') return <circle class={cls} cx={x1} cy={mid} r={r} />;
  if (item.kind === 'pay-offer')
    return <path class={cls} d={`M${x1} ${mid - r - 1}l${r + 1} ${r + 1}l${-r - 1} ${r + 1}l${-r - 1} ${-r - 1}z`} />;
  if (item.kind === 'pay-award' || item.kind === 'agreement')
    return <path class={cls} d={`M${x1} ${mid - r - 1}l${r + 1} ${2 * r + 1}h${-2 * r - 2}z`} />;
  return <rect class={cls} x={x1 - r + 1} y={mid - r + 1} width={2 * r - 2} height={2 * r - 2} />;
}

export function Timeline({ items, date }: TimelineProps) {
  const [selected, setSelected] = useState<string | null>(null);
  if (items.length === 0)
    return <p class="empty">No strikes, ballots, offers or meetings in the fact base for the groups on this page.</p>;
  const groups = [...new Map(items.map((i) => [i.group, i.groupName])).entries()];
  const days = items.flatMap((i) => [dayNumber(i.start), dayNumber(i.end)]).concat(dayNumber(date));
  const lo = Math.min(...days) - 10;
  const hi = Math.max(...days) + 10;
  const x = scale(lo, hi);
  const plotBottom = TOP + groups.length * ROW;
  const height = plotBottom + AXIS;
  const at = x(dayNumber(date));
  const article = dayNumber(date);
  const nearest = [...items].sort(
    (a, b) => Math.abs(dayNumber(a.start) - article) - Math.abs(dayNumber(b.start) - article),
  )[0]!;
  const shown = items.find((i) => `${i.group}|${i.id}` === selected) ?? nearest;
  const kinds = [...new Set(items.map((i) => i.kind))];
  return (
    <figure class="timeline">
      <svg
        width={WIDTH}
        height={height}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="group"
        aria-labelledby="timeline-title"
      >
        <title id="timeline-title">
          Strikes, ballots, offers and meetings of the groups on this page, with the article's date ({formatDate(date)})
          marked
        </title>
        {monthTicks(lo, hi).map((t) => (
          <g key={t.day} aria-hidden="true">
            <line x1={x(t.day)} x2={x(t.day)} y1={TOP} y2={plotBottom + 4} class="tl-grid" />
            <text x={x(t.day)} y={plotBottom + 16} class="tl-tick" text-anchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        <line x1={at} x2={at} y1={TOP - 4} y2={plotBottom} class="tl-today" aria-hidden="true" />
        <text
          x={Math.min(Math.max(at, LABEL + 30), WIDTH - 36)}
          y={TOP - 6}
          class="tl-today-label"
          text-anchor="middle"
          aria-hidden="true"
        >
          this article
        </text>
        {groups.map(([id, name], row) => (
          <g key={id}>
            <text x={0} y={TOP + row * ROW + ROW / 2} class="tl-label" aria-hidden="true">
              {name.length > 17 ? `${name.slice(0, 16)}…` : name}
            </text>
            {items
              .filter((i) => i.group === id)
              .map((i) => {
                const key = `${i.group}|${i.id}`;
                return (
                  <g
                    key={key}
                    class={key === `${shown.group}|${shown.id}` ? 'tl-item tl-selected' : 'tl-item'}
                    tabIndex={0}
                    role="button"
                    aria-label={describeItem(i, date)}
                    onMouseEnter={() => setSelected(key)}
                    onFocus={() => setSelected(key)}
                    onClick={() => setSelected(key)}
                  >
                    <Mark item={i} x={x} y={TOP + row * ROW} />
                  </g>
                );
              })}
          </g>
        ))}
      </svg>
      <figcaption>
        <p class="tl-detail" aria-live="polite">
          {describeItem(shown, date)}
          {shown.source ? (
            <span class="tl-source">
              Source: <SourceLink source={shown.source} />
            </span>
          ) : null}
        </p>
        <ul class="tl-legend" aria-label="Legend">
          {kinds.map((k) => (
            <li key={k}>
              <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                <Mark
                  item={{ ...shown, kind: k, status: null, start: shown.start, end: shown.start }}
                  x={() => 7}
                  y={-1}
                />
              </svg>
              {KIND_LABEL[k]}
            </li>
          ))}
          <li>
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
              <line x1="7" x2="7" y1="0" y2="14" class="tl-today" />
            </svg>
            This article
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
