/**
 * Content script wiring: the in-page experience (lib/page/session.ts) on the listed news sites by
 * itself, elsewhere when the popup injects it ("Annotate this page") or registers it ("Always on
 * this site"). Top frame only.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startSession } from '../../lib/page/session.ts';
import { guardContentScriptStop } from '../../lib/page/stop-guard.ts';
import { NEWS_SITE_MATCHES } from '../../lib/sites.ts';

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  allFrames: false,
  runAt: 'document_idle',
  // WXT's default start-up postMessage would let the page detect the extension.
  noScriptStartedPostMessage: true,
  main(ctx) {
    guardContentScriptStop(ctx);
    startSession({
      ctx,
      doc: document,
      send: (message) => browser.runtime.sendMessage(message),
      extensionId: browser.runtime.id,
      onMessage: (listener) => {
        const wrapped = (
          message: unknown,
          sender: { id?: string; url?: string; tab?: unknown },
          sendResponse: (reply: unknown) => void,
        ) => {
          const reply = listener(message, sender);
          if (reply !== undefined) sendResponse(reply);
        };
        browser.runtime.onMessage.addListener(wrapped);
        return () => browser.runtime.onMessage.removeListener(wrapped);
      },
      copy: (text) => navigator.clipboard.writeText(text),
    });
  },
});
