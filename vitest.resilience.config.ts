import { defineConfig } from 'vitest/config';

// `npm run test:resilience`: the slow tests that spawn real Onramp processes against the real
// PostgreSQL (kill -9 loop, SMTP outage, database outage through a proxy, many nodes, races).
// One file at a time: the machine has two cores and the processes need them.
export default defineConfig({
  test: {
    include: ['test/resilience/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
