/**
 * The popup's two switches: pause everywhere, and off on this site. The rest of the settings (mark
 * every mention, per-kind switches, hidden entities) belong to the options page. `load` and `save`
 * ask the background, which tells open pages to repaint.
 */
import { useEffect, useState } from 'preact/hooks';
import { siteKey, type Settings } from '../../lib/settings.ts';

export interface QuickSettingsProps {
  load: () => Promise<Settings | null>;
  save: (settings: Settings) => Promise<Settings | null>;
  /** The current tab's hostname, or '' when it has none (then only "pause" is offered). */
  hostname: string;
}

/** Pause everywhere / off on this site. */
export function QuickSettings({ load, save, hostname }: QuickSettingsProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void load().then(setSettings);
  }, [load]);
  if (!settings) return null;
  const site = siteKey(hostname);
  const offHere = site !== '' && settings.disabledSites.includes(site);
  const update = async (next: Settings) => setSettings((await save(next)) ?? settings);
  return (
    <fieldset class="quick-settings">
      <legend>Highlights</legend>
      <label>
        <input
          type="checkbox"
          checked={settings.paused}
          onChange={() => void update({ ...settings, paused: !settings.paused })}
        />{' '}
        Pause everywhere
      </label>
      {site ? (
        <label>
          <input
            type="checkbox"
            checked={offHere}
            onChange={() =>
              void update({
                ...settings,
                disabledSites: offHere
                  ? settings.disabledSites.filter((s) => s !== site)
                  : [...settings.disabledSites, site],
              })
            }
          />{' '}
          Off on {site}
        </label>
      ) : null}
    </fieldset>
  );
}
