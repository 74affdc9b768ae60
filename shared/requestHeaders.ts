// The headers a request goes out with: the ones Keypost derives from the document (shown greyed in the headers
// table), the user's own rows, and the rule between them: an enabled row with the same name replaces the derived one.
import { methodTakesBody, type Header, type RequestDocument } from './request';

export interface DerivedHeader {
  name: string;
  /** As shown; for Authorization a description of the token, never the token (main puts it in when sending). */
  value: string;
  source: 'auth' | 'body' | 'default';
}

/** Content-Type for each body kind; multipart's carries a boundary that is only chosen when the body is built. */
const CONTENT_TYPES = {
  none: null,
  json: 'application/json',
  text: 'text/plain; charset=utf-8',
  form: 'application/x-www-form-urlencoded',
  multipart: 'multipart/form-data',
} as const;

/** Sent with every request unless a row replaces them. Some APIs (GitHub's) refuse a request without a User-Agent;
 * the encodings are the ones main decodes (electron/core/send/transport.ts). */
const DEFAULT_HEADERS: readonly DerivedHeader[] = [
  { name: 'Accept', value: 'application/json', source: 'default' },
  { name: 'Accept-Encoding', value: 'gzip, deflate, br', source: 'default' },
  { name: 'User-Agent', value: 'Keypost', source: 'default' },
];

export function derivedHeaders(request: RequestDocument): DerivedHeader[] {
  const headers: DerivedHeader[] = [];
  if (request.auth.kind === 'bearer') {
    headers.push({ name: 'Authorization', value: `Bearer <token of credential “${request.auth.credential}”>`, source: 'auth' });
  } else if (request.auth.kind === 'basic') {
    headers.push({ name: 'Authorization', value: `Basic <“${request.auth.username}” and the password of credential “${request.auth.credential}”>`, source: 'auth' });
  } else if (request.auth.kind === 'apiKey' && request.auth.in === 'header') {
    headers.push({ name: request.auth.name, value: `<value of credential “${request.auth.credential}”>`, source: 'auth' });
  }
  const contentType = CONTENT_TYPES[request.body.kind];
  if (contentType && methodTakesBody(request.method)) {
    headers.push({ name: 'Content-Type', value: request.body.kind === 'multipart' ? `${contentType}; boundary=…` : contentType, source: 'body' });
  }
  headers.push(...DEFAULT_HEADERS);
  return headers;
}

/** The enabled rows the user filled in (a row with neither name nor value is the table's empty line, not a header). */
export const userHeaders = (headers: readonly Header[]): Header[] => headers.filter((row) => row.enabled && (row.name !== '' || row.value !== ''));

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Whether an enabled header row replaces this derived header. */
export const isOverridden = (derived: DerivedHeader, headers: readonly Header[]) => userHeaders(headers).some((row) => sameName(row.name, derived.name));

/** Fields HTTP allows only once in a request (RFC 9110): a second enabled row is a mistake, not a list. */
export const SINGLE_VALUE_HEADERS = [
  'authorization',
  'proxy-authorization',
  'content-type',
  'content-length',
  'host',
  'cookie',
  'user-agent',
  'referer',
  'date',
  'from',
  'max-forwards',
  'if-modified-since',
  'if-unmodified-since',
  'if-range',
];
