// Runs a JSONPath expression (jsonpath-plus) over a parsed body and pretty-prints the matches.
// eval: 'safe' is jsonpath-plus's own expression interpreter: filters like ?(@.price < 10) work without
// eval or new Function, which the page's CSP forbids.
import { JSONPath } from 'jsonpath-plus';
import { jsonPathText, type PathSegment } from './jsonPathText';

export const MAX_SHOWN_MATCHES = 10_000;

export type FilterOutcome =
  | { ok: true; text: string; matches: number; shown: number; paths: string[] }
  | { ok: false; error: string };

export function filterJson(document: unknown, expression: string): FilterOutcome {
  const path = expression.trim();
  if (!path.startsWith('$')) return { ok: false, error: 'A JSONPath starts with $, for example $.items[*].id' };
  let found: Array<{ value: unknown; path: string }>;
  try {
    found = (JSONPath({ path, json: document as object, eval: 'safe', wrap: true, resultType: 'all' }) ?? []) as typeof found;
  } catch (error) {
    return { ok: false, error: `Invalid JSONPath: ${(error as Error).message}` };
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
    paths: shown.map((match) => jsonPathText(segmentsOf(document, match.path))),
  };
}

/** jsonpath-plus answers paths as $['items'][0]['id']; walk the document to tell array indexes from keys like "0". */
function segmentsOf(document: unknown, path: string): PathSegment[] {
  let node = document;
  return JSONPath.toPathArray(path)
    .slice(1)
    .map((segment) => {
      const key: PathSegment = Array.isArray(node) ? Number(segment) : segment;
      node = (node as Record<PathSegment, unknown> | null)?.[key];
      return key;
    });
}
