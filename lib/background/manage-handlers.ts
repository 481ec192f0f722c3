/**
 * The background's handlers for the extension-page calls in lib/protocol/manage-calls.ts, split by
 * concern: packs and subscriptions (pack-handlers.ts), own facts and flags (own-handlers.ts), search,
 * kept annotations and backup (data-handlers.ts). Pure: the store, index, settings and clock come in
 * through `ManageDeps` (manage-deps.ts), which entrypoints/background.ts fills in.
 */
import { createDataHandlers } from './data-handlers.ts';
import type { ManageCallName, ManageDeps } from './manage-deps.ts';
import { createOwnHandlers } from './own-handlers.ts';
import { createPackHandlers } from './pack-handlers.ts';
import type { Handlers } from './router.ts';

/** Handlers for every call in `manageCalls`. */
export function createManageHandlers(deps: ManageDeps): Pick<Handlers, ManageCallName> {
  return { ...createPackHandlers(deps), ...createOwnHandlers(deps), ...createDataHandlers(deps) };
}
