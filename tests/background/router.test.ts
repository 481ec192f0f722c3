import { describe, expect, it, vi } from 'vitest';
import {
  ALLOWED_CALLS,
  calls,
  extensionPageCalls,
  type CallName,
  type SenderInfo,
} from '../../lib/protocol/messages.ts';
import { manageCalls } from '../../lib/protocol/manage-calls.ts';
import { createRouter, toMessageListener, type Handlers } from '../../lib/background/router.ts';
import { DEFAULT_SETTINGS } from '../../lib/settings.ts';
import { MANAGE_SAMPLE_REPLIES, MANAGE_SAMPLE_REQUESTS } from '../helpers/manage-samples.ts';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT_ORIGIN = `chrome-extension://${EXT_ID}`;

const page = {
  url: 'https://www.bbc.co.uk/news/health-1',
  title: 'Doctors strike',
  publishedFrom: 'none',
  text: 'Resident doctors in England walked out.',
  blocks: [[0, 39]],
};

/** One valid request per call. */
const requests: Record<CallName, unknown> = {
  annotate: { type: 'annotate', page },
  lookup: { type: 'lookup', query: 'Steve Barclay', date: '2023-08-24' },
  status: { type: 'status' },
  contentSettings: { type: 'contentSettings' },
  hideOnSite: { type: 'hideOnSite', id: 'steve-barclay' },
  setBadge: { type: 'setBadge', count: 3 },
  getSettings: { type: 'getSettings' },
  setSettings: { type: 'setSettings', settings: DEFAULT_SETTINGS },
  navigateTab: { type: 'navigateTab', tabId: 7 },
  tabResult: { type: 'tabResult', tabId: 7 },
  focusMention: { type: 'focusMention', tabId: 7, id: 'entity-1-2' },
  timeline: { type: 'timeline', groups: ['consultants'], date: '2023-08-24' },
  annotateTab: { type: 'annotateTab', tabId: 7 },
  alwaysOnSite: { type: 'alwaysOnSite', origin: 'https://example.org' },
  // Packs, own facts, search, kept annotations, backup: extension pages only.
  ...MANAGE_SAMPLE_REQUESTS,
};

const senders: Record<string, SenderInfo> = {
  'extension page': { id: EXT_ID, url: `${EXT_ORIGIN}/popup.html`, origin: EXT_ORIGIN },
  'content script': {
    id: EXT_ID,
    url: 'https://www.bbc.co.uk/news/health-1',
    origin: 'https://www.bbc.co.uk',
    tab: { id: 7 },
    frameId: 0,
  },
  'foreign extension': {
    id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk',
    url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/a.html',
  },
  'missing fields': {},
};

const allowed: Record<string, CallName[]> = {
  'extension page': Object.keys(calls) as CallName[],
  'content script': ['annotate', 'lookup', 'contentSettings', 'hideOnSite', 'setBadge'],
  'foreign extension': [],
  'missing fields': [],
};

const results: Record<CallName, unknown> = {
  annotate: { page: {}, annotations: [], cards: [], claims: [] },
  lookup: { card: null },
  status: { packs: [], entityCount: 0, eventCount: 0, factCount: 0, packVersion: '' },
  contentSettings: { enabled: true, markAll: false, kinds: DEFAULT_SETTINGS.kinds, hiddenIds: [] },
  hideOnSite: { hiddenIds: ['steve-barclay'] },
  setBadge: {},
  getSettings: DEFAULT_SETTINGS,
  setSettings: DEFAULT_SETTINGS,
  navigateTab: { sent: true },
  tabResult: { result: null, text: '' },
  focusMention: { focused: true },
  timeline: { items: [] },
  annotateTab: { injected: true },
  alwaysOnSite: { registered: true },
  ...MANAGE_SAMPLE_REPLIES,
};

function setup(impl?: Partial<Handlers>) {
  const handlers = Object.fromEntries(
    (Object.keys(calls) as CallName[]).map((type) => [type, vi.fn(impl?.[type] ?? (() => results[type]))]),
  ) as Record<CallName, ReturnType<typeof vi.fn>>;
  const onError = vi.fn();
  const route = createRouter(handlers as unknown as Handlers, {
    extensionId: EXT_ID,
    extensionOrigin: EXT_ORIGIN,
    onError,
  });
  const handlerCalls = () => Object.values(handlers).reduce((n, h) => n + h.mock.calls.length, 0);
  return { route, handlers, onError, handlerCalls };
}

describe('createRouter: every call × every sender', () => {
  const table = Object.keys(senders).flatMap((who) =>
    (Object.keys(calls) as CallName[]).map((type) => ({ who, type, ok: allowed[who]!.includes(type) })),
  );

  it.each(table)('$type from $who → allowed: $ok', async ({ who, type, ok }) => {
    const { route, handlers, handlerCalls } = setup();
    const reply = await route(requests[type], senders[who]);
    if (ok) {
      expect(reply).toEqual({ ok: true, data: results[type] });
      expect(handlers[type]).toHaveBeenCalledTimes(1);
      expect(handlers[type].mock.calls[0]![1]).toMatchObject({ senderClass: who.replace(' ', '-') });
    } else {
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(handlerCalls()).toBe(0);
    }
  });
});

describe('management calls (lib/protocol/manage-calls.ts)', () => {
  it('are extension-page calls only: never open to content scripts or other senders', () => {
    for (const type of Object.keys(manageCalls)) {
      expect(Object.keys(extensionPageCalls), type).toContain(type);
      expect(ALLOWED_CALLS['content-script'].has(type as CallName), type).toBe(false);
      expect(ALLOWED_CALLS.foreign.has(type as CallName), type).toBe(false);
    }
  });
});

describe('createRouter: malformed requests never reach a handler', () => {
  const bad: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'status'],
    ['an array', [{ type: 'status' }]],
    ['no type', { query: 'x' }],
    ['an unknown type', { type: 'deleteEverything' }],
    ['an extra key', { type: 'status', admin: true }],
    ['lookup without a query', { type: 'lookup' }],
    ['lookup with an empty query', { type: 'lookup', query: '' }],
    ['lookup with a bad date', { type: 'lookup', query: 'BMA', date: '24/08/2023' }],
    ['annotate without a page', { type: 'annotate' }],
    ['annotate with a bad page', { type: 'annotate', page: { ...page, blocks: 'all' } }],
    ['a prototype-polluting key', JSON.parse('{"type":"status","__proto__":{"x":1}}')],
  ];

  it.each(bad)('%s → invalid-request', async (_name, raw) => {
    const { route, handlerCalls } = setup();
    const reply = await route(raw, senders['extension page']);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(handlerCalls()).toBe(0);
  });

  it('names the failing path', async () => {
    const { route } = setup();
    const reply = await route({ type: 'lookup', query: 'BMA', date: 'soon' }, senders['content script']);
    expect(reply.ok === false && reply.error.message).toMatch(/^date: /);
  });

  it('treats a missing sender as foreign', async () => {
    const { route, handlerCalls } = setup();
    expect(await route(requests.status, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handlerCalls()).toBe(0);
  });
});

describe('createRouter: handler failures become replies', () => {
  it('catches a thrown error', async () => {
    const { route, onError } = setup({
      lookup: () => {
        throw new Error('index not ready');
      },
    });
    const reply = await route(requests.lookup, senders['content script']);
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'index not ready' } });
    expect(onError).toHaveBeenCalledWith(expect.any(Error), 'lookup');
  });

  it('catches a rejected promise and a thrown non-Error', async () => {
    const { route } = setup({
      status: () => Promise.reject('store closed'),
    });
    expect(await route(requests.status, senders['extension page'])).toEqual({
      ok: false,
      error: { code: 'internal', message: 'store closed' },
    });
  });
});

describe('toMessageListener', () => {
  it('answers through sendResponse and returns true (real browsers)', async () => {
    const { route } = setup();
    const sendResponse = vi.fn();
    const returned = toMessageListener(route)(requests.status, senders['extension page'], sendResponse);
    expect(returned).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, data: results.status }));
  });

  it('returns a Promise when there is no sendResponse (fake browser)', async () => {
    const { route } = setup();
    const returned = toMessageListener(route)(requests.status, senders['extension page']);
    await expect(returned).resolves.toEqual({ ok: true, data: results.status });
  });
});
