// Beside the response: each assertion's result in words ("✓ status is 201", "✗ $.total equals 3 — got 2"), a summary,
// and what the request captured for the next ones (a secret value never: main does not send it to the page).
import { assertionLine, checkCounts, type CheckResults as Results } from '../../shared/responseChecks';

export function CheckResults({ checks }: { checks: Results }) {
  const { passed, failed, notChecked, total } = checkCounts(checks);
  const verdict = failed > 0 ? 'failed' : notChecked > 0 ? 'notChecked' : 'passed';
  return (
    <section className="check-results" aria-label="Checks" data-testid="check-results" data-verdict={verdict}>
      {total > 0 && (
        <>
          <p className="check-summary" data-testid="check-summary" role="status">
            {`${passed} of ${total} assertion${total === 1 ? '' : 's'} passed`}
            {failed > 0 && `, ${failed} failed`}
            {notChecked > 0 && `, ${notChecked} not checked`}
          </p>
          <ul className="check-list" tabIndex={0} aria-label="Assertions">
            {checks.assertions.map((result, index) => (
              <li key={index} data-testid="assertion-result" data-outcome={result.outcome} className={`check-${result.outcome}`}>
                {assertionLine(result)}
              </li>
            ))}
          </ul>
        </>
      )}
      {checks.captures.length > 0 && (
        <ul className="check-list" aria-label="Captured">
          {checks.captures.map((capture) => (
            <li key={capture.variable} data-testid="capture-result" className={capture.captured ? 'check-passed' : 'check-notChecked'}>
              {capture.captured
                ? `Captured {{${capture.variable}}}${capture.secret ? ' (secret, not shown)' : ` = ${capture.value ?? ''}`}`
                : `Not captured: {{${capture.variable}}} — ${capture.detail ?? 'no value'}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
