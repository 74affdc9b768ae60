// The one place a request document becomes what goes on the wire: the URL with its query, every header in order
// (derived ones, unless a row overrides them, then the user's rows), and the body. Pure: it takes a document
// already checked (checkRequest) and the secrets main resolved for it (the token, the picked files).
import { basename } from 'node:path';
import { FormData } from 'undici';
import type { CheckedRequest } from '../../shared/requestChecks';
import { methodTakesBody } from '../../shared/request';
import { derivedHeaders, isOverridden } from '../../shared/requestHeaders';
import type { Secret } from './secret';

export interface ResolvedSecrets {
  /** The credential's token when the document authenticates with one. */
  token: Secret | null;
  /** The multipart body's files, read by main from the paths the user picked. */
  files: ReadonlyMap<string, Blob>;
}

/** A header value is a Secret when it holds the token: it is revealed only as fetch is called. */
export type OutgoingHeaders = Array<[name: string, value: string | Secret]>;

export interface OutgoingRequest {
  url: URL;
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
      if (secrets.token) outgoing.push([derived.name, secrets.token.map((token) => `Bearer ${token}`)]);
    } else if (!(derived.source === 'body' && document.body.kind === 'multipart')) {
      outgoing.push([derived.name, derived.value]);
    }
  }
  for (const row of headers) outgoing.push([row.name, row.value]);
  return { url, method: document.method, headers: outgoing, body: methodTakesBody(document.method) ? bodyOf(document.body, secrets.files) : undefined };
}

function bodyOf(body: CheckedRequest['document']['body'], files: ResolvedSecrets['files']): OutgoingRequest['body'] {
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'json':
    case 'text':
      return body.text;
    case 'form':
      // URLSearchParams writes application/x-www-form-urlencoded exactly as browsers submit forms (space as +).
      return new URLSearchParams(body.fields.filter((field) => field.enabled).map((field) => [field.name, field.value])).toString();
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
