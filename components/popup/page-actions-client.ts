/**
 * The popup's tab actions against the real browser: the active tab, the optional host permission
 * (asked for here, where the click is), and the background calls that do the rest.
 */
import { browser } from 'wxt/browser';
import { callBackground } from '../../lib/protocol/messages.ts';
import type { Settings } from '../../lib/settings.ts';
import { NAVIGATE_COMMAND, NEWS_DOMAINS } from '../../lib/sites.ts';
import type { PageActionsProps } from './PageActions.tsx';

const send = (message: unknown) => browser.runtime.sendMessage(message);

/** Whether a hostname is one of the listed news sites (the content script already runs there). */
export function isListedHost(hostname: string): boolean {
  return NEWS_DOMAINS.some((domain) => hostname === domain || hostname.endsWith(`.${domain}`));
}

/** The https origin "Always on this site" would register, or null (not https, or already listed). */
export function alwaysOnOrigin(url: string | undefined): string | null {
  try {
    const parsed = new URL(url ?? '');
    return parsed.protocol === 'https:' && !isListedHost(parsed.hostname) ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * The tab the popup describes: the active tab, or the one named by `?tab=ID` (for tests: opened
 * in a tab of its own, the popup would otherwise describe itself).
 */
export async function activeTab(): Promise<{ id: number; url?: string } | null> {
  const asked = Number(new URLSearchParams(globalThis.location?.search ?? '').get('tab'));
  if (Number.isInteger(asked) && asked > 0) {
    const tab = await browser.tabs.get(asked).catch(() => null);
    if (tab?.id !== undefined) return { id: tab.id, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

const errorOf = (reply: { ok: boolean; error?: { message: string } }) =>
  reply.ok ? null : (reply.error?.message ?? 'failed');

/** Read and save the settings (for components/popup/QuickSettings.tsx). */
export const settingsClient = {
  load: async () => {
    const reply = await callBackground(send, { type: 'getSettings' });
    return reply.ok ? reply.data : null;
  },
  save: async (settings: Settings) => {
    const reply = await callBackground(send, { type: 'setSettings', settings });
    return reply.ok ? reply.data : null;
  },
};

/** The active tab's hostname, or ''. */
export async function activeHostname(): Promise<string> {
  const url = (await activeTab())?.url;
  try {
    return url && /^https?:/.test(url) ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

/** The popup's actions for the active tab. */
export async function pageActions(): Promise<PageActionsProps> {
  const tab = await activeTab();
  if (!tab) {
    const none = async () => 'No tab to act on.';
    return { navigate: none, annotate: none, alwaysOn: null };
  }
  const annotate = async () => errorOf(await callBackground(send, { type: 'annotateTab', tabId: tab.id }));
  const origin = alwaysOnOrigin(tab.url);
  return {
    navigate: async () => {
      const reply = await callBackground(send, { type: 'navigateTab', tabId: tab.id });
      if (!reply.ok) return reply.error.message;
      return reply.data.sent ? null : 'NHS Context is not running on this page: use “Annotate this page” first.';
    },
    annotate,
    alwaysOn: origin
      ? async () => {
          // Must be asked from the click itself (a user gesture), before any await.
          const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
          if (!granted) return 'Permission not granted.';
          const reply = await callBackground(send, { type: 'alwaysOnSite', origin });
          return reply.ok ? annotate() : reply.error.message;
        }
      : null,
  };
}

/** The key the browser bound to "step through mentions": '' when none, undefined when it cannot tell. */
export async function navigateShortcut(): Promise<string | undefined> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === NAVIGATE_COMMAND)?.shortcut ?? '';
  } catch {
    return undefined;
  }
}
