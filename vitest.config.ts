// Unit and integration tests in Node: real HTTP server, real keychain (run under scripts/with-keychain.sh).
// `.only` is refused in CI by Vitest's default (allowOnly: !isCI), as Playwright's forbidOnly does in playwright.config.ts.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The temp files and folders the tests make (stores, spooled bodies, data dirs) all go in one folder, removed when the
// run ends: os.tmpdir() follows TMPDIR, which the test processes inherit. Left in /tmp, every run added to them.
const runTmp = mkdtempSync(path.join(tmpdir(), 'keypost-unit-'));
process.env.TMPDIR = runTmp;
process.once('exit', () => rmSync(runTmp, { recursive: true, force: true }));

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
