// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { AnnotateResult, Annotation } from '../../lib/protocol/annotations.ts';
import type { PageText } from '../../lib/protocol/page-text.ts';
import type { Reply } from '../../lib/protocol/messages.ts';
import { createAnnotator, type Backend } from '../../lib/page/annotator.ts';
import type { Painter } from '../../lib/page/highlight.ts';
import type { MentionKind } from '../../lib/page/mentions.ts';
import type { ContentSettings } from '../../lib/settings.ts';
import { setBody } from '../helpers/dom.ts';

const seed = readFileSync(join(import.meta.dirname, '../fixtures/seed-article.html'), 'utf8');
const body = seed.slice(seed.indexOf('<body>') + 6, seed.indexOf('</body>')).replace(/<script>[^<]*<\/script>/g, '');

/** Entity annotations for every occurrence of `names` in the extracted text. */
function fakeResult(page: PageText, names: string[]): AnnotateResult {
  const annotations: Annotation[] = [];
  for (const name of names) {
    for (let at = page.text.indexOf(name); at >= 0; at = page.text.indexOf(name, at + 1)) {
      const id = name.toLowerCase().replace(/\W+/g, '-');
      annotations.push({
        id: `e-${at}`,
        start: at,
        end: at + name.length,
        exact: name,
        kind: 'entity',
        score: 1,
        entity: { id, name, kind: 'person', sameAs: [] },
      });
    }
  }
  return {
    page: {
      url: page.url,
      title: page.title,
      published: page.published ?? '2023-08-24',
      publishedFrom: page.publishedFrom,
      packVersion: 'p@1',
    },
    annotations,
    cards: [],
    claims: [],
  };
}

const settings: ContentSettings = {
  enabled: true,
  markAll: false,
  kinds: { entity: true, event: true, claim: true },
  hiddenIds: [],
};

function setup(names = ['Steve Barclay', 'Wes Streeting']) {
  setBody(body);
  const painted: Record<MentionKind, Range[]>[] = [];
  const painter: Painter = {
    paint: (r) => void painted.push(r),
    setCurrent: vi.fn(),
    remove: vi.fn(),
    styleRoots: vi.fn(),
    clear: vi.fn(),
    destroy: vi.fn(),
  };
  const backend = {
    annotate: vi.fn(async (page: PageText): Promise<Reply<AnnotateResult>> => ({
      ok: true,
      data: fakeResult(page, names),
    })),
    lookup: vi.fn(),
    contentSettings: vi.fn(async (): Promise<Reply<ContentSettings>> => ({ ok: true, data: settings })),
    hideOnSite: vi.fn(),
    setBadge: vi.fn(async () => ({})),
  };
  const updates: unknown[] = [];
  const annotator = createAnnotator({
    doc: document,
    backend: backend as unknown as Backend,
    painter,
    onUpdate: (s) => updates.push(s),
  });
  return { annotator, backend, painted, painter, updates };
}

describe('createAnnotator', () => {
  it('extracts, asks, and paints ranges that cover the mentions’ own text', async () => {
    const { annotator, painted, backend } = setup();
    await annotator.run();
    expect(backend.annotate).toHaveBeenCalledTimes(1);
    const ranges = painted.at(-1)!.entity;
    // Barclay is named in two paragraphs: by default only his first mention in the article is marked.
    expect(ranges.map((r) => r.toString())).toEqual(['Wes Streeting', 'Steve Barclay']);
    expect(backend.setBadge).toHaveBeenLastCalledWith(2);
    expect(annotator.timings).toMatchObject({ mentions: 2, textLength: expect.any(Number) });
  });

  it('does nothing more when the page changed outside the article', async () => {
    const { annotator, backend, painted } = setup();
    await annotator.run();
    document.querySelector('aside')!.append(document.createElement('p'));
    await annotator.run();
    expect(backend.annotate).toHaveBeenCalledTimes(1);
    expect(painted).toHaveLength(1);
  });

  it('re-anchors without asking again when the same text comes back in new nodes', async () => {
    const { annotator, backend, painted } = setup();
    await annotator.run();
    const article = document.querySelector('article')!;
    article.replaceWith(article.cloneNode(true));
    await annotator.run();
    expect(backend.annotate).toHaveBeenCalledTimes(1);
    expect(painted).toHaveLength(2);
    expect(painted[1]!.entity.every((r) => document.querySelector('article')!.contains(r.startContainer))).toBe(true);
  });

  it('asks again when the article text changed', async () => {
    const { annotator, backend } = setup();
    await annotator.run();
    document.querySelector('article .standfirst')!.append(' Steve Barclay said more.');
    await annotator.run();
    expect(backend.annotate).toHaveBeenCalledTimes(2);
  });

  it('drops the highlights on text the page edited at once, and paints them again if the text comes back', async () => {
    const { annotator, painter, updates } = setup();
    await annotator.run();
    const barclay = annotator.state!.ranges.get(annotator.state!.mentions.find((m) => m.name === 'Steve Barclay')!.id)!;
    const edited = barclay.startContainer as Text;
    const others = annotator.state!.mentions.filter((m) => {
      const r = annotator.state!.ranges.get(m.id)!;
      return !r.intersectsNode(edited);
    });
    const remove = vi.spyOn(painter, 'remove');
    const before = updates.length;
    annotator.forget(new Set([edited]));
    expect(remove).toHaveBeenCalledTimes(1);
    expect(remove.mock.calls[0]![0]).toContain(barclay);
    expect(annotator.state!.mentions.map((m) => m.id)).toEqual(others.map((m) => m.id));
    expect(updates.length).toBe(before + 1);
    // A node that is not part of the article changes nothing.
    annotator.forget(new Set([document.createTextNode('x')]));
    expect(remove).toHaveBeenCalledTimes(1);
    // The same text read again (the edit was undone) is painted again, not skipped as unchanged.
    await annotator.run();
    expect(annotator.state!.mentions.length).toBe(others.length + 1);
  });

  it('lets a newer run win over a slower older one', async () => {
    const { annotator, backend, painted } = setup();
    let release!: () => void;
    backend.annotate.mockImplementationOnce(
      (page) =>
        new Promise((resolve) => (release = () => resolve({ ok: true, data: fakeResult(page, ['Rishi Sunak']) }))),
    );
    const first = annotator.run();
    await vi.waitFor(() => expect(backend.annotate).toHaveBeenCalledTimes(1));
    document.querySelector('article .standfirst')!.append(' More text.');
    await annotator.run();
    release();
    await first;
    expect(painted.at(-1)!.entity.map((r) => r.toString())).toContain('Steve Barclay');
    expect(annotator.state!.mentions.some((m) => m.name === 'Rishi Sunak')).toBe(false);
  });

  it('clears everything when the site is switched off', async () => {
    const { annotator, backend, painter, updates } = setup();
    await annotator.run();
    backend.contentSettings.mockResolvedValueOnce({ ok: true, data: { ...settings, enabled: false } });
    await annotator.run({ rereadSettings: true });
    expect(painter.clear).toHaveBeenCalled();
    expect(annotator.state).toBeNull();
    expect(updates.at(-1)).toBeNull();
    expect(backend.setBadge).toHaveBeenLastCalledWith(0);
  });

  it('repaints without hidden entities, without asking the background again', async () => {
    const { annotator, backend } = setup();
    await annotator.run();
    annotator.reselect({ ...settings, hiddenIds: ['steve-barclay'] });
    expect(annotator.state!.mentions.map((m) => m.name)).toEqual(['Wes Streeting']);
    expect(backend.annotate).toHaveBeenCalledTimes(1);
  });
});
