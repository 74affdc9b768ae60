// A cURL command as a request document: the flags browsers' "Copy as cURL" and API docs use are mapped, the rest is
// listed in words (never dropped silently). A bearer token is handed back apart from the document, for the keychain.
import { fail, ok, type Result } from '../errors';
import { formBodyText } from '../formBody';
import { mediaTypeOf } from '../mediaType';
import { methodSchema, methodTakesBody, requestDocumentSchema, type FormField, type MultipartPart, type RequestBody, type RequestDocument } from '../request';
import { checkJsonBody } from '../requestChecks';
import { derivedHeaders } from '../requestHeaders';
import { splitUrl } from '../urlQuery';
import { longOption, shortOption, type CurlOption } from './curlOptions';
import { curlWords } from './curlWords';

/** Something in the command that the request does not carry, and why. */
export interface Unmapped {
  /** The option as written (a value that may be a secret is left out). */
  what: string;
  why: string;
}

export interface CurlImport {
  request: RequestDocument;
  /**
   * The token of an `Authorization: Bearer …` header (or --oauth2-bearer): it goes to the keychain under the
   * credential the request names, as a token typed into the token field does, and never into the document.
   */
  bearerToken: string | null;
  unmapped: Unmapped[];
}

interface Row {
  name: string;
  value: string;
}

/** What the command's options said, gathered before the document is shaped. */
interface Command {
  method: string | null;
  head: boolean;
  get: boolean;
  urls: string[];
  headers: Row[];
  data: string[];
  json: boolean;
  parts: MultipartPart[];
  user: string | null;
  cookies: string[];
  bearer: string | null;
  insecure: boolean;
  unmapped: Unmapped[];
}

/** Options whose value may be a secret: named in the list, their value never shown. */
const SECRET_VALUED = /user|pass|bearer|key|cookie|token|secret|header/;

/** Options that only change what curl prints or writes on the terminal or to files. */
const OUTPUT_ONLY = new Set(
  `silent show-error verbose include progress-bar no-progress-meter fail fail-with-body fail-early write-out output remote-name
  remote-name-all remote-header-name remote-time dump-header trace trace-ascii trace-time trace-config styled-output no-buffer
  stderr create-dirs output-dir libcurl out-null skip-existing no-clobber remove-on-error xattr create-file-mode`.split(/\s+/),
);
/** Options Keypost has an equivalent of elsewhere, and where. */
const ELSEWHERE: Record<string, string> = {
  'max-time': 'the timeout is set in Settings',
  'connect-timeout': 'the timeout is set in Settings',
  'max-redirs': 'how many redirects are followed is set in Settings',
  'location-trusted': 'Keypost never sends the token to another origin',
  http1: 'Keypost speaks HTTP/1.1',
};
const HTTP_VERSIONS = new Set(['http0.9', 'http1.0', 'http1.1', 'http2', 'http2-prior-knowledge', 'http3', 'http3-only']);

/** Header rows Keypost's HTTP client sets (or refuses) itself. */
const CLIENT_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'expect', 'content-length']);

export function importCurl(text: string, credential: string): Result<CurlImport> {
  const split = curlWords(text);
  if (!split.ok) return split;
  const command = readOptions(split.value.words);
  if (split.value.rest) command.unmapped.push({ what: split.value.rest.slice(0, 60), why: 'another program after the curl command' });
  if (command.urls.length === 0) return fail('IMPORT_INVALID', 'The cURL command has no URL.', { hint: 'Copy the whole command, URL included; nothing was imported.' });
  for (const extra of command.urls.slice(1)) command.unmapped.push({ what: extra.slice(0, 80), why: 'a second URL (Keypost sends one request; the first URL is used)' });
  return shape(command, credential);
}

function readOptions(words: readonly string[]): Command {
  const command: Command = {
    method: null,
    head: false,
    get: false,
    urls: [],
    headers: [],
    data: [],
    json: false,
    parts: [],
    user: null,
    cookies: [],
    bearer: null,
    insecure: false,
    unmapped: [],
  };
  for (let at = 1; at < words.length; at++) {
    const word = words[at]!;
    if (word.startsWith('--') && word.length > 2) {
      const option = longOption(word.slice(2));
      if (!option) {
        command.unmapped.push({ what: word, why: 'not a curl option Keypost knows' });
        continue;
      }
      const value = option.takesValue ? words[++at] : undefined;
      if (option.takesValue && value === undefined) command.unmapped.push({ what: word, why: 'its value is missing' });
      else apply(command, option, value, word);
    } else if (word.startsWith('-') && word.length > 1) {
      // One-letter options can share a dash (-sSL), and a value can follow its letter directly (-XPOST, -H'…').
      for (let letter = 1; letter < word.length; letter++) {
        const written = `-${word[letter]}`;
        const option = shortOption(word[letter]!);
        if (!option) {
          command.unmapped.push({ what: written, why: 'not a curl option Keypost knows' });
          continue;
        }
        if (!option.takesValue) {
          apply(command, option, undefined, written);
          continue;
        }
        const value = letter + 1 < word.length ? word.slice(letter + 1) : words[++at];
        if (value === undefined) command.unmapped.push({ what: written, why: 'its value is missing' });
        else apply(command, option, value, written);
        break;
      }
    } else {
      command.urls.push(word);
    }
  }
  return command;
}

function apply(command: Command, option: CurlOption, value: string | undefined, written: string): void {
  const on = !option.negated;
  const v = value ?? '';
  const fromFile = (why: string) => void command.unmapped.push({ what: `${written} ${v.slice(0, 60)}`, why });
  switch (option.name) {
    case 'request':
      return void (command.method = v);
    case 'header':
      return header(command, v, written);
    case 'data':
    case 'data-ascii':
    case 'data-binary':
    case 'json':
      if (v.startsWith('@')) return fromFile('the body is read from a file; paste the file’s content into the body');
      if (option.name === 'json') command.json = true;
      return void command.data.push(v);
    case 'data-raw':
      return void command.data.push(v);
    case 'data-urlencode':
      return dataUrlencode(command, v, written);
    case 'form':
    case 'form-string':
      return formPart(command, v, written, option.name === 'form-string');
    case 'user':
      return void (command.user = v);
    case 'oauth2-bearer':
      return void (command.bearer = v);
    case 'get':
      return void (command.get = on);
    case 'head':
      return void (command.head = on);
    case 'url':
      return void command.urls.push(v);
    case 'insecure':
      return void (command.insecure = on);
    case 'cookie':
      if (!v.includes('=')) return fromFile('cookies read from a file');
      return void command.cookies.push(v);
    case 'user-agent':
      return void command.headers.push({ name: 'User-Agent', value: v });
    case 'referer':
      return void command.headers.push({ name: 'Referer', value: v.replace(/;auto$/, '') });
    // What Keypost always does: asks for compression, follows same-origin redirects (Settings), never globs the URL.
    case 'compressed':
    case 'location':
    case 'globoff':
    case 'basic':
      return;
  }
  const shown = value === undefined ? written : SECRET_VALUED.test(option.name) ? `${written} …` : `${written} ${v.slice(0, 40)}`;
  const why = OUTPUT_ONLY.has(option.name)
    ? 'only changes what curl itself prints or saves'
    : HTTP_VERSIONS.has(option.name)
      ? ELSEWHERE.http1!
      : (ELSEWHERE[option.name] ?? 'not supported by Keypost');
  command.unmapped.push({ what: shown, why });
}

/** `-H 'Name: value'`; `Name;` is an empty header; `Name:` removes one curl would add. */
function header(command: Command, text: string, written: string): void {
  if (text.startsWith('@')) return void command.unmapped.push({ what: `${written} ${text.slice(0, 60)}`, why: 'headers read from a file' });
  const colon = text.indexOf(':');
  if (colon === -1) {
    if (text.trim().endsWith(';')) return void command.headers.push({ name: text.trim().slice(0, -1).trim(), value: '' });
    return void command.unmapped.push({ what: `${written} ${text.slice(0, 60)}`, why: 'not a header (no colon)' });
  }
  const name = text.slice(0, colon).trim();
  const value = text.slice(colon + 1).trim();
  if (value === '') return void command.unmapped.push({ what: `${written} '${name}:'`, why: 'removes a header curl would add; Keypost’s own are listed in the headers table' });
  command.headers.push({ name, value });
}

/** --data-urlencode: `content`, `=content` or `name=content`, the content percent-encoded as curl does. */
function dataUrlencode(command: Command, text: string, written: string): void {
  const equals = text.indexOf('=');
  const at = text.indexOf('@');
  if (at !== -1 && (equals === -1 || at < equals)) {
    // `name@file` or `@file`: curl reads the file and encodes its content. The page cannot read a file a pasted command
    // names, and no body kind refers to one in a form field, so it is listed rather than guessed.
    const name = text.slice(0, at);
    const file = text.slice(at + 1);
    const as = name === '' ? 'as a part of the body' : `as the field “${name}”`;
    return void command.unmapped.push({
      what: `${written} ${text.slice(0, 60)}`,
      why: `curl sends the content of the file “${file.slice(0, 60)}” URL-encoded ${as}; Keypost cannot read a file a pasted command names, so it is not in the body: add it with the file’s content`,
    });
  }
  if (equals === -1) return void command.data.push(curlEscape(text));
  const name = text.slice(0, equals);
  command.data.push(name === '' ? curlEscape(text.slice(1)) : `${name}=${curlEscape(text.slice(equals + 1))}`);
}

/** As the curl tool encodes --data-urlencode: everything but letters, digits and -._~ as %XX of its UTF-8 bytes, a space as +. */
const curlEscape = (text: string) =>
  encodeURIComponent(text)
    .replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');

/** -F / --form-string `name=value`: text fields. Files (`@path`, `<path`) are the user's to pick in Keypost. */
function formPart(command: Command, text: string, written: string, literal: boolean): void {
  const equals = text.indexOf('=');
  if (equals === -1) return void command.unmapped.push({ what: `${written} ${text.slice(0, 60)}`, why: 'not a name=value field' });
  const name = text.slice(0, equals);
  let value = text.slice(equals + 1);
  if (!literal && (value.startsWith('@') || value.startsWith('<'))) {
    return void command.unmapped.push({ what: `${written} ${text.slice(0, 60)}`, why: 'a file part: add it in the multipart table with Choose file' });
  }
  const attributes = literal ? -1 : value.search(/;\s*(type|filename|headers|encoder)=/);
  if (attributes !== -1) {
    command.unmapped.push({ what: `${written} …${value.slice(attributes, attributes + 40)}`, why: 'a part’s own content type or file name' });
    value = value.slice(0, attributes);
  }
  command.parts.push({ kind: 'text', name, value, enabled: true });
}

/** A token from the docs rather than a real one: `$TOKEN`, `<YOUR-TOKEN>`, `{{token}}`, `YOUR_API_KEY`. */
const isPlaceholder = (token: string) => /^(\$\{?\w+\}?|<[^>]*>|\{\{[^}]*\}\}|\[[^\]]*\]|[A-Z][A-Z_-]*|\.{3}|[xX]{3,}|\*+)$/.test(token) || /^your[\w-]*$/i.test(token);

function shape(command: Command, credential: string): Result<CurlImport> {
  const { unmapped } = command;
  let bearerToken = command.bearer;
  let bearer = command.bearer !== null;
  const rows: Row[] = [];
  for (const row of command.headers) {
    const key = row.name.toLowerCase();
    const token = key === 'authorization' ? /^bearer\s+(.+)$/i.exec(row.value) : null;
    if (token) {
      bearer = true;
      bearerToken = token[1]!.trim();
    } else if (CLIENT_HEADERS.has(key)) {
      unmapped.push({ what: `${row.name}: ${row.value.slice(0, 40)}`, why: 'set by Keypost’s HTTP client' });
    } else {
      rows.push(row);
    }
  }
  if (bearerToken !== null && isPlaceholder(bearerToken)) {
    unmapped.push({ what: `Bearer ${bearerToken.slice(0, 40)}`, why: 'a placeholder, not a token: the credential’s stored token is sent; type yours into the token field to replace it' });
    bearerToken = null;
  }
  if (command.user !== null) {
    if (!command.user.includes(':')) unmapped.push({ what: '-u without a password', why: 'curl would ask for it; the header is built with an empty password' });
    const pair = command.user.includes(':') ? command.user : `${command.user}:`;
    rows.push({ name: 'Authorization', value: `Basic ${base64(pair)}` });
  }
  if (command.cookies.length > 0) {
    const cookie = rows.find((row) => row.name.toLowerCase() === 'cookie');
    if (cookie) cookie.value = [cookie.value, ...command.cookies].join('; ');
    else rows.push({ name: 'Cookie', value: command.cookies.join('; ') });
  }

  let urlText = command.urls[0]!;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(urlText)) urlText = `http://${urlText}`; // curl's default scheme
  // curl joins its data options with & and sends them as written (only --data-urlencode encodes, when read).
  const data = command.data.join('&');
  if (command.get && command.data.length > 0) urlText = withQuery(urlText, data);

  const hasBody = !command.get && (command.data.length > 0 || command.parts.length > 0);
  let method = command.method ?? (command.head ? 'HEAD' : command.get ? 'GET' : hasBody ? 'POST' : 'GET');
  if (!methodSchema.safeParse(method).success) {
    unmapped.push({ what: `-X ${method.slice(0, 40)}`, why: 'not a method Keypost can send' });
    method = hasBody ? 'POST' : 'GET';
  }
  if (command.data.length > 0 && command.parts.length > 0) unmapped.push({ what: '-d with -F', why: 'curl refuses both at once; the -F fields are used' });
  const body = hasBody ? bodyOf(command, data, rows) : { kind: 'none' as const };
  if (hasBody && ['GET', 'HEAD'].includes(method.toUpperCase())) unmapped.push({ what: `the body of a ${method.toUpperCase()}`, why: 'Keypost sends GET and HEAD without a body (kept in the draft)' });

  const document: RequestDocument = {
    method,
    ...splitUrl(urlText),
    headers: rows.filter((row) => !isDerivedValue(row, method, body)).map((row) => ({ ...row, enabled: true })),
    body,
    auth: bearer ? { kind: 'bearer', credential } : { kind: 'none' },
    options: command.insecure ? { allowSelfSignedTls: true } : {},
  };
  const valid = requestDocumentSchema.safeParse(document);
  if (!valid.success) {
    const issue = valid.error.issues[0]!;
    return fail('IMPORT_INVALID', `The cURL command cannot be a Keypost request: ${issue.path.join('.')} ${issue.message}`);
  }
  return ok({ request: valid.data, bearerToken, unmapped });
}

/** -G: the data after the URL's query, before its #fragment (which curl does not send). */
function withQuery(urlText: string, data: string): string {
  const hashAt = urlText.indexOf('#');
  const base = hashAt === -1 ? urlText : urlText.slice(0, hashAt);
  return `${base}${base.includes('?') ? '&' : '?'}${data}${hashAt === -1 ? '' : urlText.slice(hashAt)}`;
}

/** The body kind the data is: JSON, a form Keypost can show as fields, or text under the type the command said. */
function bodyOf(command: Command, data: string, rows: Row[]): RequestBody {
  if (command.parts.length > 0) return { kind: 'multipart', parts: command.parts };
  const typeRow = rows.findLast((row) => row.name.toLowerCase() === 'content-type');
  const type = typeRow?.value ?? (command.json ? 'application/json' : 'application/x-www-form-urlencoded');
  const media = mediaTypeOf(type);
  if (media === 'application/json' && data.trim() !== '' && checkJsonBody(data).ok) return { kind: 'json', text: data };
  const fields = media === 'application/x-www-form-urlencoded' ? formFields(data) : null;
  if (fields) return { kind: 'form', fields };
  // Sent as typed, under the type curl would have sent (its default for -d is a form's).
  if (!typeRow) rows.push({ name: 'Content-Type', value: type });
  return { kind: 'text', text: data };
}

/**
 * `a=1&b=two+words` as fields, when every pair has a name, an `=` and valid escapes, and the table, sent unchanged,
 * gives back these very bytes; else null (kept as text, sent as written). Decoding loses how a value was written
 * (`%20`, `+` and a raw space are one space in the table; `[` and `%5B` one bracket), so only a body the form encoder
 * writes the same way is shown as a table: curl's bytes are what a pasted command sends, the table a convenience.
 */
function formFields(data: string): FormField[] | null {
  const fields: FormField[] = [];
  for (const pair of data.split('&')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) return null;
    try {
      const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
      fields.push({ name: decode(pair.slice(0, equals)), value: decode(pair.slice(equals + 1)), enabled: true });
    } catch {
      return null;
    }
  }
  return formBodyText(fields) === data ? fields : null;
}

/** A row that says what Keypost derives anyway (Content-Type: application/json for a JSON body): not worth a row. */
function isDerivedValue(row: Row, method: string, body: RequestBody): boolean {
  // As if the method sent it: a GET keeps its body in the draft, and the row would be derived once it is sent.
  const request = { method: methodTakesBody(method) ? method : 'POST', url: '', query: [], headers: [], body, auth: { kind: 'none' as const }, options: {} };
  const key = row.name.toLowerCase();
  if (key === 'content-type' && body.kind === 'multipart') return true; // curl writes the boundary; so does Keypost
  return derivedHeaders(request).some((derived) => derived.source !== 'auth' && derived.name.toLowerCase() === key && derived.value.toLowerCase() === row.value.toLowerCase());
}

/** Base64 of the UTF-8 bytes, as curl encodes `-u user:password`. */
const base64 = (text: string) => btoa(encodeURIComponent(text).replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
