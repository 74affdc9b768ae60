// The body worker: it receives a response body's bytes in parts, validates and indexes JSON in one pass, and serves
// the views row by row. 'begin' drops the previous body, so an idle worker is reused for the next response.
// Parsing into objects happens only for the Tree view and the filter, and only when first used.
import type { BodyRequest, LineViewName } from './json/bodyProtocol';
import { findBytes } from './json/findBytes';
import { FoldedLines, jsonSource, rowsSource } from './json/foldedLines';
import { filterJson } from './json/jsonFilter';
import { copyValue, indexJson, type JsonLines, pathOf } from './json/jsonLines';
import { jsonPathText } from './json/jsonPathText';
import { JsonTree } from './json/jsonTree';
import { parseExact } from './json/parseExact';
import { indexRows } from './json/textRows';

let bytes = new Uint8Array(0);
let received = 0;
let isJson = false;
let pretty: JsonLines | undefined;
let document: unknown;
let tree: JsonTree | undefined;
const views = new Map<LineViewName, FoldedLines>();
/** The filter's matches as JSON, and where each match sits in the body (for "copy path"). */
let filtered: { lines: JsonLines; paths: string[] } | undefined;

function view(name: LineViewName): FoldedLines {
  let lines = views.get(name);
  if (!lines && name === 'raw') {
    // Built on first use: a JSON body is mostly read pretty.
    lines = new FoldedLines(rowsSource(indexRows(bytes)));
    views.set(name, lines);
  }
  if (!lines) throw new Error(`The ${name} view is not ready`);
  return lines;
}

function jsonLinesOf(name: LineViewName): JsonLines | undefined {
  return name === 'pretty' ? pretty : name === 'filtered' ? filtered?.lines : undefined;
}

function parsed(): unknown {
  document ??= parseExact(new TextDecoder().decode(bytes), pretty!.hasLongNumbers);
  return document;
}

function handle(request: BodyRequest): unknown {
  switch (request.op) {
    case 'begin':
      // Drop the previous body before allocating the next, so the two never have to fit at once.
      pretty = document = tree = filtered = undefined;
      views.clear();
      received = 0;
      bytes = new Uint8Array(0);
      bytes = new Uint8Array(request.sizeBytes);
      isJson = request.json;
      return { ok: true };
    case 'append':
      bytes.set(request.bytes, received);
      received += request.bytes.length;
      return { ok: true };
    case 'finish': {
      bytes = bytes.subarray(0, received);
      if (!isJson) return { ok: true };
      const indexed = indexJson(bytes);
      if (!indexed.ok) return indexed;
      pretty = indexed.lines;
      views.set('pretty', new FoldedLines(jsonSource(pretty)));
      return { ok: true };
    }
    case 'rows': {
      const lines = view(request.view);
      return { ok: true, total: lines.total, rows: lines.rows(request.start, request.count) };
    }
    case 'fold': {
      const lines = view(request.view);
      lines.toggle(request.line);
      return { ok: true, total: lines.total };
    }
    case 'find': {
      const lines = view(request.view);
      const searched = jsonLinesOf(request.view)?.bytes ?? bytes;
      const found = findBytes(searched, request.query, request.matchCase);
      return { ok: true, lines: found.offsets.map((offset) => lines.source.lineOf(offset)), more: found.more };
    }
    case 'lineOf':
      return { ok: true, line: view(request.view).source.lineOf(request.offset) };
    case 'reveal': {
      const lines = view(request.view);
      const row = lines.reveal(request.line);
      return { ok: true, row, total: lines.total };
    }
    case 'copyLine':
      return { ok: true, ...copyLine(request.view, request.line) };
    case 'text':
      return { ok: true, text: new TextDecoder().decode(bytes) };
    case 'filter': {
      const outcome = filterJson(parsed(), request.path);
      if (!outcome.ok) return outcome;
      const indexed = indexJson(new TextEncoder().encode(outcome.text));
      if (!indexed.ok) return indexed;
      filtered = { lines: indexed.lines, paths: outcome.paths };
      views.set('filtered', new FoldedLines(jsonSource(indexed.lines)));
      return { ok: true, matches: outcome.matches, shown: outcome.shown };
    }
    case 'tree':
      tree ??= new JsonTree(parsed());
      return { ok: true, total: tree.size };
    case 'treeToggle':
      return { ok: true, total: tree!.toggle(request.index) };
    case 'treeRows':
      return { ok: true, rows: tree!.slice(request.start, request.count) };
    case 'treeCopy':
      return { ok: true, text: tree!.copyText(request.index), path: tree!.pathOf(request.index) };
  }
}

function copyLine(name: LineViewName, line: number): { value: string; path: string | null } {
  const lines = jsonLinesOf(name);
  if (!lines) return { value: view(name).source.text(line), path: null };
  const segments = pathOf(lines, line);
  if (name === 'pretty' || !filtered) return { value: copyValue(lines, line), path: jsonPathText(segments) };
  // A filter result is an array of matches: its first segment says which match, the rest goes on from that match's path.
  const [match, ...rest] = segments;
  const path = typeof match === 'number' ? filtered.paths[match] + jsonPathText(rest).slice(1) : null;
  return { value: copyValue(lines, line), path };
}

self.onmessage = (event: MessageEvent<{ id: number; request: BodyRequest }>) => {
  const { id, request } = event.data;
  let reply: unknown;
  try {
    reply = handle(request);
  } catch (error) {
    reply = { ok: false, error: (error as Error).message };
  }
  self.postMessage({ id, reply });
};
