/** Popup wiring: actions on the current tab, the page's dashboard, the two quick switches, the fact base's status. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PackStatus } from '../../components/popup/PackStatus.tsx';
import { PageActions, type PageActionsProps } from '../../components/popup/PageActions.tsx';
import {
  activeHostname,
  navigateShortcut,
  pageActions,
  settingsClient,
} from '../../components/popup/page-actions-client.ts';
import { QuickSettings } from '../../components/popup/QuickSettings.tsx';
import { loadStatus } from '../../components/popup/status-client.ts';
import { PageSummary } from '../../components/popup/PageSummary.tsx';
import { download, focusMention, loadTab, loadTimeline } from '../../components/popup/summary-client.ts';
import '../../components/page.css';

const VERSION = browser.runtime.getManifest().version;

interface View {
  actions: PageActionsProps | null;
  hostname: string;
  annotated: boolean | null;
  shortcut: string | undefined;
}

let view: View = { actions: null, hostname: '', annotated: null, shortcut: undefined };
const onLoaded = (annotated: boolean) => {
  if (view.annotated !== annotated) show({ ...view, annotated });
};
const openOptions = (e: Event) => {
  e.preventDefault();
  void browser.runtime.openOptionsPage();
};

function show(next: View) {
  view = next;
  render(
    <main class="popup">
      <header class="bar">
        <h1>NHS Context</h1>
        <a href="options.html" onClick={openOptions}>
          Options
        </a>
      </header>
      {next.actions ? <PageActions {...next.actions} annotated={next.annotated} shortcut={next.shortcut} /> : null}
      <PageSummary
        load={loadTab}
        loadTimeline={loadTimeline}
        focus={focusMention}
        download={(f, d) => download(f, d, VERSION)}
        onLoaded={onLoaded}
      />
      <footer class="foot">
        <QuickSettings load={settingsClient.load} save={settingsClient.save} hostname={next.hostname} />
        <PackStatus load={loadStatus} />
      </footer>
    </main>,
    document.getElementById('app')!,
  );
}

show(view);
Promise.all([pageActions(), activeHostname(), navigateShortcut()]).then(
  ([actions, hostname, shortcut]) => show({ ...view, actions, hostname, shortcut }),
  () => show(view),
);
