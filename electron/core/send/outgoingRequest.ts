// The one place a request document becomes what goes on the wire: the URL with its query, every header in order
// (derived ones, unless a row overrides them, then the user's rows), and the body. Pure: it takes a document
// already checked (checkRequest) and the secrets main resolved for it (the token, the picked files).
import { basename } from 'node:path';
import { FormData } from 'undici';
import type { CheckedRequest } from '../../../shared/requestChecks';
import { formBodyText } from '../../../shared/formBody';
import { methodTakesBody } from '../../../shared/request';
import { derivedHeaders, isOverridden } from '../../../shared/requestHeaders';
import { concealer } from '../../../shared/secrets';
import type { Secret } from '../credentials/secret';

export interface ResolvedSecrets {
  /** The credential's token when the document authenticates with one. */
  token: Secret | null;
  /** The multipart body's files, read by main from the paths the user picked. */
  files: ReadonlyMap<string, Blob>;
  /** Secret variables' values the document was resolved with: hidden in every URL the page is shown. */
  hidden?: readonly Secret[];
}

/** A header value is a Secret when it holds the token: it is revealed only as fetch is called. */
export type OutgoingHeaders = Array<[name: string, value: string | Secret]>;

export interface OutgoingRequest {
  url: URL;
  /** Hides the API key in a URL the page will see (the key the builder put in the query, wherever it reappears). */
  conceal(href: string): string;
  method: string;
  headers: OutgoingHeaders;
  /** What fetch sends (undici's FormData, the type its fetch takes); FormData gets its multipart boundary (and Content-Type) from fetch itself. */
  body: string | FormData | undefined;
}

export function buildOutgoing({ document, url, headers }: CheckedRequest, secrets: ResolvedSecrets): OutgoingRequest {
  const outgoing: OutgoingHeaders = [];
  for (const derived of derivedHeaders(document)) {
    if (isOverridden(derived, document.headers)) continue;
    if (derived.source === 'auth') {
      if (secrets.token) outgoing.push([derived.name, authorizationValue(document.auth, secrets.token)]);
    } else if (!(derived.source === 'body' && document.body.kind === 'multipart')) {
      outgoing.push([derived.name, derived.value]);
    }
  }
  for (const row of headers) outgoing.push([row.name, row.value]);
  const { auth } = document;
  const keyInQuery = auth.kind === 'apiKey' && auth.in === 'query' && secrets.token ? secrets.token : null;
  return {
    url: keyInQuery && auth.kind === 'apiKey' ? withKey(url, auth.name, keyInQuery) : url,
    conceal: concealer([...(keyInQuery ? [keyInQuery] : []), ...(secrets.hidden ?? [])].map((secret) => secret.reveal())),
    method: document.method,
    headers: outgoing,
    body: methodTakesBody(document.method) ? bodyOf(document.body, secrets.files) : undefined,
  };
}

/** The auth header's value: the token as a Bearer, as Basic credentials with the user name, or as it is (an API key). */
function authorizationValue(auth: CheckedRequest['document']['auth'], token: Secret): Secret {
  switch (auth.kind) {
    case 'bearer':
      return token.map((value) => `Bearer ${value}`);
    case 'basic':
      // RFC 7617 with charset=UTF-8, as browsers and curl send it.
      return token.map((password) => `Basic ${Buffer.from(`${auth.username}:${password}`, 'utf8').toString('base64')}`);
    default:
      return token;
  }
}

function bodyOf(body: CheckedRequest['document']['body'], files: ResolvedSecrets['files']): OutgoingRequest['body'] {
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'json':
    case 'text':
      return body.text;
    case 'form':
      return formBodyText(body.fields);
    case 'multipart': {
      const form = new FormData();
      for (const part of body.parts) {
        if (!part.enabled) continue;
        if (part.kind === 'text') form.append(part.name, part.value);
        else form.append(part.name, files.get(part.path)!, basename(part.path));
      }
      return form;
    }
  }
}

/** The URL with the API key as one more query parameter, appended to the query text as it is (nothing re-encoded). */
function withKey(url: URL, name: string, token: Secret): URL {
  const keyed = new URL(url);
  const pair = `${encodeURIComponent(name)}=${encodeURIComponent(token.reveal())}`;
  keyed.search = url.search ? `${url.search}&${pair}` : `?${pair}`;
  return keyed;
}


