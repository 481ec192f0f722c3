/**
 * Trust boundary, as a table: every call in lib/protocol/messages.ts × every class of sender, through the
 * real router and handlers on a real (fake-indexeddb) store. A refused call answers
 * `{ok: false, error: {code: 'forbidden'}}` having made zero database, storage or browser calls.
 *
 * The table is derived from the protocol (`calls`), and the calls a content script may make are
 * listed here once, by hand: moving a call into `contentScriptCalls` fails this test until the list
 * below is deliberately edited (a security review in code form).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  ALLOWED_CALLS,
  calls,
  classifySender,
  contentScriptCalls,
  extensionPageCalls,
  parseRequest,
  type CallName,
} from '../../lib/protocol/messages.ts';
import {
  CALL_NAMES,
  EXT_ID,
  EXT_ORIGIN,
  SAMPLE_REQUESTS,
  SENDERS,
  startSpiedWorker,
  type SenderName,
} from './worker.ts';

/**
 * APPROVED: the only calls a web page's content script may make. Each is read-only or scoped by the
 * sender itself (its own site's hidden list, its own tab's badge). Adding one is a security decision.
 */
const CONTENT_SCRIPT_MAY_CALL: readonly CallName[] = [
  'annotate',
  'lookup',
  'contentSettings',
  'hideOnSite',
  'setBadge',
];

const expectedAllowed = (who: SenderName, type: CallName): boolean =>
  who === 'extension page' || (who === 'content script' && CONTENT_SCRIPT_MAY_CALL.includes(type));

let stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops) stop();
  stops = [];
});
function worker() {
  const w = startSpiedWorker();
  stops.push(w.stop);
  return w;
}

describe('protocol conventions', () => {
  it('has a valid sample request for every call, of its own type', () => {
    for (const type of CALL_NAMES) {
      const sample = SAMPLE_REQUESTS[type];
      expect(sample.type, type).toBe(type);
      expect(parseRequest(sample), type).toMatchObject({ ok: true });
    }
  });

  it('lists every call once, by direction, and grants nothing to foreign senders', () => {
    const content = Object.keys(contentScriptCalls);
    const extension = Object.keys(extensionPageCalls);
    expect(content.filter((c) => extension.includes(c))).toEqual([]);
    expect([...content, ...extension].sort()).toEqual(Object.keys(calls).sort());
    expect([...ALLOWED_CALLS.foreign]).toEqual([]);
    expect([...ALLOWED_CALLS['extension-page']].sort()).toEqual(Object.keys(calls).sort());
  });

  it('lets content scripts make exactly the approved calls', () => {
    expect([...ALLOWED_CALLS['content-script']].sort()).toEqual([...CONTENT_SCRIPT_MAY_CALL].sort());
  });

  it('classifies each sample sender as its class', () => {
    const classOf: Record<SenderName, string> = {
      'extension page': 'extension-page',
      'content script': 'content-script',
      'foreign extension': 'foreign',
      'missing fields': 'foreign',
    };
    for (const [who, variants] of Object.entries(SENDERS) as [SenderName, SenderInfoList][]) {
      for (const sender of variants)
        expect(classifySender(sender, EXT_ID, EXT_ORIGIN), JSON.stringify(sender)).toBe(classOf[who]);
    }
  });
});
type SenderInfoList = (typeof SENDERS)[SenderName];

describe('router: every call × every sender', () => {
  const table = (Object.keys(SENDERS) as SenderName[]).flatMap((who) =>
    SENDERS[who].flatMap((sender, variant) =>
      CALL_NAMES.map((type) => ({ who, variant, sender, type, allowed: expectedAllowed(who, type) })),
    ),
  );

  it.each(table)('$type from $who #$variant → allowed: $allowed', async ({ sender, type, allowed }) => {
    const w = worker();
    const reply = await w.route(structuredClone(SAMPLE_REQUESTS[type]), structuredClone(sender));
    if (allowed) {
      // It reached its handler: never a refusal or a parse error. (A handler may still fail on its
      // own terms, e.g. setBadge from a popup, which has no tab of its own.)
      const code = reply.ok ? 'ok' : reply.error.code;
      expect(['ok', 'internal'], JSON.stringify(reply)).toContain(code);
      if (type !== 'setBadge' || reply.ok) expect(reply.ok, JSON.stringify(reply)).toBe(true);
    } else {
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(w.sideEffects()).toBe(0);
      expect(w.handlerRuns()).toBe(0);
    }
  });

  it('refuses a forbidden call even when the worker is warm (store open, index built)', async () => {
    const w = worker();
    await w.route(SAMPLE_REQUESTS.annotate, SENDERS['content script'][0]);
    const before = w.sideEffects();
    // The counters do see the database: the allowed call above opened it and read it.
    expect(before).toBeGreaterThan(2);
    for (const type of CALL_NAMES.filter((t) => !CONTENT_SCRIPT_MAY_CALL.includes(t))) {
      const reply = await w.route(SAMPLE_REQUESTS[type], SENDERS['content script'][0]);
      expect(reply, type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(w.sideEffects()).toBe(before);
  });

  it('ignores privilege claimed in the message body', async () => {
    const w = worker();
    const claims = [
      { ...SAMPLE_REQUESTS.status, sender: 'popup' },
      { ...SAMPLE_REQUESTS.status, senderClass: 'extension-page' },
      { ...SAMPLE_REQUESTS.getSettings, tab: undefined, url: `${EXT_ORIGIN}/options.html` },
    ];
    for (const raw of claims) {
      const reply = await w.route(raw, SENDERS['content script'][0]);
      expect(reply).toMatchObject({ ok: false });
    }
    expect(w.sideEffects()).toBe(0);
  });
});
