import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Builds the test sites once per run, for the built-site and browser suites to share.
    globalSetup: ['tests/support/build-sites.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'tests/fixtures/**'],
  },
});
