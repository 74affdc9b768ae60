// Unit and integration tests in Node: real HTTP server, real keychain (run under scripts/with-keychain.sh).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
  },
});
