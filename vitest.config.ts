import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // Tests run bin/returndesk.mjs, which runs the built command line: build it first.
    globalSetup: ['test/support/build-cli.ts'],
  },
});
