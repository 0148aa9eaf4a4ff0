import { defineConfig } from 'vitest/config';

/** Browser tests: the real server in-process, Debian's chromium through playwright-core. `npm run test:e2e`. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['./test/e2e/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    // as in vitest.config.ts: the worker keeps its modules between files instead of importing the
    // application again for each (each file still starts its own server, database and browser)
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { NODE_ENV: 'test' },
  },
});
