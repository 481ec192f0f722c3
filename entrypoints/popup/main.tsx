/** Popup wiring: actions on the current tab, the two quick switches, and the fact base's status. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PackStatus } from '../../components/popup/PackStatus.tsx';
import { PageActions, type PageActionsProps } from '../../components/popup/PageActions.tsx';
import { activeHostname, pageActions, settingsClient } from '../../components/popup/page-actions-client.ts';
import { QuickSettings } from '../../components/popup/QuickSettings.tsx';
import { loadStatus } from '../../components/popup/status-client.ts';
import { PageSummary } from '../../components/popup/PageSummary.tsx';
import { download, focusMention, loadTab, loadTimeline } from '../../components/popup/summary-client.ts';
import '../../components/page.css';

const VERSION = browser.runtime.getManifest().version;

function show(actions: PageActionsProps | null, hostname: string) {
  render(
    <main class="popup">
      <h1>NHS Context</h1>
      {actions ? <PageActions {...actions} /> : null}
      <PageSummary
        load={loadTab}
        loadTimeline={loadTimeline}
        focus={focusMention}
        download={(f, d) => download(f, d, VERSION)}
      />
      <QuickSettings load={settingsClient.load} save={settingsClient.save} hostname={hostname} />
      <PackStatus load={loadStatus} />
    </main>,
    document.getElementById('app')!,
  );
}

show(null, '');
Promise.all([pageActions(), activeHostname()]).then(
  ([actions, hostname]) => show(actions, hostname),
  () => show(null, ''),
);
