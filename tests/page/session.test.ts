// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SenderInfo } from '../../lib/protocol/messages.ts';
import { createBackend, startSession } from '../../lib/page/session.ts';
import { setBody } from '../helpers/dom.ts';

const EXTENSION = 'our-extension-id';

describe('the background calls a page makes', () => {
  it('each call sends one typed request', async () => {
    const send = vi.fn(() => Promise.resolve({ ok: true, data: { hiddenIds: [] } }));
    await createBackend(send).hideOnSite('bma');
    expect(send).toHaveBeenCalledWith({ type: 'hideOnSite', id: 'bma' });
  });

  it('a background that cannot be reached gives an error reply, not a crash', async () => {
    const reply = await createBackend(() => Promise.reject(new Error('gone'))).hideOnSite('bma');
    expect(reply.ok).toBe(false);
  });
});

describe('one page session', () => {
  function start() {
    setBody('<p>The BMA said consultants would strike.</p>');
    const ctx = new ContentScriptContext('session-test');
    let listener: ((message: unknown, sender: SenderInfo) => unknown) | null = null;
    const unsubscribe = vi.fn();
    startSession({
      ctx,
      doc: document,
      send: () => new Promise(() => {}),
      extensionId: EXTENSION,
      onMessage: (fn) => {
        listener = fn;
        return unsubscribe;
      },
      copy: () => Promise.resolve(),
    });
    return { ctx, unsubscribe, ask: (message: unknown, sender: SenderInfo) => listener!(message, sender) };
  }

  it('answers our own background about the page, and ignores other extensions and tabs', () => {
    const { ctx, ask } = start();
    expect(ask({ type: 'nhs-context:result' }, { id: EXTENSION })).toEqual({ result: null, text: '' });
    expect(ask({ type: 'nhs-context:result' }, { id: 'another-extension' })).toBeUndefined();
    expect(ask({ type: 'nhs-context:result' }, { id: EXTENSION, tab: {} })).toBeUndefined();
    ctx.abort();
  });

  it('stops listening when the content script is replaced or unloaded', () => {
    const { ctx, unsubscribe } = start();
    expect(unsubscribe).not.toHaveBeenCalled();
    ctx.abort();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
