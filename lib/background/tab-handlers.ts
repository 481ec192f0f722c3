/**
 * The background's handlers for the in-page experience: settings, the toolbar badge, and the
 * popup's tab actions (navigate, annotate this page, always on this site). Pure: every browser
 * call comes in through `TabServiceDeps`, which entrypoints/background.ts fills in.
 *
 * A content script's site and tab come from the sender, never from the message (STYLE.md example 8).
 */
import type { TabMessage } from '../protocol/content-calls.ts';
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

/** Handlers for the calls in `TabCallName`; without deps (unit tests of other parts) they fail. */
export function createTabHandlers(deps: TabServiceDeps | undefined): Pick<Handlers, TabCallName> {
  const need = (): TabServiceDeps => {
    if (!deps) throw new Error('not available here');
    return deps;
  };
  return {
    contentSettings: async (_request, context) =>
      contentSettingsFor(await need().settings.load(), hostnameOf(context.sender.url)),
    hideOnSite: async ({ id }, context) => {
      const host = hostnameOf(context.sender.url);
      const settings = await need().settings.update((current) => withHidden(current, host, id));
      return { hiddenIds: hiddenOn(settings, siteKey(host)) };
    },
    setBadge: async ({ count }, context) => {
      await need().setBadge(senderTabId(context), badgeText(count));
      return {};
    },
    getSettings: async () => need().settings.load(),
    setSettings: async ({ settings }) => {
      const saved = await need().settings.save(settings);
      await need().broadcast({ type: 'nhs-context:refresh' });
      return saved;
    },
    navigateTab: async ({ tabId }) => ({ sent: await need().sendToTab(tabId, { type: 'nhs-context:navigate' }) }),
    // What the content script answers is data from a page's world: the router's reply schema checks it.
    tabResult: async ({ tabId }) => {
      const reply = (await need().requestTab(tabId, { type: 'nhs-context:result' })) as
        { result?: unknown; text?: unknown } | undefined;
      return reply && reply.result ? (reply as never) : { result: null, text: '' };
    },
    focusMention: async ({ tabId, id }) => {
      const reply = (await need().requestTab(tabId, { type: 'nhs-context:navigate', id })) as
        { focused?: unknown } | undefined;
      return { focused: reply?.focused === true };
    },
    annotateTab: async ({ tabId }) => {
      await need().injectContentScript(tabId);
      return { injected: true };
    },
    alwaysOnSite: async ({ origin }) => {
      await need().registerSite(origin);
      return { registered: true };
    },
  };
}
