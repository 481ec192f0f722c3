// @vitest-environment happy-dom
/**
 * The options page against a real background (router, handlers, fake-indexeddb store): every reply
 * goes through `parseReply`, as it does in the browser.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Call } from '../../components/options/client.ts';
import { OptionsPage } from '../../components/options/OptionsPage.tsx';
import { hostFrom } from '../../components/options/SitesSection.tsx';
import { parseReply, type CallName } from '../../lib/protocol/messages.ts';
import { makePack, richPack } from '../facts/fixtures.ts';
import { OPTIONS_PAGE, startManageWorker } from '../helpers/manage-worker.ts';

let workers: ReturnType<typeof startManageWorker>[] = [];
afterEach(() => {
  cleanup();
  for (const w of workers) w.close();
  workers = [];
});

function page(view: Parameters<typeof OptionsPage>[0]['view'] = { view: 'main' }) {
  const w = startManageWorker({ bundled: richPack });
  workers.push(w);
  const call = (async (request: { type: CallName }) =>
    parseReply(request.type, await w.route(request, OPTIONS_PAGE))) as Call;
  render(<OptionsPage call={call} view={view} requestHost={async () => true} persisted={true} />);
  return w;
}

/** Choose a file in an `<input type=file>` (happy-dom has no file picker). */
function choose(input: HTMLElement, name: string, text: string) {
  Object.defineProperty(input, 'files', {
    value: [new File([text], name, { type: 'application/json' })],
    configurable: true,
  });
  fireEvent.change(input);
}

describe('options page', () => {
  it('shows the first-run notice when opened at #welcome', async () => {
    page({ view: 'welcome' });
    expect(screen.getByRole('heading', { name: 'Welcome to NHS Context' })).toBeTruthy();
    expect(screen.getByText(/The extension sends nothing to any server/)).toBeTruthy();
  });

  it('lists every JSON path of a refused import', async () => {
    page();
    await screen.findByText('Demo pack');
    const bad = makePack('x', '1.0.0');
    bad.facts[0]!.sources = [];
    (bad.facts[1] as { statement: unknown }).statement = 7;
    choose(screen.getByLabelText(/Import a pack file/), 'bad.json', JSON.stringify(bad));
    const alert = await screen.findByText(/bad.json was not imported/);
    const paths = within(alert.parentElement!)
      .getAllByText(/^\$\./)
      .map((e) => e.textContent);
    expect(paths).toEqual(expect.arrayContaining(['$.facts[0].sources', '$.facts[1].statement']));
  });

  it('imports a valid pack and lists it', async () => {
    page();
    await screen.findByText('Demo pack');
    choose(screen.getByLabelText(/Import a pack file/), 'x.json', JSON.stringify(makePack('x', '1.0.0')));
    expect(await screen.findByText(/Imported Pack x version 1.0.0: entities: 3 added/)).toBeTruthy();
    expect(await screen.findByText('Pack x')).toBeTruthy();
  });

  it('refuses an own fact without a source next to the field, then saves it with one', async () => {
    page();
    const form = await screen.findByRole('form', { name: 'Add a fact' });
    const f = within(form);
    fireEvent.change(f.getByLabelText('About'), { target: { value: 'bma' } });
    fireEvent.input(f.getByLabelText(/What it says/), { target: { value: 'Balloted again.' } });
    fireEvent.input(f.getByLabelText(/^Date/), { target: { value: '2025-02' } });
    fireEvent.click(f.getByRole('button', { name: 'Add fact' }));
    const source = f.getByLabelText(/Source URL/);
    await waitFor(() => expect(source.getAttribute('aria-invalid')).toBe('true'));
    expect(f.getByText(/A source URL is required/)).toBeTruthy();

    fireEvent.input(source, { target: { value: 'https://example.org/ballot' } });
    fireEvent.click(f.getByRole('button', { name: 'Add fact' }));
    expect(await screen.findByText(/Balloted again\./, { selector: '.own-facts li' })).toBeTruthy();
  });

  it('gives an own fact the tier of its site, weak for an unknown one, or the tier the reader chose', async () => {
    page();
    const form = await screen.findByRole('form', { name: 'Add a fact' });
    const f = within(form);
    const add = async (statement: string, url: string, tier?: string) => {
      fireEvent.change(f.getByLabelText('About'), { target: { value: 'bma' } });
      fireEvent.input(f.getByLabelText(/What it says/), { target: { value: statement } });
      fireEvent.input(f.getByLabelText(/^Date/), { target: { value: '2025-02' } });
      fireEvent.input(f.getByLabelText(/Source URL/), { target: { value: url } });
      if (tier) fireEvent.change(f.getByLabelText(/How reliable is the source/), { target: { value: tier } });
      fireEvent.click(f.getByRole('button', { name: 'Add fact' }));
      return screen.findByText(new RegExp(statement), { selector: '.own-facts li' });
    };
    expect((await add('Reported by the BBC.', 'https://www.bbc.co.uk/news/1')).textContent).toContain('(press)');
    expect((await add('Seen on a blog.', 'https://a-blog.example/post')).textContent).toContain('(weak source)');
    expect((await add('The union said so.', 'https://a-union.example/news', 'primary')).textContent).toContain(
      '(primary)',
    );
  });

  it('searches from #search=, flags a fact, and lists the flag', async () => {
    page({ view: 'search', query: 'resident doctors strike' });
    const hit = await screen.findByRole('article', { name: 'Resident doctors strike' });
    const row = within(hit)
      .getAllByText(/Turnout was 77.5%/)[0]!
      .closest('li')!;
    // its sources best first, each with its tier
    expect(row.textContent).toMatch(/Example \(press, 2023-01-02\)/);
    fireEvent.click(within(row).getByRole('button', { name: 'Flag as wrong' }));
    fireEvent.input(within(row).getByLabelText(/Why is it wrong/), { target: { value: 'It was 78%' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Save flag' }));
    const flags = await screen.findByRole('region', { name: 'Flags' });
    await waitFor(() => expect(within(flags).getByText('It was 78%')).toBeTruthy());
  });

  it('turns keeping annotations on and off (off by default)', async () => {
    const w = page();
    const box = (await screen.findByLabelText(/Keep the annotations/)) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(async () => expect((await w.settings.load()).keepAnnotations).toBe(true));
  });

  it('switches a site off from a URL or a host name', () => {
    expect(hostFrom('https://www.dailymail.co.uk/news/x')).toBe('dailymail.co.uk');
    expect(hostFrom('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(hostFrom('not a host!')).toBeNull();
  });
});

describe('the subject picker', () => {
  it('narrows the subjects to those matching every word typed, keeping the current choice', async () => {
    const { filterSubjects } = await import('../../components/options/OwnForms.tsx');
    const subjects = [
      { id: 'steve-barclay', name: 'Steve Barclay', kind: 'person' },
      { id: 'bma', name: 'British Medical Association', kind: 'organisation' },
      { id: 'bma-consultants-committee', name: 'BMA consultants committee', kind: 'organisation' },
      { id: 'consultants', name: 'Consultants', kind: 'staff-group' },
    ];
    expect(filterSubjects(subjects, 'barc', '').map((s) => s.id)).toEqual(['steve-barclay']);
    expect(filterSubjects(subjects, 'consultants committee', '').map((s) => s.id)).toEqual([
      'bma-consultants-committee',
    ]);
    expect(filterSubjects(subjects, 'staff', 'bma').map((s) => s.id)).toEqual(['bma', 'consultants']);
    expect(filterSubjects(subjects, '  ', 'bma')).toHaveLength(4);
  });
});
