import { defineConfig } from 'vitest/config';
import { dbFreeTestFiles } from './test/db-free';

// CI's PostgreSQL pass sets ASSAY_TEST_DB_ONLY=1: it skips the files that never reach a database
// (test/db-free.ts decides), which the PGlite pass ran already with the same outcome.
const dbOnly = process.env['ASSAY_TEST_DB_ONLY'] === '1';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', ...(dbOnly ? dbFreeTestFiles(import.meta.dirname) : [])],
    globalSetup: ['./test/global-setup.ts'],
    pool: 'forks',
    // A worker keeps its modules between files: every file builds its own app, database and clock (a
    // file that needs fresh module state must not rely on module-level singletons). Importing the
    // application anew for each file was ~190 s of the PGlite pass's file time; with this it is ~30 s
    // (the PGlite pass 475 s → 384 s, measured under the same load).
    isolate: false,
    // Many files wait on sockets, child processes and the database rather than the CPU: four workers
    // on two cores measured 312 s for the PGlite suite against about 400 s with two.
    maxWorkers: 4,
    // a hang guard, not a speed check: the heaviest tests (servers and CLI processes on the embedded
    // database, the route fuzzing) took 35–75 s in a CI run on a slow, loaded two-core machine
    testTimeout: 180_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: 'test' },
  },
});
