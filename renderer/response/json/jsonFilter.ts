// Runs a JSONPath expression over a parsed body and pretty-prints the matches. JSONPath is the standard one (RFC 9535,
// json-p3: it passes all 703 cases of the JSONPath Compliance Test Suite, tests/unit/jsonPathStandard.test.ts, and
// evaluates filters like ?(@.price < 10) with its own interpreter: no eval or new Function, which the page's CSP
// forbids). Older-style expressions such as $..book[?(@.price<10)] are valid RFC 9535 too.
import { JSONPathError, query, type JSONPathNode } from 'json-p3';
import { notJsonPath } from '../../../shared/jsonPathWords';
import { jsonPathText, type PathSegment } from './jsonPathText';
import { isRawJson } from './parseExact';

export const MAX_SHOWN_MATCHES = 10_000;

export type FilterOutcome =
  | { ok: true; text: string; matches: number; shown: number; paths: string[] }
  | { ok: false; error: string };

/** The matches of `expression` in `document` as RFC 9535 defines them, in document order; throws on a bad expression. */
export function jsonPathMatches(document: unknown, expression: string): JSONPathNode[] {
  return query(expression, document as Parameters<typeof query>[1]).nodes.filter((node) => !insideExactNumber(document, node.location));
}

export function filterJson(document: unknown, expression: string): FilterOutcome {
  const path = expression.trim();
  if (!path.startsWith('$')) return { ok: false, error: 'A JSONPath starts with $, for example $.items[*].id' };
  let found: JSONPathNode[];
  try {
    found = jsonPathMatches(document, path);
  } catch (error) {
    if (error instanceof JSONPathError) return { ok: false, error: notJsonPath(error.message) };
    throw error;
  }
  const shown = found.slice(0, MAX_SHOWN_MATCHES);
  return {
    ok: true,
    text: JSON.stringify(
      shown.map((match) => match.value),
      null,
      2,
    ),
    matches: found.length,
    shown: shown.length,
    paths: shown.map((match) => jsonPathText(match.location as PathSegment[])),
  };
}

/** A number kept exact (parseExact) is an object underneath; its `rawJSON` text is no member of the document. */
function insideExactNumber(document: unknown, location: ReadonlyArray<string | number>): boolean {
  if (location.at(-1) !== 'rawJSON') return false;
  let node = document;
  for (const key of location.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  return isRawJson(node);
}
