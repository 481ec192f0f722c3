/**
 * The strike timeline for the popup: one row per staff group, a bar per strike, a line at the
 * article's date. An SVG of our own (no chart library), with the same facts as a list for screen
 * readers.
 */
import type { TimelineItem } from '../../lib/protocol/messages.ts';
import { dayNumber, distanceFromArticle, formatDate } from '../../lib/util/dates.ts';

const WIDTH = 320;
const ROW = 22;
const LABEL = 96;
const PAD = 8;

export interface TimelineProps {
  items: TimelineItem[];
  /** The article's date (ISO). */
  date: string;
}

/** x position of a day within [lo, hi] mapped onto the plot area. */
function scale(lo: number, hi: number) {
  const span = Math.max(1, hi - lo);
  return (day: number) => LABEL + ((day - lo) / span) * (WIDTH - LABEL - PAD);
}

export function Timeline({ items, date }: TimelineProps) {
  if (items.length === 0)
    return <p class="empty">No strikes in the fact base for the staff groups this page mentions.</p>;
  const groups = [...new Map(items.map((i) => [i.group, i.groupName])).entries()];
  const days = items.flatMap((i) => [dayNumber(i.start), dayNumber(i.end)]).concat(dayNumber(date));
  const lo = Math.min(...days) - 7;
  const hi = Math.max(...days) + 7;
  const x = scale(lo, hi);
  const height = groups.length * ROW + 30;
  const at = x(dayNumber(date));
  return (
    <figure class="timeline">
      <svg width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="timeline-title">
        <title id="timeline-title">
          Strikes of the staff groups on this page, with the article's date ({formatDate(date)}) marked
        </title>
        {groups.map(([id, name], row) => (
          <g key={id}>
            <text x={0} y={row * ROW + 15} class="tl-label">
              {name.length > 16 ? `${name.slice(0, 15)}…` : name}
            </text>
            {items
              .filter((i) => i.group === id)
              .map((i) => {
                const x1 = x(dayNumber(i.start));
                const w = Math.max(3, x(dayNumber(i.end) + 1) - x1);
                return (
                  <rect
                    key={i.id}
                    x={x1}
                    y={row * ROW + 4}
                    width={w}
                    height={ROW - 8}
                    rx={2}
                    class={i.status ? 'tl-bar tl-called-off' : 'tl-bar'}
                  >
                    <title>{`${i.title}: ${formatDate(i.start)} to ${formatDate(i.end)}${i.status ? ` (${i.status})` : ''}`}</title>
                  </rect>
                );
              })}
          </g>
        ))}
        <line x1={at} x2={at} y1={0} y2={groups.length * ROW + 4} class="tl-today" />
        <text x={Math.min(at, WIDTH - 70)} y={groups.length * ROW + 20} class="tl-label">
          this article
        </text>
      </svg>
      <figcaption>
        <ul class="visually-hidden">
          {items.map((i) => (
            <li key={`${i.group}-${i.id}`}>
              {`${i.groupName}: ${i.title}, ${formatDate(i.start)} to ${formatDate(i.end)} (${distanceFromArticle(i.start, date).text})${i.status ? `, ${i.status}` : ''}`}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
