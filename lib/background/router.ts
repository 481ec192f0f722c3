/**
 * The background's message router, pure so it can be tested without a browser: classify the
 * sender, parse the request, check the sender may make that call, run the handler, and turn every
 * failure into an error reply.
 */
import {
  ALLOWED_CALLS,
  classifySender,
  errorMessage,
  parseRequest,
  type CallName,
  type Reply,
  type ReplyOf,
  type RequestOf,
  type SenderClass,
  type SenderInfo,
} from '../protocol/messages.ts';

/** What a handler knows about who asked. */
export interface CallContext {
  senderClass: SenderClass;
  sender: SenderInfo;
}

/** One handler per call; a handler may throw, the router catches it. */
export type Handlers = {
  [K in CallName]: (request: RequestOf<K>, context: CallContext) => Promise<ReplyOf<K>> | ReplyOf<K>;
};

export interface RouterDeps {
  /** `browser.runtime.id`. */
  extensionId: string;
  /** The origin of our own pages, e.g. `chrome-extension://<id>`. */
  extensionOrigin: string;
  /** Told about handler failures (the reply carries only the message). */
  onError?: (error: unknown, type: CallName) => void;
}

export type Route = (raw: unknown, sender: SenderInfo | undefined) => Promise<Reply>;

/** Build the function that answers every incoming message. It never throws. */
export function createRouter(handlers: Handlers, deps: RouterDeps): Route {
  return async (raw, sender = {}) => {
    const senderClass = classifySender(sender, deps.extensionId, deps.extensionOrigin);
    if (senderClass === 'foreign') return fail('forbidden', 'sender not allowed');
    const parsed = parseRequest(raw);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const { request } = parsed;
    if (!ALLOWED_CALLS[senderClass].has(request.type)) {
      return fail('forbidden', `${request.type} is not allowed from a ${senderClass}`);
    }
    try {
      // The discriminated union guarantees request matches handlers[request.type].
      const handler = handlers[request.type] as (r: typeof request, c: CallContext) => unknown;
      const data = await handler(request, { senderClass, sender });
      return { ok: true, data };
    } catch (error) {
      deps.onError?.(error, request.type);
      return fail('internal', errorMessage(error));
    }
  };
}

function fail(code: 'forbidden' | 'internal', message: string): Reply {
  return { ok: false, error: { code, message } };
}

/**
 * Adapt a route to `runtime.onMessage`. Real browsers answer through `sendResponse` when the
 * listener returns `true`; WXT's fake browser passes no `sendResponse` and awaits a returned
 * Promise. This listener does whichever the caller supports.
 */
export function toMessageListener(route: Route) {
  return (
    raw: unknown,
    sender: SenderInfo | undefined,
    sendResponse?: (reply: Reply) => void,
  ): true | Promise<Reply> => {
    const reply = route(raw, sender);
    if (typeof sendResponse !== 'function') return reply;
    void reply.then(sendResponse);
    return true;
  };
}
