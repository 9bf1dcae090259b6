import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Asia/Shanghai is the users' zone; run the suite in another zone to prove we never rely on the machine's.
    env: { TZ: 'America/Los_Angeles' },
  },
});
