/** Asks the background for the fact base's status (extension pages only). */
import { browser } from 'wxt/browser';
import { callBackground, type Reply, type ReplyOf } from '../../lib/protocol/messages.ts';

export function loadStatus(): Promise<Reply<ReplyOf<'status'>>> {
  return callBackground((message) => browser.runtime.sendMessage(message), { type: 'status' });
}
