import { defineConfig } from 'vitest/config';

/**
 * Static gates on the production builds in `.output/audit/` (made by `scripts/build-audit.mjs`):
 * manifest contract, bundle scan, web-ext lint's report. Stage "static" of `npm test`.
 */
export default defineConfig({
  test: {
    include: ['tests/static/**/*.test.ts'],
    environment: 'node',
  },
});
