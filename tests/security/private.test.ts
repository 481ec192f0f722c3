/**
 * What a page can learn is which words get highlighted (SECURITY.md): so an own entity marked
 * private is never highlighted, and a content script gets no card for it — by name, alias or id.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SENDERS, startSpiedWorker } from './worker.ts';

let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
});

const popup = SENDERS['extension page'][0];
const tab = SENDERS['content script'][0];

describe('private own entities stay out of pages', () => {
  it('are never highlighted, and never given to a content script by name, alias or id', async () => {
    const w = startSpiedWorker();
    stops.push(w.stop);
    const saved = await w.route(
      {
        type: 'saveOwnEntity',
        entity: {
          name: 'Secret Source',
          kind: 'person',
          aliases: ['Deep Throat'],
          description: 'A source.',
          private: true,
        },
      },
      popup,
    );
    expect(saved).toMatchObject({ ok: true, data: { ok: true } });
    const id = (saved as { data: { id: string } }).data.id;

    const text = 'Secret Source and Deep Throat told the BMA about the strike.';
    const page = {
      url: 'https://www.bbc.co.uk/news/1',
      title: '',
      publishedFrom: 'none',
      text,
      blocks: [[0, text.length]],
    };
    const annotated = await w.route({ type: 'annotate', page }, tab);
    expect(annotated.ok).toBe(true);
    const data = (
      annotated as { data: { annotations: { exact: string; entity?: { id: string } }[]; cards: { id: string }[] } }
    ).data;
    expect(data.annotations.map((a) => a.exact)).not.toContain('Secret Source');
    expect(data.annotations.map((a) => a.exact)).not.toContain('Deep Throat');
    expect(data.annotations.some((a) => a.entity?.id === id)).toBe(false);
    expect(data.cards.some((c) => c.id === id)).toBe(false);

    for (const query of ['Secret Source', 'deep throat', id]) {
      expect(await w.route({ type: 'lookup', query }, tab), query).toEqual({ ok: true, data: { card: null } });
    }
  });
});
