/**
 * The content script's half of the protocol in lib/protocol/messages.ts, kept in a module of its own for
 * the content script's size budget: importing lib/protocol/messages.ts would bring every call's request
 * schema into the page (their zod features alone cost over a kilobyte gzipped).
 *
 * lib/protocol/messages.ts stays the one list of calls: it uses these very reply schemas for the content
 * script's calls (a unit test checks they are the same objects), and re-exports `TabMessage`.
 */
import * as z from 'zod/mini';
import { AnnotateResult, Card } from './annotations.ts';
import type { ContentScriptCall, ReplyOf, RequestOf, SenderInfo } from './messages.ts';
import { ContentSettings } from '../settings.ts';
import { sendChecked, type Reply } from './reply.ts';

/** Reply to `lookup`. */
export const LookupReply = z.object({ card: z.nullable(Card) });
/** Reply to `hideOnSite`: the ids now hidden on the sender's site. */
export const HideOnSiteReply = z.object({ hiddenIds: z.array(z.string()) });
/** Reply to a call that only confirms. */
export const EmptyReply = z.object({});

/** The reply schema of every call a content script may make. */
export const CONTENT_REPLIES = {
  annotate: AnnotateResult,
  lookup: LookupReply,
  contentSettings: ContentSettings,
  hideOnSite: HideOnSiteReply,
  setBadge: EmptyReply,
} as const;

/** Messages the background sends to a tab's content script (`tabs.sendMessage`). */
export type TabMessage =
  /**
   * Start keyboard navigation of the mentions (the shortcut or the popup's button); with `id`, at
   * that annotation's mention (the popup's list: scroll to it and open its card).
   */
  | { type: 'nhs-context:navigate'; id?: string }
  /** The settings changed: read them again and repaint. */
  | { type: 'nhs-context:refresh' }
  /** The popup wants this page's annotate result (and its text, for exports). */
  | { type: 'nhs-context:result' };

const TAB_MESSAGE_TYPES: ReadonlySet<string> = new Set<TabMessage['type']>([
  'nhs-context:navigate',
  'nhs-context:refresh',
  'nhs-context:result',
]);

/**
 * A message received by a content script, when it is one of ours: sent by our own extension from
 * outside any tab (the background or an extension page), with exactly a known `type`. Else null.
 */
export function parseTabMessage(raw: unknown, sender: SenderInfo, extensionId: string): TabMessage | null {
  if (!extensionId || sender.id !== extensionId || sender.tab != null) return null;
  if (!raw || typeof raw !== 'object') return null;
  const { type, id } = raw as { type?: unknown; id?: unknown };
  if (type === 'nhs-context:navigate' && typeof id === 'string' && Object.keys(raw).length === 2) return { type, id };
  if (Object.keys(raw).length !== 1) return null;
  return typeof type === 'string' && TAB_MESSAGE_TYPES.has(type) ? ({ type } as TabMessage) : null;
}

/** Send a content script call and check its reply, with the same `sendChecked` as `callBackground`. */
export function callFromContent<K extends ContentScriptCall>(
  send: (message: unknown) => Promise<unknown>,
  request: RequestOf<K> & { type: K },
): Promise<Reply<ReplyOf<K>>> {
  return sendChecked(send, request, CONTENT_REPLIES[request.type] as unknown as z.ZodMiniType<ReplyOf<K>>);
}
