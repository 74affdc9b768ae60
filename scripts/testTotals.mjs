// Turns each suite's outcome (a step's exit, Vitest's or Playwright's JSON report) into counts for npm test's closing line.

/**
 * What one suite or step adds to the closing line; `problems` says, in words, what failed outside a test.
 * @typedef {{ passed: number, failed: number, skipped: number, problems: string[] }} Tally
 */

/** @param {Partial<Tally>} counts @returns {Tally} */
const tally = ({ passed = 0, failed = 0, skipped = 0, problems = [] }) => ({ passed, failed, skipped, problems });

/** A step without tests of its own (typecheck, build, scan): one pass or one failure. @param {boolean} ok */
export const stepTally = (ok) => tally(ok ? { passed: 1 } : { failed: 1 });

/** A suite that should have run and did not (failed build, no report written): one failure. @param {string} reason */
export const notRunTally = (reason) => tally({ failed: 1, problems: [`did not run: ${reason}`] });

/** A suite left out on purpose (e.g. no Electron binary here): one skip. */
export const skippedSuiteTally = () => tally({ skipped: 1 });

/**
 * Vitest's JSON reporter output (vitest 5: numPassedTests, numFailedTestSuites, testResults[].assertionResults…).
 * @typedef {{ status: string, ancestorTitles: string[] }} VitestTest
 * @typedef {{ name: string, status: 'passed' | 'failed', message: string, assertionResults: VitestTest[] }} VitestFile
 * @typedef {{ numPassedTests: number, numFailedTests: number, numPendingTests: number, numTodoTests: number,
 *             numFailedTestSuites: number, testResults: VitestFile[] }} VitestReport
 */

/**
 * @param {VitestReport | null} report null when the run wrote none
 * @param {{ exitOk: boolean, unhandledErrors?: number }} run vitest's exit, and how many unhandled errors it caught
 *   (its JSON report leaves those out; vitest.config.ts logs them for npm test)
 * @returns {Tally}
 */
export function vitestTally(report, { exitOk, unhandledErrors = 0 }) {
  if (!report) return notRunTally('Vitest wrote no report');
  const problems = [];
  const failedFiles = report.testResults.filter((file) => file.status === 'failed');
  // A file that failed to import, or whose top-level hook threw, carries the error as its message.
  const brokenFiles = failedFiles.filter((file) => file.message !== '');
  for (const file of brokenFiles) problems.push(`${file.name}: ${file.message}`);
  // numFailedTestSuites counts failed files and describe blocks. A describe block fails when a test in it fails,
  // or on its own (a beforeAll/afterAll inside it threw): the latter is what the failed tests leave unexplained.
  const describesWithFailedTests = new Set();
  for (const file of report.testResults) {
    for (const test of file.assertionResults) {
      if (test.status !== 'failed') continue;
      for (let depth = 1; depth <= test.ancestorTitles.length; depth++) {
        describesWithFailedTests.add(JSON.stringify([file.name, ...test.ancestorTitles.slice(0, depth)]));
      }
    }
  }
  const failedDescribes = Math.max(0, report.numFailedTestSuites - failedFiles.length - describesWithFailedTests.size);
  // A failed file with no message and no failed test failed through such a block, or never finished (its worker died).
  const silentFiles = failedFiles.filter((file) => file.message === '' && !file.assertionResults.some((test) => test.status === 'failed'));
  const suiteErrors = Math.max(failedDescribes, silentFiles.length);
  if (suiteErrors > 0) {
    const where = silentFiles.length > 0 ? ` (in ${silentFiles.map((file) => file.name).join(', ')})` : '';
    problems.push(`${suiteErrors} suite(s) failed outside their tests: a beforeAll/afterAll hook threw, or a file never finished${where}`);
  }
  if (unhandledErrors > 0) problems.push(`${unhandledErrors} unhandled error(s) during the run`);
  let failed = report.numFailedTests + brokenFiles.length + suiteErrors + unhandledErrors;
  if (!exitOk && failed === 0) {
    problems.push('Vitest exited with an error its report does not show');
    failed = 1;
  }
  return tally({ passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests, problems });
}

/** The first line of a message, without terminal colours. @param {string} message */
const firstLine = (message) => message.replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0] ?? '';

/**
 * Playwright's JSON reporter output (@playwright/test 1.65: JSONReport in playwright/types/testReporter.d.ts).
 * @typedef {{ stats: { expected: number, unexpected: number, flaky: number, skipped: number },
 *             errors: Array<{ message?: string }> }} PlaywrightReport
 */

/**
 * @param {PlaywrightReport | null} report null when the run wrote none
 * @param {{ exitOk: boolean }} run
 * @returns {Tally}
 */
export function playwrightTally(report, { exitOk }) {
  if (!report) return notRunTally('Playwright wrote no report');
  const { expected, unexpected, flaky, skipped } = report.stats;
  // Top-level errors: a spec that failed to load, a .only under forbidOnly, a global setup or worker teardown failure.
  const problems = report.errors.map((error) => firstLine(error.message ?? 'an error outside any test'));
  let failed = unexpected + report.errors.length;
  if (!exitOk && failed === 0) {
    problems.push('Playwright exited with an error its report does not show');
    failed = 1;
  }
  // A flaky test passed on a retry (the config has none today).
  return tally({ passed: expected + flaky, failed, skipped, problems });
}

/** @param {Tally[]} tallies @returns {Tally} */
export function sumTallies(tallies) {
  return tallies.reduce(
    (sum, one) => tally({
      passed: sum.passed + one.passed,
      failed: sum.failed + one.failed,
      skipped: sum.skipped + one.skipped,
      problems: [...sum.problems, ...one.problems],
    }),
    tally({}),
  );
}

/** `N passed, N failed, N skipped`: the closing line CI reads. @param {Tally} total */
export const countsLine = (total) => `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`;
