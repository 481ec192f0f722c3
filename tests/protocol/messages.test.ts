import { describe, expect, it } from 'vitest';
import {
  ALLOWED_CALLS,
  calls,
  callBackground,
  classifySender,
  parseReply,
  parseRequest,
} from '../../lib/protocol/messages.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

describe('classifySender', () => {
  const cases: [string, Parameters<typeof classifySender>[0], string][] = [
    ['popup', { id: ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN }, 'extension-page'],
    [
      'popup opened in a tab',
      { id: ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN, tab: { id: 3 }, frameId: 0 },
      'extension-page',
    ],
    ['options page without origin (Firefox)', { id: ID, url: `${ORIGIN}/options.html` }, 'extension-page'],
    [
      'content script',
      { id: ID, url: 'https://news.sky.com/story/1', origin: 'https://news.sky.com', tab: { id: 1 }, frameId: 0 },
      'content-script',
    ],
    ['content script on loopback', { id: ID, url: 'http://127.0.0.1:8080/a', tab: { id: 1 } }, 'content-script'],
    ['web page URL but no tab', { id: ID, url: 'https://news.sky.com/story/1' }, 'foreign'],
    [
      'our URL with a foreign origin',
      { id: ID, url: `${ORIGIN}/popup.html`, origin: 'https://evil.example' },
      'foreign',
    ],
    [
      'another extension',
      { id: 'other', url: 'chrome-extension://other/x.html', origin: 'chrome-extension://other' },
      'foreign',
    ],
    ['another extension claiming our URL', { id: 'other', url: `${ORIGIN}/popup.html` }, 'foreign'],
    ['no id', { url: `${ORIGIN}/popup.html` }, 'foreign'],
    ['no url', { id: ID, tab: { id: 1 } }, 'foreign'],
    ['unparseable url', { id: ID, url: 'not a url', tab: { id: 1 } }, 'foreign'],
    ['file: page', { id: ID, url: 'file:///tmp/a.html', tab: { id: 1 } }, 'foreign'],
    ['empty', {}, 'foreign'],
  ];
  it.each(cases)('%s → %s', (_name, sender, expected) => {
    expect(classifySender(sender, ID, ORIGIN)).toBe(expected);
  });

  it('recognises Firefox moz-extension pages', () => {
    const origin = 'moz-extension://1b2c3d4e-0000-4000-8000-000000000000';
    expect(
      classifySender({ id: 'nhs-context@example.org', url: `${origin}/popup.html` }, 'nhs-context@example.org', origin),
    ).toBe('extension-page');
  });

  it('never trusts an empty extension id', () => {
    expect(classifySender({ id: '', url: `${ORIGIN}/popup.html` }, '', ORIGIN)).toBe('foreign');
  });
});

describe('the call list', () => {
  it('gives content scripts only read-only calls, plus the two writes scoped to their own site and tab', () => {
    expect([...ALLOWED_CALLS['content-script']].sort()).toEqual([
      'annotate',
      'contentSettings',
      'hideOnSite',
      'lookup',
      'setBadge',
    ]);
    expect([...ALLOWED_CALLS['extension-page']].sort()).toEqual(Object.keys(calls).sort());
    expect(ALLOWED_CALLS.foreign.size).toBe(0);
  });

  it('parses every call by its own schema', () => {
    expect(parseRequest({ type: 'status' })).toEqual({ ok: true, request: { type: 'status' } });
    expect(parseRequest({ type: 'lookup', query: 'BMA' })).toEqual({
      ok: true,
      request: { type: 'lookup', query: 'BMA' },
    });
  });
});

describe('parseReply and callBackground', () => {
  const status = { packs: [], entityCount: 0, eventCount: 0, factCount: 0, packVersion: 'x@1.0.0' };

  it('accepts a reply that matches its schema', () => {
    expect(parseReply('status', { ok: true, data: status })).toEqual({ ok: true, data: status });
  });

  it('passes an error reply through', () => {
    const error = { code: 'forbidden', message: 'no' };
    expect(parseReply('status', { ok: false, error })).toEqual({ ok: false, error });
  });

  it.each([{ code: 'gone-fishing', message: 'no' }, { code: 'forbidden' }, { code: 7, message: 'no' }])(
    'checks an error reply’s code and message instead of trusting them: %j',
    (error) => {
      expect(parseReply('status', { ok: false, error })).toEqual({
        ok: false,
        error: { code: 'invalid-reply', message: 'bad reply to status' },
      });
    },
  );

  it('keeps only the code and message of an error reply', () => {
    const reply = parseReply('status', { ok: false, error: { code: 'internal', message: 'x', stack: 'at …' } });
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'x' } });
  });

  it.each([undefined, null, { ok: true }, { ok: 'yes', data: status }, { ok: true, data: { packs: 'none' } }])(
    'rejects a malformed reply %j',
    (raw) => {
      expect(parseReply('status', raw)).toMatchObject({ ok: false, error: { code: 'invalid-reply' } });
    },
  );

  it('turns a failed send into no-connection', async () => {
    const reply = await callBackground(() => Promise.reject(new Error('Receiving end does not exist.')), {
      type: 'status',
    });
    expect(reply).toEqual({ ok: false, error: { code: 'no-connection', message: 'Receiving end does not exist.' } });
  });

  it('sends the request as given', async () => {
    const sent: unknown[] = [];
    const reply = await callBackground(
      async (m) => {
        sent.push(m);
        return { ok: true, data: { card: null } };
      },
      { type: 'lookup', query: 'Wes Streeting', date: '2025-07-25' },
    );
    expect(sent).toEqual([{ type: 'lookup', query: 'Wes Streeting', date: '2025-07-25' }]);
    expect(reply).toEqual({ ok: true, data: { card: null } });
  });
});
