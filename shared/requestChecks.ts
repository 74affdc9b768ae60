// Checks on what the user typed, shared by the renderer (instant feedback) and main (the gate).
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { fail, ok, type Result } from './errors';

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
