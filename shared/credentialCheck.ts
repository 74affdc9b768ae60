// The Check action: one request with a credential to a URL the user picks, and what came of it in words.
import type { AuthFailure } from './http';
import type { RequestDocument } from './request';

export interface CheckCall {
  /** The request to check with: its URL, credential and transport opt-ins (sent as a GET without a body). */
  request: RequestDocument;
  timeoutMs: number;
  /** The collection whose cookie jar the check sends (as a send does); the default collection's when absent. */
  collectionId?: string;
}

/** Each outcome a user tells apart: where it failed (name, connection, TLS, time) or what the server said of the token. */
export type CheckVerdict =
  | 'accepted'
  | 'rejected'
  | 'forbidden'
  | 'answered'
  | 'dnsFailure'
  | 'refused'
  | 'tls'
  | 'timeout'
  | 'network'
  | 'notSent';

export interface CredentialCheck {
  verdict: CheckVerdict;
  /** One or two sentences for the user. */
  message: string;
  status?: number;
  authFailure?: AuthFailure;
}

/** The document a check sends: the request's URL, credential and opt-ins; GET, no headers of its own, no body. */
export function checkRequestFor(request: RequestDocument): RequestDocument {
  return { ...request, method: 'GET', headers: [], body: { kind: 'none' } };
}
