// The body worker: it receives a response body's bytes as they arrive, validates and indexes JSON as they come
// (IncrementalJsonIndex), and serves the views row by row, while the body arrives and after. 'begin' drops the
// previous body, so an idle worker is reused for the next response. Folding, the Tree view and the filter wait for
// the whole body; parsing into objects happens only for the Tree view and the filter, and only when first used.
import type { BodyRequest, LineViewName } from './json/bodyProtocol';
import { ChunkedBytes } from './json/chunkedBytes';
import { findBytes, type Found } from './json/findBytes';
import { findInLines, type LineMatches } from './json/findLines';
import { FoldedLines, jsonSource, rowsSource } from './json/foldedLines';
import { IncrementalJsonIndex } from './json/incrementalIndex';
import { filterJson } from './json/jsonFilter';
import { closingLine, copyValue, indexJson, type JsonLines, pathOf } from './json/jsonLines';
import { jsonPathText } from './json/jsonPathText';
import { JsonTree } from './json/jsonTree';
import { parseExact } from './json/parseExact';
import { TextRowsIndex } from './json/textRows';

/** A JSON body: the indexer keeps its bytes. */
let json: IncrementalJsonIndex | null = null;
/** Any other body: its bytes so far. */
let text = new ChunkedBytes();
/** All bytes are in ('finish' with complete); until then, and for a body cut short, the views show what arrived. */
let complete = false;
/** Counts appends, so a view built on fewer bytes is rebuilt. */
let revision = 0;
/** The Raw view's rows, kept up as bytes arrive once the view has been asked for. */
let rawRows: TextRowsIndex | null = null;
/** The body's lines once it is complete and valid JSON. */
let pretty: JsonLines | undefined;
let document: unknown;
let tree: JsonTree | undefined;
const views = new Map<LineViewName, { lines: FoldedLines; revision: number }>();
/** The filter's matches as JSON, and where each match sits in the body (for "copy path"). */
let filtered: { lines: JsonLines; paths: string[] } | undefined;
/** The last search (of the JSON lines, or of the bytes), so the same search over more of the body only reads what
 *  came since. */
let lastFind: { key: string; inLines?: LineMatches; inBytes?: Found } | null = null;

const bodyBytes = () => (json ? json.bytes : text);

function view(name: LineViewName): FoldedLines {
  const built = views.get(name);
  // The filter's view and a complete body's views never change; the others are rebuilt on what has arrived since.
  if (built && (name === 'filtered' || built.revision === revision)) return built.lines;
  let lines: FoldedLines;
  if (name === 'raw') {
    rawRows ??= new TextRowsIndex().push(bodyBytes());
    lines = new FoldedLines(rowsSource(rawRows.rows));
  } else if (name === 'pretty' && json) {
    // Containers fold once their closing lines have arrived, so only a complete body folds.
    lines = new FoldedLines(jsonSource(pretty ?? json.lines, { folds: complete }));
  } else {
    throw new Error(`The ${name} view is not ready`);
  }
  views.set(name, { lines, revision });
  return lines;
}

function jsonLinesOf(name: LineViewName): JsonLines | undefined {
  return name === 'pretty' ? (pretty ?? json?.lines) : name === 'filtered' ? filtered?.lines : undefined;
}

function parsed(): unknown {
  document ??= parseExact(bodyBytes().decode(), pretty!.hasLongNumbers);
  return document;
}

/** Where the JSON body stops parsing, once the bytes that decide it have arrived; null while it parses. */
const invalid = () => (json?.error ? { error: json.error.error, offset: json.error.offset } : null);

function handle(request: BodyRequest): unknown {
  switch (request.op) {
    case 'begin':
      // Drop the previous body before allocating the next, so the two never have to fit at once.
      json = rawRows = lastFind = null;
      pretty = document = tree = filtered = undefined;
      views.clear();
      text = new ChunkedBytes();
      complete = false;
      revision++;
      if (request.json) json = new IncrementalJsonIndex();
      return { ok: true };
    case 'append': {
      // A part that is a view on a larger buffer would keep all of that buffer alive.
      const { bytes } = request;
      const part = bytes.byteLength < bytes.buffer.byteLength ? bytes.slice() : bytes;
      if (json) json.push(part);
      else text.push(part);
      rawRows?.push(bodyBytes());
      revision++;
      return { ok: true, invalid: invalid() };
    }
    case 'finish': {
      complete = request.complete;
      revision++;
      if (json && complete) {
        const outcome = json.end();
        if (outcome.ok) pretty = outcome.lines;
      }
      return { ok: true, invalid: invalid() };
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
      // The body only grows (and a filter's matches are new each run): an earlier search of it stays true.
      const key = JSON.stringify([request.view, request.query, request.matchCase, filtered?.paths.length ?? 0]);
      const earlier = lastFind?.key === key && request.view !== 'filtered' ? lastFind : null;
      // Pretty and the filter's matches are searched as their lines show them; Raw as the bytes are.
      const jsonLines = jsonLinesOf(request.view);
      if (jsonLines) {
        const found = findInLines(jsonLines, request.query, request.matchCase, earlier?.inLines);
        lastFind = { key, inLines: found };
        return { ok: true, lines: found.lines, more: found.more };
      }
      const found = findBytes(bodyBytes(), request.query, request.matchCase, earlier?.inBytes);
      lastFind = { key, inBytes: found };
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
      return copyLine(request.view, request.line);
    case 'text':
      return { ok: true, text: bodyBytes().decode() };
    case 'filter': {
      const outcome = filterJson(parsed(), request.path);
      if (!outcome.ok) return outcome;
      const indexed = indexJson(new TextEncoder().encode(outcome.text));
      if (!indexed.ok) return indexed;
      filtered = { lines: indexed.lines, paths: outcome.paths };
      views.set('filtered', { lines: new FoldedLines(jsonSource(indexed.lines)), revision });
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

function copyLine(name: LineViewName, line: number) {
  const lines = jsonLinesOf(name);
  if (!lines) return { ok: true, value: view(name).source.text(line), path: null };
  const segments = pathOf(lines, line);
  // A container whose closing line has not arrived yet has no whole value to copy (its path is known already).
  const value = closingLine(lines, line) < lines.count ? copyValue(lines, line) : null;
  if (name === 'pretty' || !filtered) return { ok: true, value, path: jsonPathText(segments) };
  // A filter result is an array of matches: its first segment says which match, the rest goes on from that match's path.
  const [match, ...rest] = segments;
  const path = typeof match === 'number' ? filtered.paths[match] + jsonPathText(rest).slice(1) : null;
  return { ok: true, value, path };
}

type Message = { id: number; request: BodyRequest };

function answer({ id, request }: Message): void {
  let reply: unknown;
  try {
    reply = handle(request);
  } catch (error) {
    reply = { ok: false, error: (error as Error).message };
  }
  self.postMessage({ id, reply });
}

/**
 * Parts waiting to be indexed, one per task: the page's requests for the rows on screen are answered between two
 * parts instead of after every part that came before them (a fast network sends parts faster than they are indexed,
 * and the first screen would wait for all of them). Any other request sees every part sent before it.
 */
const parts: Message[] = [];
const nextPart = new MessageChannel();
nextPart.port1.onmessage = () => {
  const part = parts.shift();
  if (part) answer(part);
  if (parts.length > 0) nextPart.port2.postMessage(null);
};

self.onmessage = (event: MessageEvent<Message>) => {
  const message = event.data;
  if (message.request.op === 'append') {
    if (parts.push(message) === 1) nextPart.port2.postMessage(null);
    return;
  }
  if (message.request.op !== 'rows') while (parts.length > 0) answer(parts.shift()!);
  answer(message);
};
