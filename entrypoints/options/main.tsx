/**
 * Options wiring: the page's view from the address fragment (`#welcome` on first run, `#search=…`
 * from the context menu), host permissions for subscriptions, and persistent storage.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { callBackgroundFromPage } from '../../components/options/client.ts';
import { OptionsPage } from '../../components/options/OptionsPage.tsx';
import { permissionPattern } from '../../lib/facts/fetch-pack.ts';
import { parseOptionsHash } from '../../lib/options-links.ts';
import '../../components/page.css';
import '../../components/options/options.css';

/**
 * Ask for permission to read a subscription's site (an optional host permission). A URL the
 * browser cannot ask about (not https, or malformed) is left for the background to refuse or try.
 */
async function requestHost(url: string): Promise<boolean> {
  let pattern: string;
  try {
    pattern = permissionPattern(url);
  } catch {
    return true;
  }
  try {
    return await browser.permissions.request({ origins: [pattern] });
  } catch {
    return true;
  }
}

/** Ask the browser not to clear our storage under pressure; whether it will. */
async function persist(): Promise<boolean | null> {
  const storage = navigator.storage;
  if (!storage?.persist) return null;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return null;
  }
}

function show(persisted: boolean | null) {
  render(
    <OptionsPage
      call={callBackgroundFromPage}
      view={parseOptionsHash(location.hash)}
      requestHost={requestHost}
      persisted={persisted}
    />,
    document.getElementById('app')!,
  );
}

show(null);
void persist().then(show);
window.addEventListener('hashchange', () => void persist().then(show));
