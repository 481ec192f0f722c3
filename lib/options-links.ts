/**
 * Names shared by the background and the options page: the context-menu item, the subscription
 * alarm, and the options page's address fragments (`#welcome` on first run, `#search=…` from the
 * context menu on selected text).
 */

/** The context-menu item "Search NHS Context for …" on selected text. */
export const SEARCH_MENU_ID = 'nhs-context-search';
/** The alarm that checks which subscriptions are due (lib/facts/subscriptions.ts `isDue`). */
export const UPDATE_ALARM = 'nhs-context:update-subscriptions';
/** How often the alarm fires; each subscription is fetched at most daily (an hour after an error). */
export const UPDATE_ALARM_PERIOD_MINUTES = 60;
/** A selection longer than this is cut before it becomes a search. */
const MAX_QUERY = 300;

/** Where the options page opens. */
export type OptionsView = { view: 'welcome' } | { view: 'search'; query: string } | { view: 'main' };

/** The fragment for a view: `#welcome`, `#search=<encoded query>`, or ''. */
export function optionsHash(view: OptionsView): string {
  if (view.view === 'welcome') return '#welcome';
  if (view.view === 'search')
    return `#search=${encodeURIComponent(view.query.trim().replace(/\s+/g, ' ').slice(0, MAX_QUERY))}`;
  return '';
}

/** The view a fragment asks for; anything unknown is the main view. */
export function parseOptionsHash(hash: string): OptionsView {
  if (hash === '#welcome') return { view: 'welcome' };
  const m = /^#search=(.*)$/.exec(hash);
  if (m) {
    try {
      return { view: 'search', query: decodeURIComponent(m[1]!).slice(0, MAX_QUERY) };
    } catch {
      return { view: 'main' };
    }
  }
  return { view: 'main' };
}
