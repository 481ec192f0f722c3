// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Card } from '../../lib/protocol/annotations.ts';
import type { Annotated } from '../../lib/page/annotator.ts';
import { createCardController } from '../../lib/page/card-controller.tsx';
import { HOST_TAG } from '../../lib/page/host.ts';
import type { Mention } from '../../lib/page/mentions.ts';
import { setBody } from '../helpers/dom.ts';

const card: Card = {
  id: 'steve-barclay',
  name: 'Steve Barclay',
  kind: 'person',
  description: '',
  sameAs: [],
  roleOnDate: 'Secretary of State for Health and Social Care',
  roleNow: null,
  termNote: null,
  facts: [],
  sources: [],
  coverageNotice: null,
};

function setup(cards: Card[] = [card]) {
  setBody('<button id="before">before</button><p id="p">Steve Barclay said</p>');
  const text = document.getElementById('p')!.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 13);
  const mention: Mention = {
    id: 'm1',
    kind: 'entity',
    start: 0,
    end: 13,
    targetId: 'steve-barclay',
    name: 'Steve Barclay',
    annotation: {} as Mention['annotation'],
  };
  const state = {
    page: { url: 'https://www.bbc.co.uk/news/1', title: 'T', publishedFrom: 'json-ld', text: '', blocks: [] },
    result: {
      page: { url: '', title: 'T', published: '2023-08-24', publishedFrom: 'json-ld', packVersion: '' },
      annotations: [],
      cards,
      claims: [],
    },
    mentions: [mention],
    ranges: new Map([['m1', range]]),
  } as unknown as Annotated;
  const backend = {
    lookup: vi.fn(async () => ({ ok: true as const, data: { card } })),
    hideOnSite: vi.fn(async () => ({ ok: true as const, data: { hiddenIds: ['steve-barclay'] } })),
  };
  const controller = createCardController({
    doc: document,
    getState: () => state,
    backend,
    setTimer: (fn, ms) => setTimeout(fn, ms) as unknown as number,
    clearTimer: (id) => clearTimeout(id),
    copy: vi.fn(async () => {}),
    onHidden: vi.fn(),
  });
  return { controller, mention, backend };
}

describe('createCardController', () => {
  it('creates its host only when a card first opens, and removes it on destroy', async () => {
    const { controller, mention } = setup();
    expect(document.querySelector(HOST_TAG)).toBeNull();
    await controller.show(mention, 'keyboard');
    expect(controller.openMention).toBe(mention);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    controller.destroy();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('uses the annotate result’s card, and asks the background as of the article’s date otherwise', async () => {
    const known = setup();
    await known.controller.show(known.mention, 'keyboard');
    expect(known.backend.lookup).not.toHaveBeenCalled();
    known.controller.destroy();
    const unknown = setup([]);
    await unknown.controller.show(unknown.mention, 'keyboard');
    expect(unknown.backend.lookup).toHaveBeenCalledWith('steve-barclay', '2023-08-24');
    expect(unknown.controller.openMention).toBe(unknown.mention);
    unknown.controller.destroy();
  });

  it('pins by moving focus into the card, and gives it back on close', async () => {
    const { controller, mention } = setup();
    const before = document.getElementById('before')!;
    before.focus();
    await controller.show(mention, 'keyboard');
    controller.pin();
    expect(controller.pinned).toBe(true);
    expect(document.activeElement?.localName).toBe(HOST_TAG);
    controller.close();
    expect(document.activeElement).toBe(before);
    controller.destroy();
  });

  it('closes a card whose mention disappeared from the page', async () => {
    const { controller, mention } = setup();
    await controller.show(mention, 'keyboard');
    controller.update({ mentions: [] } as unknown as Annotated);
    expect(controller.openMention).toBeNull();
    controller.destroy();
  });
});
