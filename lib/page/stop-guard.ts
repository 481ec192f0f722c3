/**
 * Only a new copy of our own content script may stop this one. WXT stops older copies with a DOM
 * event on `document` (`<extension id>:content:wxt:content-script-started`, dispatched when a new
 * copy's context is created) that the page can see and forge, which would let any page switch the
 * extension off. The guard swallows that event before WXT's listener sees it (window, capture
 * phase), and a new copy stops the running one itself, through the content-script world's global
 * object, which the page cannot reach.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/** WXT's stop event name (a static it does not declare public). */
export const SCRIPT_STARTED_EVENT: string = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
  .SCRIPT_STARTED_MESSAGE_TYPE;

const RUNNING = Symbol.for('nhs-context:running');
type WithRunning = typeof globalThis & { [RUNNING]?: ContentScriptContext };

/** Call first in `main(ctx)`: stop the copy that was running, and let nothing else stop this one. */
export function guardContentScriptStop(ctx: ContentScriptContext): void {
  ctx.addEventListener(window, SCRIPT_STARTED_EVENT, (event: Event) => event.stopImmediatePropagation(), {
    capture: true,
  });
  const world = globalThis as WithRunning;
  if (world[RUNNING] && world[RUNNING] !== ctx) world[RUNNING].abort('replaced by a newer copy');
  world[RUNNING] = ctx;
}
