/**
 * Where Chromium and Firefox differ, in one place. The code for the differences that touch the page
 * lives here; the rest is listed with where it is handled, so nobody has to rediscover them.
 *
 * 1. Adopted style sheets through Xray wrappers (handled here, `adoptSheet`). A Firefox content
 *    script sees the page's objects through Xray wrappers. `document.adoptedStyleSheets` is an
 *    ObservableArray: through the wrapper it is not iterable in Firefox ESR 140 (spreading it throws
 *    `TypeError: adoptedStyleSheets is not iterable`, and no page got a highlight), and assigning an
 *    array built in the content script may be refused (Mozilla bug 1928865). Its own `push` and
 *    `splice` work through the wrapper and in Chromium, so we mutate the list in place and only
 *    fall back to an assignment built by index (no iterator) where `push` fails.
 * 2. Constructed style sheets (`styleSheet`): built with the document's own window's constructor,
 *    so Firefox accepts them as belonging to that document.
 * 3. The CSS Custom Highlight API: Chromium 105+, Firefox 140+. Elsewhere nothing is marked and
 *    the popup still lists the mentions (`supportsHighlights` in highlight.ts).
 * 4. Background: Chromium runs a Manifest V3 service worker that may stop at any time; Firefox's
 *    build is Manifest V2 with an event page (`background.scripts`). The code assumes the worker
 *    can stop in both (state in storage or IndexedDB, never only in memory). `action` (MV3) versus
 *    `browserAction` (MV2): entrypoints/background.ts picks whichever exists.
 * 5. Manifest (wxt.config.ts): Firefox needs `browser_specific_settings.gecko` (an add-on id and
 *    `data_collection_permissions`); MV2 has no `optional_host_permissions`, so those hosts move to
 *    `optional_permissions`; `externally_connectable` is Chromium's only.
 * 6. `commands`: both read `suggested_key`, but a browser may leave a suggested key unbound (taken
 *    by the browser or another extension): read the real binding from `commands.getAll()`.
 * 7. Message origins (lib/protocol/messages.ts): Firefox reports `"null"` as the origin of a
 *    `moz-extension:` URL, so the origin is rebuilt from the URL's scheme and host there.
 * 8. Storage: IndexedDB (opened only by the background) and `storage.local` behave the same. A
 *    temporary add-on (about:debugging, `web-ext run`, the e2e tests) loses its data when Firefox
 *    removes it at shutdown; an installed one keeps it.
 * 9. Extension pages: `chrome-extension://ID/` in Chromium (the id follows from the folder path of an
 *    unpacked build), `moz-extension://UUID/` in Firefox (a random UUID per profile; the pref
 *    `extensions.webextensions.uuids` fixes it, as tests/e2e/firefox-harness.ts does).
 */

/** Something that can adopt constructed style sheets: a document or a shadow root. */
export type SheetTarget = Pick<DocumentOrShadowRoot, 'adoptedStyleSheets'>;

/** The sheets currently adopted, read by index (an Xray-wrapped list has no usable iterator). */
function currentSheets(target: SheetTarget): CSSStyleSheet[] {
  const list = target.adoptedStyleSheets;
  const out: CSSStyleSheet[] = [];
  for (let i = 0; i < list.length; i++) out.push(list[i]!);
  return out;
}

/** Adopt `sheet` into a document or shadow root, keeping the page's own; returns how to take it out. */
export function adoptSheet(target: SheetTarget, sheet: CSSStyleSheet): () => void {
  try {
    target.adoptedStyleSheets.push(sheet);
  } catch {
    // No usable push (a frozen array in older browsers): assign a copy read by index.
    target.adoptedStyleSheets = [...currentSheets(target), sheet];
  }
  return () => {
    const now = target.adoptedStyleSheets;
    for (let i = now.length - 1; i >= 0; i--) {
      if (now[i] !== sheet) continue;
      try {
        now.splice(i, 1);
      } catch {
        target.adoptedStyleSheets = currentSheets(target).filter((s) => s !== sheet);
      }
      return;
    }
  };
}
