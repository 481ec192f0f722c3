/** A lazily built value that is rebuilt after `invalidate()` or after a failed build. */
export interface Cache<T> {
  get(): Promise<T>;
  invalidate(): void;
}

/** Cache the result of `build`; concurrent callers share one build, a failed build is retried. */
export function createCache<T>(build: () => Promise<T>): Cache<T> {
  let pending: Promise<T> | null = null;
  return {
    get() {
      if (!pending) {
        const attempt = build();
        pending = attempt;
        attempt.catch(() => {
          if (pending === attempt) pending = null;
        });
      }
      return pending;
    },
    invalidate() {
      pending = null;
    },
  };
}
