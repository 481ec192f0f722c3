/**
 * Content script wiring: read the article, ask the background to annotate it, keep the result for
 * the highlighter (issue 3). Runs on the listed news sites, top frame only.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { AnnotateResult } from '../../lib/annotations.ts';
import { callBackground } from '../../lib/messages.ts';
import { extractPage } from '../../lib/page/extract.ts';
import { NEWS_SITE_MATCHES } from '../../lib/sites.ts';

/** The latest annotation of this page, for the highlight and card code to come. */
const session: { result: AnnotateResult | null } = { result: null };

export default defineContentScript({
  matches: NEWS_SITE_MATCHES,
  allFrames: false,
  runAt: 'document_idle',
  // WXT's default start-up postMessage would let the page detect the extension.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const page = extractPage(document);
    if (!page) return;
    const reply = await callBackground((message) => browser.runtime.sendMessage(message), { type: 'annotate', page });
    if (ctx.isInvalid) return;
    if (!reply.ok) {
      console.debug('NHS Context: annotate failed', reply.error);
      return;
    }
    session.result = reply.data;
  },
});
