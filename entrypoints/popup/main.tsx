/** Popup wiring: the fact base's status for now; the tab's result comes with issue 3. */
import { render } from 'preact';
import { PackStatus } from '../../components/PackStatus.tsx';
import { loadStatus } from '../../components/status-client.ts';
import '../../components/page.css';

render(
  <main class="popup">
    <h1>NHS Context</h1>
    <PackStatus load={loadStatus} />
  </main>,
  document.getElementById('app')!,
);
