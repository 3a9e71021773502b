import { defineConfig } from 'vitest/config';

// One fork per core; each keeps one embedded database for all the files it runs (isolate: false),
// and every test file gets its own schema in it, so no file sees another's data. A process empties
// its files' schemas and reuses them (test/schema-pool.ts); the global setup drops what is left.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/summary-reporter.ts'],
    env: { NODE_ENV: 'test' },
  },
});
