/** Options wiring: installed packs for now; sites, imports and backups come later. */
import { render } from 'preact';
import { PackStatus } from '../../components/PackStatus.tsx';
import { loadStatus } from '../../components/status-client.ts';
import '../../components/page.css';

render(
  <main>
    <h1>NHS Context settings</h1>
    <h2>Fact packs</h2>
    <PackStatus load={loadStatus} />
  </main>,
  document.getElementById('app')!,
);
