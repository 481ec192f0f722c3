// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PackStatus } from '../../../components/popup/PackStatus.tsx';
import type { Reply, ReplyOf } from '../../../lib/protocol/messages.ts';

type Status = ReplyOf<'status'>;
const status: Status = {
  packs: [
    {
      id: 'nhs-industrial-action',
      name: 'NHS industrial action',
      version: '1.2.0',
      published: '2025-07-01',
      coverage: { from: '2022-06', to: '2025-07' },
      origin: 'bundled',
      entityCount: 120,
      eventCount: 40,
      factCount: 300,
    },
  ],
  entityCount: 120,
  eventCount: 40,
  factCount: 300,
  packVersion: 'nhs-industrial-action@1.2.0',
};

afterEach(cleanup);

describe('PackStatus', () => {
  it('shows each pack with its version and size', async () => {
    render(<PackStatus load={async (): Promise<Reply<Status>> => ({ ok: true, data: status })} />);
    expect(await screen.findByText('NHS industrial action')).toBeTruthy();
    expect(screen.getByText('version 1.2.0')).toBeTruthy();
    expect(screen.getByText(/120 entities, 40 events, 300 facts/)).toBeTruthy();
  });

  it('says so when the background fails', async () => {
    render(
      <PackStatus
        load={async (): Promise<Reply<Status>> => ({ ok: false, error: { code: 'internal', message: 'store closed' } })}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('store closed');
  });

  it('says so when no pack is installed', async () => {
    render(<PackStatus load={async (): Promise<Reply<Status>> => ({ ok: true, data: { ...status, packs: [] } })} />);
    expect(await screen.findByText('No fact pack is installed.')).toBeTruthy();
  });
});
