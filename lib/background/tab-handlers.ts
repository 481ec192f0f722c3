/**
 * The background's handlers for the in-page experience: settings, the toolbar badge, and the
 * popup's tab actions (navigate, annotate this page, always on this site). Pure: every browser
 * call comes in through `TabServiceDeps`, which entrypoints/background.ts fills in.
 *
 * A content script's site and tab come from the sender, never from the message; what a tab's
 * content script answers is parsed like any message.
 */
import * as z from 'zod/mini';
import type { TabMessage } from '../protocol/content-calls.ts';
import { calls } from '../protocol/messages.ts';
import type { CallContext, Handlers } from './router.ts';
import { contentSettingsFor, hiddenOn, hostnameOf, siteKey, withHidden, type SettingsStore } from '../settings.ts';

/** The calls this module answers. */
export type TabCallName =
  | 'contentSettings'
  | 'hideOnSite'
  | 'setBadge'
  | 'getSettings'
  | 'setSettings'
  | 'navigateTab'
  | 'annotateTab'
  | 'tabResult'
  | 'focusMention'
  | 'alwaysOnSite';

/** The browser operations behind the calls. */
export interface TabServiceDeps {
  settings: SettingsStore;
  /** `action.setBadgeText` for one tab ('' clears it). */
  setBadge(tabId: number, text: string): Promise<void>;
  /** `tabs.sendMessage`; false when no content script listens in that tab. */
  sendToTab(tabId: number, message: TabMessage): Promise<boolean>;
  /** `tabs.sendMessage` to the top frame, with its reply; undefined when nothing answers. */
  requestTab(tabId: number, message: TabMessage): Promise<unknown>;
  /** Tell every tab's content script (errors ignored: most tabs have none). */
  broadcast(message: TabMessage): Promise<void>;
  /** `scripting.executeScript` of the content script file, top frame only. */
  injectContentScript(tabId: number): Promise<void>;
  /** `scripting.registerContentScripts` for an origin the reader granted. */
  registerSite(origin: string): Promise<void>;
}

/** The sender's tab id, or an error (a content script always has one). */
function senderTabId(context: CallContext): number {
  const tab = context.sender.tab as { id?: unknown } | undefined;
  if (typeof tab?.id !== 'number') throw new Error('no sender tab');
  return tab.id;
}

/** Badge text for a mention count: empty for none, "99+" past two digits. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** Handlers for the calls in `TabCallName`. */
export function createTabHandlers(deps: TabServiceDeps): Pick<Handlers, TabCallName> {
  return {
    contentSettings: async (_request, context) =>
      contentSettingsFor(await deps.settings.load(), hostnameOf(context.sender.url)),
    hideOnSite: async ({ id }, context) => {
      const host = hostnameOf(context.sender.url);
      const settings = await deps.settings.update((current) => withHidden(current, host, id));
      return { hiddenIds: hiddenOn(settings, siteKey(host)) };
    },
    setBadge: async ({ count }, context) => {
      await deps.setBadge(senderTabId(context), badgeText(count));
      return {};
    },
    getSettings: async () => deps.settings.load(),
    setSettings: async ({ settings }) => {
      const saved = await deps.settings.save(settings);
      await deps.broadcast({ type: 'nhs-context:refresh' });
      return saved;
    },
    navigateTab: async ({ tabId }) => ({ sent: await deps.sendToTab(tabId, { type: 'nhs-context:navigate' }) }),
    // What the content script answers comes from a page's world: checked here against the call's reply schema.
    tabResult: async ({ tabId }) => {
      const reply = await deps.requestTab(tabId, { type: 'nhs-context:result' });
      if (!(reply as { result?: unknown } | undefined)?.result) return { result: null, text: '' };
      const parsed = z.safeParse(calls.tabResult.reply, reply);
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0];
      throw new Error(`the page's result does not match its schema at ${issue?.path.join('.') || 'the top'}`);
    },
    focusMention: async ({ tabId, id }) => {
      const reply = (await deps.requestTab(tabId, { type: 'nhs-context:navigate', id })) as
        { focused?: unknown } | undefined;
      return { focused: reply?.focused === true };
    },
    annotateTab: async ({ tabId }) => {
      await deps.injectContentScript(tabId);
      return { injected: true };
    },
    alwaysOnSite: async ({ origin }) => {
      await deps.registerSite(origin);
      return { registered: true };
    },
  };
}
