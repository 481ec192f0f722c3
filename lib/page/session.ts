/**
 * The in-page experience for one document, assembled: read → ask → paint, cards on hover and
 * keyboard, watching the page for changes and in-site navigations. Everything is tied to the
 * content script's context: when it is invalidated (extension update, a newer copy of the script,
 * the page going away) listeners, observers, timers, highlights and the card host all go.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { callFromContent, parseTabMessage } from '../protocol/content-calls.ts';
import type { SenderInfo } from '../protocol/messages.ts';
import { createAnnotator, type Backend } from './annotator.ts';
import { createCardController } from './card-controller.tsx';
import { createPainter } from './highlight.ts';
import { HOST_TAG } from './host.ts';
import { createNavigator } from './keyboard.ts';
import { listenPointer } from './pointer.ts';
import { installTestHook } from './test-hook.ts';
import { NAVIGATION_SETTLE_MS } from './timing.ts';
import { ReadCache } from './region.ts';
import { watchPage } from './watch.ts';

export interface SessionDeps {
  ctx: ContentScriptContext;
  doc: Document;
  /** `browser.runtime.sendMessage`. */
  send: (message: unknown) => Promise<unknown>;
  /** `browser.runtime.id`, to recognise messages from our own background. */
  extensionId: string;
  /**
   * Subscribe to `browser.runtime.onMessage`; returns the unsubscribe function. A listener's
   * return value other than undefined is the reply.
   */
  onMessage: (listener: (message: unknown, sender: SenderInfo) => unknown) => () => void;
  /** `navigator.clipboard.writeText`. */
  copy: (text: string) => Promise<void>;
}

/** The background calls, bound to a send function. */
export function createBackend(send: SessionDeps['send']): Backend {
  return {
    annotate: (page) => callFromContent(send, { type: 'annotate', page }),
    lookup: (query, date) => callFromContent(send, { type: 'lookup', query, date }),
    contentSettings: () => callFromContent(send, { type: 'contentSettings' }),
    hideOnSite: (id) => callFromContent(send, { type: 'hideOnSite', id }),
    setBadge: (count) => callFromContent(send, { type: 'setBadge', count }),
  };
}

/** Start the in-page experience in `doc`. */
export function startSession(deps: SessionDeps): void {
  const { ctx, doc } = deps;
  const backend = createBackend(deps.send);
  const painter = createPainter(doc);
  const cards = createCardController({
    doc,
    getState: () => annotator.state,
    backend,
    setTimer: (fn, ms) => ctx.setTimeout(fn, ms),
    clearTimer: (id) => clearTimeout(id),
    copy: deps.copy,
    onHidden: (hiddenIds) => {
      const settings = annotator.state?.settings;
      if (settings) annotator.reselect({ ...settings, hiddenIds });
    },
  });
  const navigator = createNavigator({ doc, getState: () => annotator.state, cards, painter });
  const readCache = new ReadCache();
  const annotator = createAnnotator({
    doc,
    readCache,
    backend,
    painter,
    onUpdate: (state) => {
      cards.update(state);
      navigator.update(state);
      if (state?.map.roots) watcher.observe(state.map.roots);
    },
  });

  listenPointer({ ctx, doc, getState: () => annotator.state, cards, onPressOutside: () => navigator.stop(false) });
  ctx.addEventListener(window, 'keydown', (event: KeyboardEvent) => navigator.onKeyDown(event), { capture: true });
  const watcher = watchPage({
    ctx,
    doc,
    isOwn: (node) => node.nodeName.toLowerCase() === HOST_TAG,
    onChange: () => void annotator.run(),
    onEdited: (nodes) => annotator.forget(nodes),
    onRecords: (records) => readCache.note(records),
    onNavigate: () => {
      navigator.stop(false);
      cards.close();
      annotator.clear();
      watcher.cancelPending();
      ctx.setTimeout(() => void annotator.run(), NAVIGATION_SETTLE_MS);
    },
  });

  const unsubscribe = deps.onMessage((raw, sender) => {
    const message = parseTabMessage(raw, sender, deps.extensionId);
    if (message?.type === 'nhs-context:navigate')
      return message.id ? { focused: navigator.focus(message.id) } : void navigator.start();
    if (message?.type === 'nhs-context:refresh') void annotator.run({ rereadSettings: true });
    if (message?.type === 'nhs-context:result')
      return { result: annotator.state?.result ?? null, text: annotator.state?.page.text ?? '' };
    return undefined;
  });

  if (import.meta.env.NHS_CONTEXT_TEST) installTestHook({ ctx, doc, annotator, navigator, cards });

  ctx.onInvalidated(() => {
    unsubscribe();
    navigator.stop(false);
    annotator.clear();
    painter?.destroy();
    cards.destroy();
  });
  void annotator.run();
}
