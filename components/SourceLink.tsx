/**
 * One source as every view shows it (card, popup): the publisher with its tier ("BMA · primary",
 * "upday (PA) · copy of a PA story"), a link only for http(s) URLs, the source's date on hover.
 */
import type { SourceRef } from '../lib/protocol/annotations.ts';
import { tierLabel } from '../lib/sources/tiers.ts';
import { formatDate } from '../lib/util/dates.ts';
import { safeHref } from '../lib/util/urls.ts';

export function SourceLink({ source }: { source: SourceRef }) {
  const href = safeHref(source.url);
  const label = `${source.publisher} · ${tierLabel(source)}`;
  const title = source.published ? `${source.publisher}, ${formatDate(source.published)}` : undefined;
  if (!href) return <span class="source">{label}</span>;
  return (
    <a class="source" href={href} target="_blank" rel="noopener noreferrer" title={title}>
      {label}
    </a>
  );
}
