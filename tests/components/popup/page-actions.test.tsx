// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageActions } from '../../../components/popup/PageActions.tsx';
import { alwaysOnOrigin, isListedHost } from '../../../components/popup/page-actions-client.ts';

afterEach(cleanup);

describe('PageActions', () => {
  it('runs each action and reports the outcome politely', async () => {
    const navigate = vi.fn(async () => null);
    const annotate = vi.fn(async () => 'No permission for this page.');
    const alwaysOn = vi.fn(async () => null);
    render(<PageActions navigate={navigate} annotate={annotate} alwaysOn={alwaysOn} />);
    fireEvent.click(screen.getByText('Step through mentions'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/n and p/));
    fireEvent.click(screen.getByText('Annotate this page'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No permission for this page.'));
    fireEvent.click(screen.getByText('Always on this site'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('On for this site from now on.'));
    expect([navigate, annotate, alwaysOn].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('offers “Annotate this page” only where the page is not annotated yet', () => {
    const props = { navigate: async () => null, annotate: async () => null, alwaysOn: async () => null };
    const { rerender } = render(<PageActions {...props} annotated={true} shortcut="Alt+Shift+K" />);
    expect(screen.queryByText('Annotate this page')).toBeNull();
    expect(screen.queryByText('Always on this site')).toBeNull();
    expect(screen.getByText('Alt+Shift+K').tagName).toBe('KBD');
    rerender(<PageActions {...props} annotated={false} shortcut="Alt+Shift+K" />);
    expect(screen.getByText('Annotate this page')).toBeTruthy();
    expect(screen.queryByText('Step through mentions')).toBeNull();
  });

  it('shows the shortcut the browser bound, and says so when none is', () => {
    render(<PageActions navigate={async () => null} annotate={async () => null} alwaysOn={null} shortcut="" />);
    expect(screen.getByText(/No shortcut set/)).toBeTruthy();
    expect(screen.queryByText(/Alt\+Shift\+N/)).toBeNull();
  });

  it('offers “Always on this site” only where it applies', () => {
    render(<PageActions navigate={async () => null} annotate={async () => null} alwaysOn={null} />);
    expect(screen.queryByText('Always on this site')).toBeNull();
  });
});

describe('alwaysOnOrigin', () => {
  it.each([
    ['https://www.example.org/a/b?c', 'https://www.example.org'],
    ['https://www.bbc.co.uk/news/1', null],
    ['https://bbc.co.uk/', null],
    ['https://notbbc.co.uk/', 'https://notbbc.co.uk'],
    ['http://www.example.org/', null],
    ['chrome://extensions', null],
    [undefined, null],
  ])('%s → %s', (url, expected) => {
    expect(alwaysOnOrigin(url)).toBe(expected);
  });
  it('knows the listed sites', () => {
    expect([isListedHost('news.sky.com'), isListedHost('sky.com'), isListedHost('www.gov.uk')]).toEqual([
      true,
      false,
      true,
    ]);
  });
});

describe('QuickSettings', () => {
  it('pauses everywhere and switches this site off through the background', async () => {
    const { QuickSettings } = await import('../../../components/popup/QuickSettings.tsx');
    const { DEFAULT_SETTINGS } = await import('../../../lib/settings.ts');
    let stored = structuredClone(DEFAULT_SETTINGS);
    const save = vi.fn(async (s: typeof stored) => (stored = s));
    const load = vi.fn(async () => stored);
    render(<QuickSettings load={load} save={save} hostname="www.bbc.co.uk" />);
    fireEvent.click(await screen.findByLabelText('Pause everywhere'));
    await waitFor(() => expect(stored.paused).toBe(true));
    fireEvent.click(screen.getByLabelText('Off on bbc.co.uk'));
    await waitFor(() => expect(stored.disabledSites).toEqual(['bbc.co.uk']));
    fireEvent.click(screen.getByLabelText('Off on bbc.co.uk'));
    await waitFor(() => expect(stored.disabledSites).toEqual([]));
  });
});
