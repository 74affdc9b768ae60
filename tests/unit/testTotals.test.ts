// npm test's closing line counts what really happened: suite-level errors, skips and suites that never ran.
// The sample reports are cut down from real Vitest 5 and Playwright 1.65 JSON reports (same shapes and fields).
import { describe, expect, it } from 'vitest';
import { countsLine, notRunTally, playwrightTally, skippedSuiteTally, stepTally, sumTallies, vitestTally } from '../../scripts/testTotals.mjs';

/** One entry of a Vitest file's assertionResults. */
const vitestTest = (title: string, status: 'passed' | 'failed' | 'skipped' | 'todo', ancestorTitles: string[] = []) => ({
  ancestorTitles,
  fullName: [...ancestorTitles, title].join(' '),
  status,
  title,
  failureMessages: status === 'failed' ? ['AssertionError: expected 1 to be 2 // Object.is equality'] : [],
  meta: {},
  tags: [],
  benchmarks: [],
});

const vitestFile = (name: string, status: 'passed' | 'failed', assertionResults: Array<ReturnType<typeof vitestTest>>, message = '') => ({
  assertionResults,
  startTime: 1796014306350,
  endTime: 1796014306360,
  status,
  message,
  name,
});

const vitestReport = (counts: { suites: number; failedSuites: number; passed: number; failed: number; pending: number; todo: number }, testResults: Array<ReturnType<typeof vitestFile>>) => ({
  numTotalTestSuites: counts.suites,
  numPassedTestSuites: counts.suites - counts.failedSuites,
  numFailedTestSuites: counts.failedSuites,
  numPendingTestSuites: 0,
  numTotalTests: counts.passed + counts.failed + counts.pending + counts.todo,
  numPassedTests: counts.passed,
  numFailedTests: counts.failed,
  numPendingTests: counts.pending,
  numTodoTests: counts.todo,
  startTime: 1796014306350,
  success: counts.failed === 0 && counts.failedSuites === 0,
  testResults,
});

// A file that failed to import, a file with a failed test, and a file with skipped and todo tests.
const brokenImportAndFailedTest = vitestReport({ suites: 3, failedSuites: 2, passed: 2, failed: 1, pending: 1, todo: 1 }, [
  vitestFile('/repo/tests/unit/broken.test.ts', 'failed', [], "Cannot find module './does-not-exist' imported from /repo/tests/unit/broken.test.ts"),
  vitestFile('/repo/tests/unit/fail.test.ts', 'failed', [vitestTest('fails', 'failed'), vitestTest('passes too', 'passed')]),
  vitestFile('/repo/tests/unit/pass.test.ts', 'passed', [vitestTest('passes', 'passed'), vitestTest('is skipped', 'skipped'), vitestTest('is todo', 'todo')]),
]);

// One file: a describe whose beforeAll threw (its test is then reported skipped), one whose afterAll threw,
// and a third whose test failed. Failed suites: the file and all three describe blocks.
const hooksThrew = vitestReport({ suites: 4, failedSuites: 4, passed: 1, failed: 1, pending: 1, todo: 0 }, [
  vitestFile('/repo/tests/unit/hooks.test.ts', 'failed', [
    vitestTest('a', 'skipped', ['before fails']),
    vitestTest('b', 'passed', ['after fails']),
    vitestTest('c', 'failed', ['test fails']),
  ]),
]);

describe('counting a Vitest report', () => {
  it('counts a file that failed to import as a failure beside a failed test elsewhere', () => {
    const tally = vitestTally(brokenImportAndFailedTest, { exitOk: false });
    expect(tally).toMatchObject({ passed: 2, failed: 2, skipped: 2 });
    expect(tally.problems).toEqual([expect.stringContaining("broken.test.ts: Cannot find module './does-not-exist'")]);
  });

  it('counts skipped and todo tests as skipped', () => {
    expect(vitestTally(brokenImportAndFailedTest, { exitOk: false }).skipped).toBe(2);
  });

  it('counts each describe block whose beforeAll or afterAll threw, even when a test in the file also failed', () => {
    const tally = vitestTally(hooksThrew, { exitOk: false });
    expect(tally).toMatchObject({ passed: 1, failed: 3, skipped: 1 });
    expect(tally.problems).toEqual([expect.stringContaining('2 suite(s) failed outside their tests')]);
  });

  it('counts a file that failed with neither a message nor a failed test (a hook threw, or its worker died)', () => {
    const report = vitestReport({ suites: 1, failedSuites: 1, passed: 0, failed: 0, pending: 0, todo: 0 }, [
      vitestFile('/repo/tests/unit/crashed.test.ts', 'failed', []),
    ]);
    const tally = vitestTally(report, { exitOk: false });
    expect(tally.failed).toBe(1);
    expect(tally.problems).toEqual([expect.stringContaining('crashed.test.ts')]);
  });

  it('counts the unhandled errors the report leaves out, even when a test also failed', () => {
    const tally = vitestTally(brokenImportAndFailedTest, { exitOk: false, unhandledErrors: 2 });
    expect(tally.failed).toBe(4);
    expect(tally.problems).toContain('2 unhandled error(s) during the run');
  });

  it('counts a failed exit that the report does not explain as one failure', () => {
    const clean = vitestReport({ suites: 1, failedSuites: 0, passed: 1, failed: 0, pending: 0, todo: 0 }, [
      vitestFile('/repo/tests/unit/pass.test.ts', 'passed', [vitestTest('passes', 'passed')]),
    ]);
    expect(vitestTally(clean, { exitOk: true })).toMatchObject({ passed: 1, failed: 0, problems: [] });
    expect(vitestTally(clean, { exitOk: false })).toMatchObject({ passed: 1, failed: 1 });
  });

  it('counts a missing report as a suite that did not run: one failure', () => {
    expect(vitestTally(null, { exitOk: false })).toMatchObject({ passed: 0, failed: 1, skipped: 0 });
  });
});

/** A Playwright JSON report: stats, top-level errors (outside any test), and the suites (left empty here). */
const playwrightReport = (stats: { expected: number; unexpected: number; flaky: number; skipped: number }, errors: Array<{ message?: string; location?: unknown }>) => ({
  config: { rootDir: '/repo/tests/e2e', projects: [] },
  suites: [],
  errors,
  stats: { startTime: '2026-11-30T04:55:58.166Z', duration: 1798.976, ...stats },
});

describe('counting a Playwright report', () => {
  it('counts top-level errors beside a failed test, and the skipped tests', () => {
    const report = playwrightReport({ expected: 1, unexpected: 1, flaky: 0, skipped: 3 }, [
      { message: 'Error: worker teardown broke\n\n\u001b[31mFailed worker ran 2 tests:\u001b[39m\nok.spec.ts:8:1 › skips itself' },
    ]);
    const tally = playwrightTally(report, { exitOk: false });
    expect(tally).toMatchObject({ passed: 1, failed: 2, skipped: 3 });
    expect(tally.problems).toEqual(['Error: worker teardown broke']);
  });

  it('counts a spec that failed to load, which stops every test from running, as a failure', () => {
    const report = playwrightReport({ expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, [
      { message: "Error: Cannot find module './does-not-exist'\nRequire stack:\n- /repo/tests/e2e/broken.spec.ts", location: { file: '/repo/tests/e2e/broken.spec.ts', line: 2, column: 1 } },
    ]);
    expect(playwrightTally(report, { exitOk: false })).toMatchObject({ passed: 0, failed: 1, skipped: 0 });
  });

  it('counts a .only refused by forbidOnly as a failure', () => {
    const report = playwrightReport({ expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, [
      { message: "Error: item focused with '.only' is not allowed due to the 'forbidOnly' option in 'playwright.config.ts'" },
    ]);
    expect(playwrightTally(report, { exitOk: false }).failed).toBe(1);
  });

  it('counts a flaky test as passed and a failed exit the report does not explain as one failure', () => {
    const report = playwrightReport({ expected: 2, unexpected: 0, flaky: 1, skipped: 0 }, []);
    expect(playwrightTally(report, { exitOk: true })).toMatchObject({ passed: 3, failed: 0 });
    expect(playwrightTally(report, { exitOk: false })).toMatchObject({ passed: 3, failed: 1 });
  });

  it('counts a missing report as a suite that did not run: one failure', () => {
    expect(playwrightTally(null, { exitOk: false })).toMatchObject({ passed: 0, failed: 1, skipped: 0 });
  });
});

describe('the closing line', () => {
  it('sums steps and suites into "N passed, N failed, N skipped"', () => {
    const total = sumTallies([
      stepTally(true),
      stepTally(false),
      vitestTally(brokenImportAndFailedTest, { exitOk: false }),
      notRunTally('the build failed'),
      skippedSuiteTally(),
    ]);
    expect(countsLine(total)).toBe('3 passed, 4 failed, 3 skipped');
    expect(total.problems).toContain('did not run: the build failed');
  });

  it('says 0 failed only when nothing failed', () => {
    expect(countsLine(sumTallies([stepTally(true), skippedSuiteTally()]))).toBe('1 passed, 0 failed, 1 skipped');
  });
});
