// A credential check's outcome in words: where it failed (name, connection, TLS, time), or what the server
// said of the token (accepted, rejected with its WWW-Authenticate words, lacking permission, or something else).
import type { CheckVerdict, CredentialCheck } from '../../../shared/credentialCheck';
import type { ErrorCode, Result } from '../../../shared/errors';
import type { AuthFailure, SendResult } from '../../../shared/http';
import { credentialOf, type RequestDocument } from '../../../shared/request';

const VERDICT_BY_ERROR: Partial<Record<ErrorCode, CheckVerdict>> = {
  DNS_FAILURE: 'dnsFailure',
  CONNECTION_REFUSED: 'refused',
  CONNECTION_RESET: 'network',
  TLS_ERROR: 'tls',
  TIMEOUT: 'timeout',
  NETWORK_ERROR: 'network',
};

export function checkVerdict(sent: Result<SendResult>, request: RequestDocument, authFailure?: AuthFailure): CredentialCheck {
  if (!sent.ok) {
    const verdict = VERDICT_BY_ERROR[sent.error.code] ?? 'notSent';
    // The origin gate's words already say that nothing was sent, and why.
    const message =
      sent.error.code === 'ORIGIN_NOT_ALLOWED' ? sent.error.message : verdict === 'notSent' ? `Not checked: ${sent.error.message}` : `The token was not checked: ${sent.error.message}`;
    return { verdict, message: sent.error.hint ? `${message} ${sent.error.hint}` : message };
  }
  const { status, statusText } = sent.value;
  const answer = `${status}${statusText ? ` ${statusText}` : ''}`;
  if (authFailure) return { verdict: status === 401 ? 'rejected' : 'forbidden', status, message: authFailure.message, authFailure };
  const named = `credential “${credentialOf(request) ?? ''}”`;
  if (status < 400) return { verdict: 'accepted', status, message: `Accepted: the server answered ${answer} to the token of ${named}.` };
  return {
    verdict: 'answered',
    status,
    message: `The server answered ${answer}: it did not refuse the token of ${named}, but this URL cannot tell whether the token is valid. Try an endpoint that needs it.`,
  };
}
