import { afterEach, describe, expect, it } from 'vitest';
import type { PageText } from '../../lib/protocol/page-text.ts';
import { keptView } from '../../lib/background/kept.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { richPack } from '../facts/fixtures.ts';
import { CONTENT_SCRIPT, OPTIONS_PAGE, startManageWorker } from '../helpers/manage-worker.ts';

let workers: ReturnType<typeof startManageWorker>[] = [];
afterEach(() => {
  for (const w of workers) w.close();
  workers = [];
});
function worker() {
  const w = startManageWorker({ bundled: richPack });
  workers.push(w);
  return w;
}

const text = "The BMA said Jo Bloggs would lead the junior doctors' strike.";
function page(url: string, title = 'Doctors strike'): PageText {
  return { url, title, published: '2023-03-10', publishedFrom: 'meta', text, blocks: [[0, text.length]] };
}
const keepOn = { ...DEFAULT_SETTINGS, keepAnnotations: true };

describe('kept annotations', () => {
  it('keeps nothing while the setting is off (the default)', async () => {
    const w = worker();
    await w.fromPage({ type: 'annotate', page: page('https://www.bbc.co.uk/news/1') });
    expect((await w.call({ type: 'keptList' })).items).toEqual([]);
    expect((await w.settings.load()).keepAnnotations).toBe(false);
  });

  it('keeps an annotated article once turned on, one row per URL', async () => {
    const w = worker();
    await w.settings.save(keepOn);
    const result = await w.fromPage({ type: 'annotate', page: page('https://www.bbc.co.uk/news/1') });
    expect(result.annotations.length).toBeGreaterThan(0);
    await w.fromPage({ type: 'annotate', page: page('https://www.bbc.co.uk/news/1', 'Doctors strike (updated)') });
    w.setNow('2025-07-26T08:00:00Z');
    await w.fromPage({ type: 'annotate', page: page('https://www.theguardian.com/2', 'Nurses') });
    const { items } = await w.call({ type: 'keptList' });
    expect(items.map((i) => i.title)).toEqual(['Nurses', 'Doctors strike (updated)']);
    expect(items[1]).toMatchObject({
      url: 'https://www.bbc.co.uk/news/1',
      date: '2023-03-10',
      packVersion: 'demo@1.0.0',
      count: result.annotations.length + result.claims.length,
    });
  });

  it('keeps nothing from an extension page or a private window', async () => {
    const w = worker();
    await w.settings.save(keepOn);
    await w.route({ type: 'annotate', page: page('https://www.bbc.co.uk/news/1') }, OPTIONS_PAGE);
    await w.fromPage(
      { type: 'annotate', page: page('https://www.bbc.co.uk/news/2') },
      { ...CONTENT_SCRIPT, tab: { id: 3, incognito: true } },
    );
    expect((await w.call({ type: 'keptList' })).items).toEqual([]);
  });

  it('searches, exports in every format and deletes one or all', async () => {
    const w = worker();
    await w.settings.save(keepOn);
    await w.fromPage({ type: 'annotate', page: page('https://www.bbc.co.uk/news/1', 'Doctors strike') });
    await w.fromPage({ type: 'annotate', page: page('https://www.theguardian.com/2', 'Nurses') });
    expect((await w.call({ type: 'keptList', query: 'guardian' })).items.map((i) => i.title)).toEqual(['Nurses']);
    expect((await w.call({ type: 'keptList', query: 'british medical' })).items).toHaveLength(2);

    const csv = await w.call({ type: 'keptExport', format: 'csv' });
    expect(csv.fileName).toBe('nhs-context-kept_2025-07-25.csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines.filter((l) => l.startsWith(lines[0]!.slice(0, 20)))).toHaveLength(1); // one header
    const w3c = JSON.parse((await w.call({ type: 'keptExport', format: 'w3c' })).text) as { type: string }[];
    expect(w3c.map((c) => c.type)).toEqual(['AnnotationCollection', 'AnnotationCollection']);
    expect(JSON.parse((await w.call({ type: 'keptExport', format: 'hypothesis' })).text)).toHaveLength(2);
    expect((await w.call({ type: 'keptExport', format: 'md' })).text).toContain('---');
    const records = JSON.parse((await w.call({ type: 'keptExport', format: 'json' })).text) as {
      url: string;
      text: string;
    }[];
    expect(records.map((r) => r.url)).toEqual(['https://www.bbc.co.uk/news/1', 'https://www.theguardian.com/2']);
    expect(records[0]!.text).toBe(text);

    const [first] = (await w.call({ type: 'keptList' })).items;
    expect(await w.call({ type: 'keptDelete', id: first!.id })).toEqual({ deleted: 1 });
    expect(await w.call({ type: 'keptDelete' })).toEqual({ deleted: 1 });
    expect((await w.call({ type: 'keptList' })).items).toEqual([]);
  });

  it('reads rows written in the version 1 shape (one annotation per row)', () => {
    const annotation = { id: 'a1', start: 0, end: 3, exact: 'BMA', kind: 'entity' as const, score: 1 };
    expect(
      keptView({ id: 4, url: 'https://x.example/1', annotation, createdAt: '2025-01-01T00:00:00Z' }),
    ).toMatchObject({
      id: 4,
      date: '2025-01-01',
      annotations: [annotation],
      claims: [],
      text: '',
    });
  });
});
