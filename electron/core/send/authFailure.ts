// A 401 or 403 explained in words: which credential was refused and what is likely wrong, from the server's
// WWW-Authenticate challenge (RFC 6750, parsed by oauth4webapi) and what the token says about itself.
import { customFetch, protectedResourceRequest, WWWAuthenticateChallengeError, type WWWAuthenticateChallenge } from 'oauth4webapi';
import type { AuthFailure } from '../../../shared/http';
import { tokenTiming, type TokenFacts } from '../../../shared/tokenFacts';

export interface RefusedSend {
  status: number;
  headers: ReadonlyArray<readonly [string, string]>;
  /** The credential that went with the request; null for none. */
  credential: string | null;
  /** What the sent token says about itself, when it is a JWT. */
  facts: TokenFacts | null;
  now: number;
  /** The client certificate the request presented (its label), when one was. */
  clientCertificate?: string;
}

/** The statuses explained: the credential refused (401) or its permission (403). */
export const isAuthRefusal = (status: number) => status === 401 || status === 403;

export async function explainAuthFailure(refused: RefusedSend): Promise<AuthFailure | undefined> {
  const explained = await explainStatus(refused);
  // A 403 judges who is asking: with mutual TLS that is the certificate's identity too, not only the token's.
  if (!explained || explained.status !== 403 || !refused.clientCertificate) return explained;
  return { ...explained, message: `${explained.message} This request also presented ${refused.clientCertificate}: the server may not grant that certificate access (check its Settings entry, Client certificates).` };
}

async function explainStatus({ status, headers, credential, facts, now }: RefusedSend): Promise<AuthFailure | undefined> {
  if (!isAuthRefusal(status)) return undefined;
  const challenge = await bearerChallenge(headers);
  const server = {
    ...(challenge?.error ? { serverError: challenge.error } : {}),
    ...(challenge?.description ? { serverDescription: challenge.description } : {}),
    ...(challenge?.scope ? { scope: challenge.scope } : {}),
  };
  const says = challenge?.description ? ` The server says: “${challenge.description}”.` : '';
  if (credential === null) {
    return { status, credential, likely: 'noCredential', message: `The server wants authentication (${status}), and this request sends none: choose a credential.${says}`, ...server };
  }
  const named = `credential “${credential}”`;
  const expired = (facts && tokenTiming(facts, now) === 'expired') || /expired/i.test(challenge?.description ?? '');
  if (status === 403 || challenge?.error === 'insufficient_scope') {
    const needs = challenge?.scope ? ` It needs the scope “${challenge.scope}”.` : ' It may lack a scope or role this request needs.';
    return { status, credential, likely: 'scope', message: `The token of ${named} was recognised but lacks permission (${status}).${needs}${says}`, ...server };
  }
  if (expired) {
    return { status, credential, likely: 'expired', message: `The token of ${named} has expired (401): store a fresh one.${says}`, ...server };
  }
  if (challenge?.error === 'invalid_token') {
    return { status, credential, likely: 'invalid', message: `The server does not accept the token of ${named} (401): it may be revoked, issued for another API, or mistyped.${says}`, ...server };
  }
  return { status, credential, likely: 'unknown', message: `The server refused the token of ${named} (401): it may be expired, wrong, or lack the needed scope.${says}`, ...server };
}

/** The Bearer challenge's parameters, if the server sent one that parses. */
async function bearerChallenge(headers: RefusedSend['headers']): Promise<{ error?: string; description?: string; scope?: string } | undefined> {
  const value = headers.filter(([name]) => name.toLowerCase() === 'www-authenticate').map(([, field]) => field).join(', ');
  if (!value) return undefined;
  const challenges = await challengesIn(value);
  const bearer = challenges.find((challenge) => challenge.scheme === 'bearer') ?? challenges[0];
  if (!bearer) return undefined;
  const { error, error_description: description, scope } = bearer.parameters;
  return { error, description, scope };
}

/**
 * oauth4webapi parses challenges (RFC 7235) only as part of a protected-resource request, so it is handed the
 * response already received (customFetch): no second request is made. A value that does not parse gives none;
 * the headers table still shows it as sent.
 */
async function challengesIn(value: string): Promise<WWWAuthenticateChallenge[]> {
  const received = new Response(null, { status: 401, headers: { 'www-authenticate': value } });
  try {
    await protectedResourceRequest('unused', 'GET', new URL('https://received.invalid/'), undefined, null, { [customFetch]: async () => received });
    return [];
  } catch (error) {
    return error instanceof WWWAuthenticateChallengeError ? error.cause : [];
  }
}
