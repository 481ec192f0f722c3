import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit tests: node by default; a file opts into a DOM with `// @vitest-environment happy-dom`. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // tests/static/ read the production builds: their own stage (vitest.static.config.ts).
    exclude: ['tests/e2e/**', 'tests/static/**', 'node_modules/**'],
    environment: 'node',
    restoreMocks: true,
  },
});
