// What a run found, as the CI systems read it: JUnit XML (one test case per request, a failure with its words, times
// in seconds), or the same facts as JSON. Neither ever holds a token: only names, statuses, times and Keypost's words.
import type { HttpVersion } from '../shared/http';
import { assertionLine, type CheckResults } from '../shared/responseChecks';

export interface RequestOutcome {
  name: string;
  /** Its file inside the collection ('/'-separated); JUnit's classname is its folder. */
  file: string;
  method: string;
  /** null when there was no answer, or it was not run. */
  status: number | null;
  statusText: string;
  elapsedMs: number;
  sizeBytes: number;
  passed: boolean;
  /** Why it failed, in the words the run printed; null when it passed or was not run. */
  failure: string | null;
  /** Not sent: --bail stopped the run before it. */
  notRun: boolean;
  /** Its assertions' results and what it captured (a secret value never: only its name). */
  checks?: CheckResults;
  /** The HTTP version the answer came over ("1.1" or "2"), when there was one. */
  httpVersion?: HttpVersion;
}

export interface RunReport {
  /** The collection folder's name. */
  collection: string;
  startedAt: Date;
  elapsedMs: number;
  outcomes: RequestOutcome[];
}

export type Reporter = 'junit' | 'json';
export const REPORTERS: readonly Reporter[] = ['junit', 'json'];

const counts = ({ outcomes }: RunReport) => ({
  tests: outcomes.length,
  failures: outcomes.filter((outcome) => !outcome.passed && !outcome.notRun).length,
  skipped: outcomes.filter((outcome) => outcome.notRun).length,
});

export function reportText(reporter: Reporter, report: RunReport): string {
  return reporter === 'junit' ? junitReport(report) : jsonReport(report);
}

function jsonReport(report: RunReport): string {
  return `${JSON.stringify({ collection: report.collection, startedAt: report.startedAt.toISOString(), elapsedMs: Math.round(report.elapsedMs), ...counts(report), requests: report.outcomes }, null, 2)}\n`;
}

function junitReport(report: RunReport): string {
  const { tests, failures, skipped } = counts(report);
  const seconds = (ms: number) => (ms / 1000).toFixed(3);
  const cases = report.outcomes.map((outcome) => {
    const folder = outcome.file.includes('/') ? outcome.file.slice(0, outcome.file.lastIndexOf('/')) : '';
    const attributes = `name="${xml(`${outcome.method} ${outcome.name}`)}" classname="${xml([report.collection, ...folder.split('/').filter(Boolean)].join('.'))}" time="${seconds(outcome.elapsedMs)}"`;
    if (outcome.notRun) return `    <testcase ${attributes}>\n      <skipped>not run: --bail stopped the run at an earlier failure</skipped>\n    </testcase>`;
    if (outcome.passed) return `    <testcase ${attributes}/>`;
    const message = outcome.status === null ? 'no answer' : `${outcome.status} ${outcome.statusText}`.trim();
    // An assertion that did not pass: its words are the message, and every assertion's line the failure's text.
    const assertions = outcome.checks?.assertions ?? [];
    if (outcome.status !== null && assertions.some((result) => result.outcome !== 'passed')) {
      return `    <testcase ${attributes}>\n      <failure message="${xml(outcome.failure ?? message)}" type="assertion">${xml(assertions.map(assertionLine).join('\n'))}</failure>\n    </testcase>`;
    }
    return `    <testcase ${attributes}>\n      <failure message="${xml(message)}" type="${outcome.status === null ? 'not answered' : 'status'}">${xml(outcome.failure ?? message)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // The shape of the Jenkins JUnit schema (tests/fixtures/junit/): `skipped` is counted on the suite, not on
    // <testsuites>, and <skipped> holds its reason as text.
    `<testsuites name="keypost run" tests="${tests}" failures="${failures}" errors="0" time="${seconds(report.elapsedMs)}">`,
    `  <testsuite name="${xml(report.collection)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(report.elapsedMs)}" timestamp="${report.startedAt.toISOString().slice(0, 19)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** Text as XML attribute or element content: the five special characters, and no control character XML 1.0 refuses. */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
