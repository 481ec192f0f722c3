import { describe, expect, it } from 'vitest';
import { callFromContent, CONTENT_REPLIES, parseTabMessage } from '../../lib/protocol/content-calls.ts';
import { contentScriptCalls } from '../../lib/protocol/messages.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';

describe('the content script’s half of the protocol', () => {
  it('uses the very reply schemas lib/protocol/messages.ts lists for content-script calls', () => {
    expect(Object.keys(CONTENT_REPLIES).sort()).toEqual(Object.keys(contentScriptCalls).sort());
    for (const [name, call] of Object.entries(contentScriptCalls)) {
      expect(CONTENT_REPLIES[name as keyof typeof CONTENT_REPLIES], name).toBe(call.reply);
    }
  });

  it('checks replies like callBackground', async () => {
    const ok = await callFromContent(async () => ({ ok: true, data: { hiddenIds: ['a'] } }), {
      type: 'hideOnSite',
      id: 'a',
    });
    expect(ok).toEqual({ ok: true, data: { hiddenIds: ['a'] } });
    const bad = await callFromContent(async () => ({ ok: true, data: { hiddenIds: 'a' } }), {
      type: 'hideOnSite',
      id: 'a',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-reply' } });
    const error = await callFromContent(async () => ({ ok: false, error: { code: 'forbidden', message: 'no' } }), {
      type: 'setBadge',
      count: 1,
    });
    expect(error).toEqual({ ok: false, error: { code: 'forbidden', message: 'no' } });
    const gone = await callFromContent(
      async () => {
        throw new Error('Extension context invalidated.');
      },
      { type: 'contentSettings' },
    );
    expect(gone).toEqual({ ok: false, error: { code: 'no-connection', message: 'Extension context invalidated.' } });
    expect(await callFromContent(async () => undefined, { type: 'contentSettings' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-reply' },
    });
  });
});

describe('parseTabMessage', () => {
  const background = { id: ID, url: `chrome-extension://${ID}/background.js` };
  it.each([
    ['navigate from the background', { type: 'nhs-context:navigate' }, background, { type: 'nhs-context:navigate' }],
    ['refresh from the background', { type: 'nhs-context:refresh' }, background, { type: 'nhs-context:refresh' }],
    ['from another tab’s content script', { type: 'nhs-context:navigate' }, { ...background, tab: { id: 1 } }, null],
    ['from another extension', { type: 'nhs-context:navigate' }, { id: 'other' }, null],
    ['an unknown type', { type: 'nhs-context:delete' }, background, null],
    ['extra keys', { type: 'nhs-context:navigate', x: 1 }, background, null],
    ['not an object', 'nhs-context:navigate', background, null],
  ])('%s', (_name, raw, sender, expected) => {
    expect(parseTabMessage(raw, sender, ID)).toEqual(expected);
  });
  it('never trusts an empty extension id', () => {
    expect(parseTabMessage({ type: 'nhs-context:navigate' }, { id: '' }, '')).toBeNull();
  });
});
