// One Postman request as Keypost's request document, its auth aside: method, URL without its query, the query and
// header rows (disabled ones kept disabled) and the body. What has no place in the document is said in the book.
import postman from 'postman-collection';
import { methodTakesBody, type FormField, type Header, type MultipartPart, type QueryParam, type RequestBody } from '../../../shared/request';
import { capitalised, ofPlace, placeInWords, type ConversionBook, type Place } from './postmanBook';
import { entriesOf, fieldsOf, textOf } from './postmanFormat';
import { variableNameFrom } from './foreignNames';

export interface RequestParts {
  method: string;
  url: string;
  query: QueryParam[];
  headers: Header[];
  body: RequestBody;
}


/** The request as the SDK reads it; a URL object with only its raw text (hand-made files) is parsed from that text. */
function sdkRequest(json: unknown): postman.Request {
  const request: Record<string, unknown> = typeof json === 'string' ? { url: json } : { ...fieldsOf(json) };
  const url = request.url;
  if (url && typeof url === 'object' && typeof (url as { raw?: unknown }).raw === 'string' && !('host' in url) && !('path' in url)) {
    const { raw, ...rest } = url as { raw: string };
    request.url = { ...postman.Url.parse(raw), ...rest };
  }
  return new postman.Request(request as unknown as postman.RequestDefinition);
}

export function requestParts(json: unknown, place: Place, book: ConversionBook): RequestParts {
  const request = sdkRequest(json);
  const method = textOf(request.method || 'GET').toUpperCase();
  const headers = request.headers
    .all()
    .filter((header) => textOf(header.key) !== '' || textOf(header.value) !== '')
    .map((header): Header => ({ name: textOf(header.key), value: textOf(header.value), enabled: header.disabled !== true }));
  const { url, query } = urlParts(request.url);
  let body = bodyOf(fieldsOf(fieldsOf(json).body), headers, place, book);
  if (body.kind !== 'none' && !methodTakesBody(method)) {
    book.note(`${capitalised(ofPlace('body', place))} was left out: Keypost sends no body with ${method}, as browsers and Node do not.`);
    body = { kind: 'none' };
  }
  return { method, url, query, headers, body };
}


/**
 * The URL without its query, and the query rows. A path variable (`/users/:id`) becomes its value when the request
 * gives one (what Postman sends), else `{{id}}`, a variable Keypost asks for under the URL.
 */
function urlParts(url: postman.Url): { url: string; query: QueryParam[] } {
  const values = new Map<string, string>();
  for (const variable of url.variables.all()) values.set(textOf(variable.key), textOf(variable.value));
  url.path = url.path?.map((segment) => {
    if (!segment.startsWith(':') || segment.length === 1) return segment;
    const name = segment.slice(1);
    const value = values.get(name);
    return value ? value : `{{${variableNameFrom(name)}}}`;
  });
  const query = url.query.all().map((param): QueryParam => ({ name: textOf(param.key), value: param.value === null || param.value === undefined ? null : textOf(param.value), enabled: param.disabled !== true }));
  url.query.clear();
  return { url: url.toString(), query };
}

function bodyOf(body: Record<string, unknown>, headers: readonly Header[], place: Place, book: ConversionBook): RequestBody {
  if (body.disabled === true || body.mode === undefined || body.mode === null || body.mode === 'none') return { kind: 'none' };
  switch (body.mode) {
    case 'raw': {
      const raw = textOf(body.raw);
      if (raw === '') return { kind: 'none' };
      const language = textOf(fieldsOf(fieldsOf(body.options).raw).language);
      const contentType = headers.find((header) => header.enabled && header.name.toLowerCase() === 'content-type')?.value ?? '';
      const json = language === 'json' || (language === '' && /\bjson\b/i.test(contentType));
      return json ? { kind: 'json', text: raw } : { kind: 'text', text: raw };
    }
    case 'urlencoded':
      return { kind: 'form', fields: entriesOf(body.urlencoded).map(fieldsOf).map((field): FormField => ({ name: textOf(field.key), value: textOf(field.value), enabled: field.disabled !== true })) };
    case 'formdata':
      return { kind: 'multipart', parts: entriesOf(body.formdata).map(fieldsOf).flatMap((part) => multipartParts(part, place, book)) };
    case 'file': {
      const src = textOf(fieldsOf(body.file).src);
      book.note(`${capitalised(ofPlace('body', place))} is a binary file${src ? ` (${src})` : ''}, which Keypost does not send yet: send it as a multipart file part or paste its text.`);
      return { kind: 'none' };
    }
    case 'graphql':
      book.note(`${capitalised(ofPlace('GraphQL body', place))} was not imported: Keypost has no GraphQL body; send its query as a JSON body ({"query": …, "variables": …}).`);
      return { kind: 'none' };
    default:
      book.note(`${capitalised(ofPlace(`“${textOf(body.mode)}” body`, place))} was not imported: Keypost does not know that kind of body.`);
      return { kind: 'none' };
  }
}

/** A form-data row: a text part, or one file part per path it names (Postman lets one row send several files). */
function multipartParts(part: Record<string, unknown>, place: Place, book: ConversionBook): MultipartPart[] {
  const name = textOf(part.key);
  const enabled = part.disabled !== true;
  if (part.type !== 'file') return [{ kind: 'text', name, value: textOf(part.value), enabled }];
  const paths = (Array.isArray(part.src) ? part.src : [part.src]).map(textOf).filter((path) => path !== '');
  if (paths.length === 0) {
    book.note(`The file part “${name}” of ${placeInWords(place)} names no file: it was left out; add it as a file part and pick the file.`);
    return [];
  }
  return paths.map((path): MultipartPart => ({ kind: 'file', name, path, enabled }));
}
