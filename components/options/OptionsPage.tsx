/**
 * The options page: first-run notice, fact packs and subscriptions, own facts and flags, search,
 * kept annotations, backup and restore, sites, and what changed (CHANGELOG.md). Every section asks the background through
 * `call`; a change in one section reloads the others (`revision`).
 */
import { useState } from 'preact/hooks';
import type { OptionsView } from '../../lib/options-links.ts';
import { AboutData } from './AboutData.tsx';
import { BackupSection } from './BackupSection.tsx';
import type { Call } from './client.ts';
import { KeptSection } from './KeptSection.tsx';
import { FlagsSection, OwnFactsSection } from './OwnFactsSection.tsx';
import { PacksSection } from './PacksSection.tsx';
import { SearchSection } from './SearchSection.tsx';
import { SitesSection } from './SitesSection.tsx';
import { SubscriptionsSection } from './SubscriptionsSection.tsx';
import { WhatChanged } from './WhatChanged.tsx';

/** The page's link to the background and to the browser. */
export interface OptionsPageProps {
  call: Call;
  view: OptionsView;
  requestHost: (url: string) => Promise<boolean>;
  persisted: boolean | null;
}

/** The sidebar: each section's heading id and its name. */
const SECTIONS: [string, string][] = [
  ['search-title', 'Search'],
  ['packs-title', 'Fact packs'],
  ['subs-title', 'Subscriptions'],
  ['own-title', 'Own facts'],
  ['flags-title', 'Flags'],
  ['kept-title', 'Kept annotations'],
  ['backup-title', 'Backup and restore'],
  ['sites-title', 'Sites and highlights'],
];

/** Scroll to a section and move focus to its heading (so the keyboard continues from there). */
function go(id: string) {
  const heading = document.getElementById(id);
  if (!heading) return;
  heading.tabIndex = -1;
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

/** Every options section, in order, with a sidebar to reach each. */
export function OptionsPage({ call, view, requestHost, persisted }: OptionsPageProps) {
  const [revision, setRevision] = useState(0);
  const section = { call, revision, onChanged: () => setRevision((n) => n + 1) };
  return (
    <div class="options-layout">
      <nav class="options-nav" aria-label="Settings sections">
        <p class="nav-title">NHS Context</p>
        <ul>
          {SECTIONS.map(([id, label]) => (
            <li key={id}>
              <button type="button" class="nav-link" onClick={() => go(id)}>
                {label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main class="options">
        <h1>NHS Context settings</h1>
        <AboutData welcome={view.view === 'welcome'} />
        <SearchSection
          call={call}
          initialQuery={view.view === 'search' ? view.query : ''}
          onChanged={section.onChanged}
        />
        <PacksSection {...section} />
        <SubscriptionsSection {...section} requestHost={requestHost} />
        <OwnFactsSection {...section} />
        <FlagsSection {...section} />
        <KeptSection {...section} />
        <BackupSection {...section} persisted={persisted} />
        <SitesSection {...section} />
        <WhatChanged />
      </main>
    </div>
  );
}
