/**
 * The in-page experience's timings, each named with its reason (after Wikimedia's Page
 * Previews constants).
 */

/**
 * Hover this long before a card opens: long enough that a pointer merely crossing a highlighted
 * name on its way elsewhere does not flash a card, short enough to feel like a response
 * (Page Previews uses 500 ms for links; our marks are not links, so a little less).
 */
export const OPEN_DELAY_MS = 350;

/**
 * After the pointer leaves the mention or the card, wait this long before closing: the pointer
 * needs time to cross the gap between the mention and the card without the card vanishing.
 */
export const CLOSE_GRACE_MS = 300;

/**
 * Wait for the page to stop changing this long before reading it again: pages that load their
 * article late, or live-update, mutate in bursts; one re-read per burst keeps the cost bounded.
 */
export const MUTATION_DEBOUNCE_MS = 400;

/**
 * Even a page that never stops changing (live blogs, infinite scroll) is re-read at least this
 * often while it changes: new text gets its highlights within a couple of seconds, yet a page
 * mutating every frame costs at most one full rescan per this interval — batching every mutation
 * in between into that one rescan instead of doing work per changed node.
 */
export const MAX_WAIT_MS = 4 * MUTATION_DEBOUNCE_MS;

/**
 * After an in-site navigation, wait this long before reading the new article: single-page apps
 * replace the old content over a few frames, and a read in between would annotate a mixture.
 */
export const NAVIGATION_SETTLE_MS = 250;
