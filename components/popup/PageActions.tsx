/**
 * The popup's actions on the current tab: step through the mentions with the keyboard (with the
 * shortcut the browser really bound, from `commands.getAll()`), or — only where the page is not
 * annotated yet — annotate it once or keep the extension on for that site. Each action is a
 * function passed in (components/popup/page-actions-client.ts does the browser calls), so this renders
 * and tests without a browser.
 */
import { useState } from 'preact/hooks';

export interface PageActionsProps {
  /** Start keyboard navigation in the tab; resolves to an error message, or null. */
  navigate: () => Promise<string | null>;
  /** Run the content script once in the tab (activeTab); resolves to an error message, or null. */
  annotate: () => Promise<string | null>;
  /**
   * Ask for the site's permission and register the content script there; null when the tab is not
   * an https page other than a listed site (then the button is not offered).
   */
  alwaysOn: (() => Promise<string | null>) | null;
  /** Whether the page already has annotations (null: not known yet). */
  annotated?: boolean | null;
  /** The shortcut bound to "step through mentions" ("Alt+Shift+K"), '' when none is bound, undefined unknown. */
  shortcut?: string;
}

/** The buttons that apply to this page and a polite status line. */
export function PageActions({ navigate, annotate, alwaysOn, annotated = null, shortcut }: PageActionsProps) {
  const [status, setStatus] = useState('');
  const act = (action: () => Promise<string | null>, done: string) => async () => {
    setStatus('Working…');
    const error = await action().catch((e: unknown) => String(e));
    setStatus(error ?? done);
  };
  return (
    <section class="page-actions" aria-label="Actions on this page">
      {annotated !== false ? (
        <p>
          <button type="button" onClick={act(navigate, 'Use n and p (or Tab) on the page; Esc to stop.')}>
            Step through mentions
          </button>{' '}
          {shortcut ? (
            <span class="hint">
              or press <kbd>{shortcut}</kbd>
            </span>
          ) : shortcut === '' ? (
            <span class="hint">No shortcut set (see the browser's extension shortcuts)</span>
          ) : null}
        </p>
      ) : null}
      {annotated !== true ? (
        <p>
          <button type="button" class="primary" onClick={act(annotate, 'Annotated this page.')}>
            Annotate this page
          </button>{' '}
          {alwaysOn ? (
            <button type="button" onClick={act(alwaysOn, 'On for this site from now on.')}>
              Always on this site
            </button>
          ) : null}
        </p>
      ) : null}
      <p class="page-actions-status" role="status">
        {status}
      </p>
    </section>
  );
}
