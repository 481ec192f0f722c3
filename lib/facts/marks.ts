/**
 * What the background remembers about the fact base outside IndexedDB (in `storage.local`, through
 * the small `SettingsArea` interface so this stays free of `browser.*`): whether it was ever filled
 * on this install, and notices for the reader. If the database is later found empty — deleted by
 * the browser under storage pressure, by a clean-up tool, or by hand — the background rebuilds it
 * from the bundled pack and leaves a notice saying so, instead of silently starting over.
 */
import type { SettingsArea } from '../settings.ts';

const KEY = 'factBase';
/** Only the latest few notices are kept. */
const MAX_NOTICES = 5;

/** The notice left when an empty database replaces one that had been filled. */
export const RESET_NOTICE =
  'The fact base had been deleted (by the browser or a clean-up tool) and was rebuilt from the bundled pack. Packs you subscribed to or imported, and your own facts, were in it: add them again or restore a backup.';

export interface FactBaseMarks {
  /** Whether the fact base was ever filled on this install. */
  wasFilled(): Promise<boolean>;
  setFilled(): Promise<void>;
  addNotice(text: string): Promise<void>;
  /** Notices for the reader, oldest first. */
  notices(): Promise<string[]>;
}

interface Stored {
  filled?: boolean;
  notices?: string[];
}

/** Marks kept under one key of a storage area; a malformed value reads as empty. */
export function createFactBaseMarks(area: SettingsArea): FactBaseMarks {
  const read = async (): Promise<Stored> => {
    const raw = (await area.get(KEY))[KEY];
    if (!raw || typeof raw !== 'object') return {};
    const { filled, notices } = raw as Stored;
    return {
      filled: filled === true,
      notices: Array.isArray(notices) ? notices.filter((n): n is string => typeof n === 'string') : [],
    };
  };
  const write = async (change: (s: Stored) => Stored) => area.set({ [KEY]: change(await read()) });
  return {
    wasFilled: async () => (await read()).filled === true,
    setFilled: () => write((s) => ({ ...s, filled: true })),
    addNotice: (text) => write((s) => ({ ...s, notices: [...(s.notices ?? []), text].slice(-MAX_NOTICES) })),
    notices: async () => (await read()).notices ?? [],
  };
}
