// Messages between the page and the body worker (body.worker.ts): one request, one reply, matched by id.
// The worker owns the body's bytes and every index over them; the page only ever holds the rows on screen.
import type { LineRow } from './foldedLines';
import type { TreeRow } from './jsonTree';

/** Line views the worker serves: the body pretty-printed, the body as received, the filter's matches. */
export type LineViewName = 'pretty' | 'raw' | 'filtered';

export type BodyRequest =
  /** A new body: JSON (validated and indexed as it comes) or not. */
  | { op: 'begin'; json: boolean }
  /** More bytes: indexed as they come, and shown at once. */
  | { op: 'append'; bytes: Uint8Array }
  /** No more bytes: complete (folding, Tree and the filter then work), or cut short (what came stays shown). */
  | { op: 'finish'; complete: boolean }
  | { op: 'rows'; view: LineViewName; start: number; count: number }
  | { op: 'fold'; view: LineViewName; line: number }
  | { op: 'find'; view: LineViewName; query: string; matchCase: boolean }
  /** The line holding byte `offset` of what the view shows (the body, or the filter's matches). */
  | { op: 'lineOf'; view: LineViewName; offset: number }
  /** Unfolds whatever hides `line`; answers its row. */
  | { op: 'reveal'; view: LineViewName; line: number }
  | { op: 'copyLine'; view: LineViewName; line: number }
  | { op: 'text' }
  | { op: 'filter'; path: string }
  | { op: 'tree' }
  | { op: 'treeToggle'; index: number }
  | { op: 'treeRows'; start: number; count: number }
  | { op: 'treeCopy'; index: number };

/** Replies per op; every op may also fail with { ok: false, error }. */
/** Where a JSON body stops parsing (the Raw view still shows it), once the bytes that decide it have arrived. */
export interface InvalidJson {
  error: string;
  offset: number;
}

export interface BodyReplies {
  begin: { ok: true };
  append: { ok: true; invalid: InvalidJson | null };
  finish: { ok: true; invalid: InvalidJson | null };
  rows: { ok: true; total: number; rows: LineRow[] };
  fold: { ok: true; total: number };
  /** One entry per match: the line it is on (several matches can share a line). */
  find: { ok: true; lines: number[]; more: boolean };
  lineOf: { ok: true; line: number };
  reveal: { ok: true; row: number; total: number };
  /** path is null where no JSONPath applies (Raw); value is null for a container that has not all arrived. */
  copyLine: { ok: true; value: string | null; path: string | null };
  text: { ok: true; text: string };
  filter: { ok: true; matches: number; shown: number };
  tree: { ok: true; total: number };
  treeToggle: { ok: true; total: number };
  treeRows: { ok: true; rows: TreeRow[] };
  treeCopy: { ok: true; text: string; path: string };
}

export type BodyReply<Op extends BodyRequest['op']> = BodyReplies[Op] | { ok: false; error: string };
