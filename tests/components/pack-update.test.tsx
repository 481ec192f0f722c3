// @vitest-environment happy-dom
/** The Packs section's note on what the last update of a pack changed. */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PackUpdate } from '../../components/options/PackUpdate.tsx';

afterEach(cleanup);

const list = (added: string[], changed: string[], removed: string[], extra = 0) => ({
  added,
  changed,
  removed,
  counts: { added: added.length + extra, changed: changed.length, removed: removed.length },
});

describe('PackUpdate', () => {
  it('says from which version, and what was added, changed and removed by kind', () => {
    render(
      <PackUpdate
        update={{
          fromVersion: '1.0.0',
          at: '2026-12-04T09:00:00.000Z',
          changes: {
            entities: list(['james-murray'], [], [], 7),
            events: list(['strike-2026-06'], ['consultants-strike-2023-08'], []),
            facts: list([], [], ['old-fact']),
          },
        }}
      />,
    );
    expect(document.body.textContent).toContain('Updated from version 1.0.0');
    expect(document.body.textContent).toContain('entities: 8 added; events: 1 added, 1 changed; facts: 1 removed');
    expect(screen.getByText('Entities added (8)').nextSibling?.textContent).toBe('james-murray, and 7 more');
    expect(screen.getByText('Events changed (1)').nextSibling?.textContent).toBe('consultants-strike-2023-08');
    expect(screen.getByText('Facts removed (1)').nextSibling?.textContent).toBe('old-fact');
    expect(screen.queryByText(/Facts added/)).toBeNull();
  });
});
