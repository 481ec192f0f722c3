/** A hook that loads a call's reply and reloads it when `revision` changes. */
import { useEffect, useState } from 'preact/hooks';
import type { Reply } from '../../lib/protocol/messages.ts';

/** A reply being loaded, failed, or ready. */
export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T };

/** Runs `load` on mount and whenever `revision` changes; stale answers are dropped. */
export function useReply<T>(load: () => Promise<Reply<T>>, revision: unknown): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (r) => live && setLoaded(r.ok ? { state: 'ready', data: r.data } : { state: 'error', message: r.error.message }),
      (e: unknown) => live && setLoaded({ state: 'error', message: String(e) }),
    );
    return () => {
      live = false;
    };
    // `load` is recreated on every render by callers; `revision` says when to reload.
  }, [revision]);
  return loaded;
}
