// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { guardContentScriptStop, SCRIPT_STARTED_EVENT } from '../../lib/page/stop-guard.ts';

describe('guardContentScriptStop', () => {
  it("knows WXT's event name", () => {
    expect(SCRIPT_STARTED_EVENT).toMatch(/^[^:]+:[^:]+:wxt:content-script-started$/);
  });

  it("swallows WXT's stop event, so a page's forged copy stops nothing", () => {
    const ctx = new ContentScriptContext('content');
    guardContentScriptStop(ctx);
    document.dispatchEvent(
      new CustomEvent(SCRIPT_STARTED_EVENT, {
        detail: { contentScriptName: 'content', messageId: 'forged' },
      }),
    );
    expect(ctx.isValid).toBe(true);
    ctx.abort();
  });

  it('without the guard, the same event stops the script (what the guard is for)', () => {
    const ctx = new ContentScriptContext('content');
    document.dispatchEvent(
      new CustomEvent(SCRIPT_STARTED_EVENT, {
        detail: { contentScriptName: 'content', messageId: 'forged' },
      }),
    );
    expect(ctx.isValid).toBe(false);
  });

  it('a newer copy stops the running one through the isolated world, and only once', () => {
    const first = new ContentScriptContext('content');
    guardContentScriptStop(first);
    const second = new ContentScriptContext('content');
    guardContentScriptStop(second);
    expect(first.isValid).toBe(false);
    expect(second.isValid).toBe(true);
    const third = new ContentScriptContext('content');
    guardContentScriptStop(third);
    expect(second.isValid).toBe(false);
    expect(third.isValid).toBe(true);
    third.abort();
  });
});
