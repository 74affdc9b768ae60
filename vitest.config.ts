// Unit and integration tests in Node: real HTTP server, real keychain (run under scripts/with-keychain.sh).
// `.only` is refused in CI by Vitest's default (allowOnly: !isCI), as Playwright's forbidOnly does in playwright.config.ts.
import { appendFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Vitest's JSON report leaves unhandled errors out; `npm test` (scripts/test-all.mjs) counts them from this log, one line each.
const unhandledErrorsLog = process.env.KEYPOST_UNHANDLED_ERRORS_LOG;

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    // Returns nothing, so Vitest still reports the error and fails the run.
    onUnhandledError: unhandledErrorsLog
      ? (error) => appendFileSync(unhandledErrorsLog, `${JSON.stringify(`${error.type}: ${error.message}`)}\n`)
      : undefined,
  },
});
