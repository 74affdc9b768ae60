// What a run says of a request's assertions and captures (evaluated by the app's own evaluator, electron/core/checks/):
// whether the request passed, the count for its line, and a line for each assertion that did not pass. A captured
// value that is secret is named, never printed.
import type { SendResult } from '../shared/http';
import { assertionLine, checkCounts, checksSummary, type CheckResults } from '../shared/responseChecks';

export interface CheckedRequest {
  /** Every assertion passed (one that could not be checked did not), and the status is a success, unless an
   *  assertion says which status it must be. */
  passed: boolean;
  /** "  3/3 assertions" for the request's line; '' when it declares none. */
  summary: string;
  /** The assertions that failed or could not be checked, and the captures, each as a line of the run. */
  lines: string[];
}

export function checkedRequest(answer: SendResult, statusAsserted: boolean): CheckedRequest {
  const results: CheckResults | undefined = answer.checks;
  const statusPassed = statusAsserted || answer.status < 400;
  if (!results) return { passed: statusPassed, summary: '', lines: [] };
  const { failed, notChecked, total } = checkCounts(results);
  const lines = results.assertions.filter((result) => result.outcome !== 'passed').map(assertionLine);
  for (const capture of results.captures) {
    if (!capture.captured) lines.push(`– not captured: ${capture.variable} — ${capture.detail ?? 'no value'}`);
    else lines.push(`captured ${capture.variable}${capture.secret ? ' (secret, not shown)' : ` = ${capture.value ?? ''}`}`);
  }
  return { passed: statusPassed && failed === 0 && notChecked === 0, summary: total > 0 ? `  ${checksSummary(results)}` : '', lines };
}

/** The first assertion that did not pass, as a line (the JUnit failure's message); null when none. */
export const firstFailure = (results: CheckResults | undefined) => {
  const result = results?.assertions.find((candidate) => candidate.outcome !== 'passed');
  return result ? assertionLine(result) : null;
};
