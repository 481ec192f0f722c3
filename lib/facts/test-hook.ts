/**
 * A hook for end-to-end tests, compiled in only in a test build (`import.meta.env.NHS_CONTEXT_TEST`,
 * set by `npm run build:test`): production builds drop it (tests/static/bundle-scan.test.ts checks).
 *
 * From the service worker (Playwright's `worker.evaluate`): `__nhsContextTest.startImport(pack)`
 * starts a pack import without waiting for it, and `__nhsContextTest.importState()` says whether it
 * is still writing, so a test can stop the worker in the middle of one (tests/e2e/worker-stop).
 */
import type { Pack } from './schema.ts';
import type { FactStore, PackOrigin } from './store.ts';

export interface ImportState {
  phase: 'idle' | 'writing' | 'done' | 'failed';
  error?: string;
}

/** Expose the hook on the worker's global scope. */
export function installStoreTestHook(openStore: () => Promise<FactStore>): void {
  let state: ImportState = { phase: 'idle' };
  (globalThis as { __nhsContextTest?: unknown }).__nhsContextTest = {
    startImport(pack: Pack, origin: PackOrigin = 'file'): void {
      state = { phase: 'writing' };
      openStore()
        .then((store) => store.importPack(pack, origin))
        .then(
          () => (state = { phase: 'done' }),
          (error: unknown) => (state = { phase: 'failed', error: String(error) }),
        );
    },
    importState: (): ImportState => ({ ...state }),
  };
}
