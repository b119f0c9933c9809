import { defineConfig } from 'vitest/config';

// `npm test` runs every project; `npm run test:fast` only `unit` and `store` (the inner loop).
// Each test file owns its databases (a fresh PGlite copy, a PostgreSQL database cloned from the
// migrated template), its ports (0) and its temporary folders, so two files can run side by side:
// one per core. The slow suite that spawns real processes is `npm run test:resilience`.
const UNIT = ['test/domain/**/*.test.ts', 'test/email/**/*.test.ts'];
const BROWSER = ['test/browser/**/*.test.ts'];
// The command line in-process and spawned, the whole-system scenario, and the bench at tiny sizes.
const CLI = ['test/cli/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/bench-smoke.test.ts'];
const ALL = ['test/**/*.test.ts', 'test/**/*.test.tsx'];
const NEVER = ['test/resilience/**', 'node_modules/**'];

// Not `extends: true`: a project that extends the root would run the global setup once more.
// `isolate: false`: a worker keeps its loaded modules (and V8's warm code) from one file to the
// next, which took the suite from 362 s to 267 s of vitest on two cores. Files share no state but
// modules: every file opens its own world, server, SMTP sink and browser, and closes them.
const project = (name: string, include: string[], exclude: string[] = []) => ({
  test: {
    name,
    include,
    exclude: [...NEVER, ...exclude],
    // Bounds that catch a hang, not budgets: the suite must pass on a busy machine too.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks' as const,
    isolate: false,
  },
});

export default defineConfig({
  test: {
    // Runs once per run; every project inherits what it provides (the migrated PGlite image and
    // PostgreSQL template).
    globalSetup: ['test/support/global-setup.ts'],
    maxWorkers: 2,
    projects: [
      project('unit', UNIT),
      // Everything else that is not a browser or a process: use cases, API, pages, jobs, security.
      project('store', ALL, [...UNIT, ...BROWSER, ...CLI]),
      project('browser', BROWSER),
      project('cli', CLI),
    ],
  },
});
