import { defineConfig } from 'vitest/config';

// End-to-end: one Chromium at a time on a 2-core machine, generous timeouts for real browsers.
export default defineConfig({
  root: new URL('../..', import.meta.url).pathname,
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
