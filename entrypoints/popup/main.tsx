/** Popup wiring: actions on the current tab, the two quick switches, and the fact base's status. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PackStatus } from '../../components/PackStatus.tsx';
import { PageActions, type PageActionsProps } from '../../components/PageActions.tsx';
import { activeHostname, pageActions, settingsClient } from '../../components/page-actions-client.ts';
import { QuickSettings } from '../../components/QuickSettings.tsx';
import { loadStatus } from '../../components/status-client.ts';
import { PageSummary } from '../../components/PageSummary.tsx';
import { download, focusMention, loadTab, loadTimeline } from '../../components/summary-client.ts';
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
