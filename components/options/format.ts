/** Small text formatters for the options page (pure). */
import type { ReplyOf } from '../../lib/protocol/messages.ts';

type Changes = Extract<ReplyOf<'importPackFile'>, { ok: true }>['changes'];

/** "3 Mar 2025, 09:00" for an ISO timestamp, in the reader's locale and time zone; "never" when absent. */
export function when(iso: string | undefined): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "facts: 4 added, 1 changed; entities: 1 removed", or "no changes". */
export function describeChanges(changes: Changes): string {
  const parts: string[] = [];
  for (const kind of ['entities', 'events', 'facts'] as const) {
    const { added, changed, removed } = changes[kind].counts;
    const bits = [added && `${added} added`, changed && `${changed} changed`, removed && `${removed} removed`].filter(
      Boolean,
    );
    if (bits.length > 0) parts.push(`${kind}: ${bits.join(', ')}`);
  }
  return parts.length > 0 ? parts.join('; ') : 'no changes';
}

/** "1 item" / "3 items". */
export function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
