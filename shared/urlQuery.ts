// The URL bar and the query table are two views of one request: split the typed URL into its base and query rows,
// and join them back. Rows hold the text as it appears in the URL (still percent-encoded), so a URL typed, split
// and joined comes back character for character, even half-typed (a trailing ? or &); what is typed into the
// table is encoded only where it would otherwise change the URL's structure (see encodeQueryText).
import type { QueryParam } from './request';

/** "https://api.example/items?a=1&b#top" -> url "https://api.example/items#top", query a=1, b (enabled). */
export function splitUrl(text: string): { url: string; query: QueryParam[] } {
  const hashAt = text.indexOf('#');
  const beforeHash = hashAt === -1 ? text : text.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : text.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt === -1) return { url: text, query: [] };
  // "?" alone is one empty row: the URL keeps its "?" while the user types.
  const query = beforeHash.slice(queryAt + 1).split('&').map(parseParam);
  return { url: beforeHash.slice(0, queryAt) + fragment, query };
}

/** The URL to show and send: the enabled rows as the query string, before any #fragment. */
export function joinUrl(url: string, query: readonly QueryParam[]): string {
  const enabled = query.filter((param) => param.enabled);
  if (enabled.length === 0) return url;
  const hashAt = url.indexOf('#');
  const base = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const search = enabled
    .map(({ name, value }) => (value === null ? encodeQueryText(name, true) : `${encodeQueryText(name, true)}=${encodeQueryText(value, false)}`))
    .join('&');
  return `${base}?${search}${fragment}`;
}

/** Typing in the URL bar: the enabled rows follow the URL, the disabled ones stay where they were (at the end). */
export function queryFromUrlText(text: string, previous: readonly QueryParam[]): { url: string; query: QueryParam[] } {
  const { url, query } = splitUrl(text);
  return { url, query: [...query, ...previous.filter((param) => !param.enabled)] };
}

function parseParam(pair: string): QueryParam {
  const equalsAt = pair.indexOf('=');
  return equalsAt === -1
    ? { name: pair, value: null, enabled: true }
    : { name: pair.slice(0, equalsAt), value: pair.slice(equalsAt + 1), enabled: true };
}

/**
 * What typing into a table cell must not do to the URL: end the parameter (`&`), start the fragment (`#`), or end
 * the name (`=`). Those are percent-encoded; everything else is kept as typed, so whatever splitUrl produced joins
 * back unchanged. Spaces and non-ASCII letters are left to the URL parser, which percent-encodes them as it sends.
 */
export function encodeQueryText(text: string, isName: boolean): string {
  return text.replace(isName ? /[&#=]/g : /[&#]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
