/**
 * What the last update of a pack changed (the bundled pack after an extension update): counts of
 * added, changed and removed records by kind, and the records themselves behind a disclosure.
 */
import { Fragment } from 'preact';
import type { PackSummary } from '../../lib/protocol/messages.ts';
import { describeChanges, when } from './format.ts';

type Update = NonNullable<PackSummary['update']>;

const KINDS = ['entities', 'events', 'facts'] as const;
const WHAT = ['added', 'changed', 'removed'] as const;

/** "Updated from version 1.0.0 on 4 Dec 2026: entities: 8 added, …" and the ids by kind. */
export function PackUpdate({ update }: { update: Update }) {
  const { changes } = update;
  const rows = KINDS.flatMap((kind) =>
    WHAT.filter((what) => changes[kind].counts[what] > 0).map((what) => ({
      kind,
      what,
      ids: changes[kind][what],
      count: changes[kind].counts[what],
    })),
  );
  return (
    <div class="pack-update">
      Updated from version {update.fromVersion} on {when(update.at)}: {describeChanges(changes)}.
      {rows.length > 0 ? (
        <details>
          <summary>What changed</summary>
          <dl>
            {rows.map((r) => (
              <Fragment key={`${r.kind}-${r.what}`}>
                <dt>
                  {r.kind[0]!.toUpperCase() + r.kind.slice(1)} {r.what} ({r.count})
                </dt>
                <dd>
                  {r.ids.join(', ')}
                  {r.count > r.ids.length ? `, and ${r.count - r.ids.length} more` : ''}
                </dd>
              </Fragment>
            ))}
          </dl>
        </details>
      ) : null}
    </div>
  );
}
