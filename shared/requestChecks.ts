// Checks on what the user typed, shared by the renderer (instant feedback) and main (the gate).
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { fail, ok, type Result } from './errors';
import { HTTP_TOKEN_IN_WORDS, isHttpToken } from './httpToken';
import { methodSchema, methodTakesBody, type Header, type RequestDocument } from './request';
import { SINGLE_VALUE_HEADERS, userHeaders } from './requestHeaders';
import { isSecretRow } from './secrets';
import { joinUrl } from './urlQuery';

const HEADER_NAME_RULE = `A header name is ${HTTP_TOKEN_IN_WORDS} (no spaces or colons).`;

/** A document that passed checkRequest: its URL parsed, its header rows valid. Only these can be sent. */
export interface CheckedRequest {
  document: RequestDocument;
  url: URL;
  /** The enabled header rows, in order. */
  headers: Header[];
}

/** Everything about a request that can be wrong before anything is sent, in the order the user reads the form. */
export function checkRequest(document: RequestDocument): Result<CheckedRequest> {
  const method = methodSchema.safeParse(document.method);
  if (!method.success) return fail('INVALID_METHOD', `“${document.method.slice(0, 40)}” cannot be used as a method: ${method.error.issues[0]!.message}`);
  const url = checkUrl(joinUrl(document.url, document.query));
  if (url.ok && document.auth.kind === 'apiKey' && document.auth.in === 'query') {
    // The key's parameter is added when the request is built; a row of the same name would send it twice.
    const key = document.auth.name;
    if (document.query.some((param) => param.enabled && param.name === key)) {
      return fail('INVALID_ARGUMENT', `The query already has a “${key}” parameter, and the credential is sent as one too.`, { hint: 'Disable or remove the query row.' });
    }
  }
  if (!url.ok) return url;
  if (document.auth.kind === 'apiKey' && document.auth.name.trim() === '') {
    return fail('INVALID_ARGUMENT', `Name the ${document.auth.in === 'header' ? 'header' : 'query parameter'} the API key is sent in.`);
  }
  if (document.auth.kind === 'apiKey' && document.auth.in === 'header' && !isHttpToken(document.auth.name)) {
    return fail('INVALID_HEADER', `“${document.auth.name.slice(0, 60)}” is not a valid header name for the API key.`, {
      hint: HEADER_NAME_RULE,
    });
  }
  // RFC 7617: the user-id cannot contain a colon (it separates it from the password).
  if (document.auth.kind === 'basic' && document.auth.username.includes(':')) {
    return fail('INVALID_ARGUMENT', 'An HTTP Basic user name cannot contain a colon (:).', { hint: 'A colon separates the user name from the password.' });
  }
  const headers = checkHeaders(document.headers);
  if (!headers.ok) return headers;
  // Plain http matters when a credential goes along: the token, or a header or query row that is (or looks like) one.
  const secretRowSent = [...headers.value, ...document.query.filter((param) => param.enabled)].some((row) => isSecretRow(row.name, row.value));
  if (document.auth.kind !== 'none' || secretRowSent) {
    const transport = checkTransport(url.value, document.options.allowPlainHttp ?? false);
    if (!transport.ok) return transport;
  }
  // A GET or HEAD sends no body, so a half-edited one left in the draft does not stop it.
  if (document.body.kind === 'json' && methodTakesBody(document.method)) {
    const body = checkJsonBody(document.body.text);
    if (!body.ok) return body;
  }
  return ok({ document, url: url.value, headers: headers.value });
}

/** RFC 9110 field names are tokens; values are one line. Fields that HTTP allows once appear once. */
export function checkHeaders(rows: readonly Header[]): Result<Header[]> {
  const headers = userHeaders(rows);
  const seen = new Set<string>();
  for (const { name, value } of headers) {
    if (name === '') return fail('INVALID_HEADER', `A header with the value “${value.slice(0, 40)}” has no name.`, { hint: 'Name it, or disable the row.' });
    if (!isHttpToken(name)) {
      return fail('INVALID_HEADER', `“${name.slice(0, 60)}” is not a valid header name.`, {
        hint: HEADER_NAME_RULE,
      });
    }
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) {
      return fail('HEADER_INJECTION', `The value of the ${name} header contains a line break or control character.`, {
        hint: 'A header value is one line; remove the line breaks.',
      });
    }
    const beyondLatin1 = /[^\u0000-\u00ff]/.exec(value);
    if (beyondLatin1) {
      return fail('INVALID_HEADER', `The value of the ${name} header contains “${beyondLatin1[0]}”, which a header cannot carry.`, {
        hint: 'Header values are limited to Latin-1 characters; encode the text (for example percent-encoding or base64) first.',
      });
    }
    const key = name.toLowerCase();
    if (seen.has(key) && SINGLE_VALUE_HEADERS.includes(key)) {
      return fail('INVALID_HEADER', `${name} is set twice; HTTP allows it once.`, { hint: 'Disable or remove one of the rows.' });
    }
    seen.add(key);
  }
  return ok(headers);
}

/** Accepts only absolute http(s) URLs. */
export function checkUrl(input: string): Result<URL> {
  const text = input.trim();
  if (text === '') return fail('INVALID_URL', 'Enter a URL to send the request to.');
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    return fail('HEADER_INJECTION', 'The URL contains control characters (such as a line break).', {
      hint: 'Remove the line breaks or tabs from the URL.',
    });
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('INVALID_URL', `"${text.slice(0, 200)}" is not a valid URL.`, {
      hint: 'Use a full address such as https://api.example.com/items.',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail('UNSUPPORTED_SCHEME', `Only http and https URLs can be sent (got ${url.protocol}).`);
  }
  if (url.username || url.password) {
    return fail('INVALID_URL', 'Put credentials in the token field, not in the URL.');
  }
  return ok(url);
}

/** Loopback hosts, where plain http never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** A token over plain http to another machine can be read on the way: refuse unless the user allowed it. */
export function checkTransport(url: URL, allowPlainHttp: boolean): Result<void> {
  if (url.protocol === 'https:' || allowPlainHttp || isLoopbackHost(url.hostname)) return ok(undefined);
  return fail('INSECURE_HTTP', `This would send your token unencrypted over plain http to ${url.host}.`, {
    hint: 'Use https, or allow plain http for this request if you trust the network.',
  });
}

/** Strict JSON (no comments, no trailing commas); an empty body is allowed. */
export function checkJsonBody(body: string): Result<void> {
  if (body.trim() === '') return ok(undefined);
  // JSON.parse accepts exactly strict JSON and is native: on every Send's path it costs a tenth of jsonc-parser's
  // scan (0.002 ms against 0.02 ms for 1 KB). jsonc-parser runs only to say where a body is broken.
  if (parsesAsJson(body)) return ok(undefined);
  const errors: ParseError[] = [];
  parse(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length === 0) return ok(undefined);
  const first = errors[0]!;
  const position = lineAndColumn(body, first.offset);
  return fail(
    'INVALID_JSON',
    `The body is not valid JSON: ${describeParseError(printParseErrorCode(first.error))} at line ${position.line}, column ${position.column}.`,
    { position, hint: 'Fix the marked spot in the body editor; nothing was sent.' },
  );
}

function parsesAsJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

/** A token must fit in one header line. */
export function checkToken(token: string): Result<void> {
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(token)) {
    return fail('HEADER_INJECTION', 'The token contains a line break or control character and cannot be sent in a header.', {
      hint: 'Paste the token again without line breaks.',
    });
  }
  if (token.trim() === '') return fail('NO_TOKEN', 'The token is empty.');
  return ok(undefined);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

function describeParseError(code: string): string {
  // "CloseBraceExpected" -> "close brace expected"
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
