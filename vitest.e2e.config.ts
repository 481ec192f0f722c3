import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests against real browsers and the built extension (`.output/chrome-mv3`, a test
 * build). One at a time: each launches a browser, and two Chromiums on two cores time out.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A page, an extension and a service worker on two shared cores: give polled expectations time.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
  },
});
