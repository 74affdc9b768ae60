// Parses, formats, filters and walks a JSON response body off the UI thread; one worker per response,
// terminated when the next response arrives, so its memory goes with it.
import type { BodyRequest } from './json/bodyProtocol';
import { filterJson } from './json/jsonFilter';
import { JsonTree } from './json/jsonTree';
import { prettyJson } from './json/prettyJson';

let text = '';
let document: unknown;
let tree: JsonTree | undefined;

function handle(request: BodyRequest): unknown {
  switch (request.op) {
    // Pretty first, parse second: the text is on screen before the (slower) parse is done.
    case 'load':
      text = request.text;
      return { ok: true, pretty: prettyJson(text) };
    case 'parse': {
      try {
        // Native JSON.parse: the fastest validator, and the tree and filter need the value anyway.
        document = JSON.parse(text);
        return { ok: true };
      } catch (error) {
        return { ok: false, error: (error as Error).message };
      } finally {
        text = '';
      }
    }
    case 'filter':
      return filterJson(document, request.path);
    case 'tree':
      tree ??= new JsonTree(document);
      return { ok: true, total: tree.size };
    case 'toggle':
      return { ok: true, total: tree!.toggle(request.index) };
    case 'rows':
      return { ok: true, rows: tree!.slice(request.start, request.count) };
    case 'copy':
      return { ok: true, text: tree!.copyText(request.index), path: tree!.pathOf(request.index) };
  }
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
