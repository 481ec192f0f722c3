/**
 * The popup summary's calls: the tab's annotate result (asked of its content script through the
 * background), the strike timeline, scrolling to a mention, and building an export file.
 */
import { browser } from 'wxt/browser';
import type { AnnotateResult } from '../../lib/protocol/annotations.ts';
import { buildExport, exportFileName, type ExportFormat } from '../../lib/export/index.ts';
import type { TimelineItem } from '../../lib/protocol/messages.ts';
import { callBackground } from '../../lib/protocol/messages.ts';
import { activeTab } from './page-actions-client.ts';

const send = (message: unknown) => browser.runtime.sendMessage(message);

export type TabData =
  | { state: 'ready'; tabId: number; url: string; result: AnnotateResult; text: string }
  | { state: 'empty'; message: string }
  | { state: 'error'; message: string };

/** The active (or `?tab=`) tab's result. */
export async function loadTab(): Promise<TabData> {
  const tab = await activeTab();
  if (!tab) return { state: 'empty', message: 'No tab to describe.' };
  if (!/^https?:/.test(tab.url ?? 'https:')) return { state: 'empty', message: 'NHS Context reads web pages only.' };
  const reply = await callBackground(send, { type: 'tabResult', tabId: tab.id });
  if (!reply.ok) return { state: 'error', message: `Could not read this page's annotations: ${reply.error.message}` };
  if (!reply.data.result) {
    return {
      state: 'empty',
      message: 'No article found on this page, or NHS Context is not running here: try “Annotate this page”.',
    };
  }
  return {
    state: 'ready',
    tabId: tab.id,
    url: tab.url ?? reply.data.result.page.url,
    result: reply.data.result,
    text: reply.data.text,
  };
}

export async function loadTimeline(groups: string[], date: string): Promise<TimelineItem[]> {
  if (groups.length === 0) return [];
  const reply = await callBackground(send, { type: 'timeline', groups: groups.slice(0, 20), date });
  return reply.ok ? reply.data.items : [];
}

export async function focusMention(tabId: number, id: string): Promise<boolean> {
  const reply = await callBackground(send, { type: 'focusMention', tabId, id });
  return reply.ok && reply.data.focused;
}

/** Builds an export and saves it as a file named after the site and the article's date. */
export function download(format: ExportFormat, data: Extract<TabData, { state: 'ready' }>, version: string): string {
  const { result, text } = data;
  const body = buildExport(format, {
    result,
    text,
    created: new Date().toISOString(),
    generator: { name: 'NHS Context', version, packVersion: result.page.packVersion },
  });
  const name = exportFileName(format, data.url, result.page.published);
  const url = URL.createObjectURL(
    new Blob([body], {
      type:
        format === 'csv'
          ? 'text/csv;charset=utf-8'
          : format === 'md'
            ? 'text/markdown;charset=utf-8'
            : 'application/json',
    }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
