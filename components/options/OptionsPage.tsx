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

/** Every options section, in order. */
export function OptionsPage({ call, view, requestHost, persisted }: OptionsPageProps) {
  const [revision, setRevision] = useState(0);
  const section = { call, revision, onChanged: () => setRevision((n) => n + 1) };
  return (
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
  );
}
