/**
 * The options page's link to the background (the only context that opens the database), and the
 * two things a page does with files: download one the background built, read one the reader picked.
 */
import { browser } from 'wxt/browser';
import {
  callBackground,
  type CallName,
  type Reply,
  type ReplyOf,
  type RequestOf,
} from '../../lib/protocol/messages.ts';

/** Ask the background over `runtime.sendMessage`; failures come back as values. */
export function callBackgroundFromPage<K extends CallName>(
  request: RequestOf<K> & { type: K },
): Promise<Reply<ReplyOf<K>>> {
  return callBackground<K>((message) => browser.runtime.sendMessage(message), request);
}

/** How sections ask the background (tests pass a router-backed one). */
export type Call = typeof callBackgroundFromPage;

/** Data from a reply, or throws its message (for handlers that show errors in one place). */
export async function data<T>(reply: Promise<Reply<T>>): Promise<T> {
  const r = await reply;
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

/** Saves text as a file through a temporary object URL (no page navigation, nothing remote). */
export function download(file: { fileName: string; mime: string; text: string }): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The text of the file chosen in an `<input type=file>`, or null when none is. */
export async function chosenText(input: HTMLInputElement): Promise<{ name: string; text: string } | null> {
  const file = input.files?.[0];
  if (!file) return null;
  return { name: file.name, text: await file.text() };
}
