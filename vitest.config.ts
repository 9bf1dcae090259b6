import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // a limit for a hung test, not a speed check: sized for a loaded 2-core machine, where a test that
    // spawns the CLI or starts a harness may wait its turn for a long time (timings: npm run bench)
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Asia/Shanghai is the users' zone; run the suite in another zone to prove we never rely on the machine's.
    env: { TZ: 'America/Los_Angeles' },
  },
});
