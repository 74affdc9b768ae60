// Messages between the page and the body worker (body.worker.ts): one request, one reply, matched by id.
import type { FilterOutcome } from './jsonFilter';
import type { TreeRow } from './jsonTree';

export type BodyRequest =
  | { op: 'load'; text: string }
  | { op: 'parse' }
  | { op: 'filter'; path: string }
  | { op: 'tree' }
  | { op: 'toggle'; index: number }
  | { op: 'rows'; start: number; count: number }
  | { op: 'copy'; index: number };

/** Replies per op; every op may also fail with { ok: false, error }. */
export interface BodyReplies {
  load: { ok: true; pretty: string };
  parse: { ok: true } | { ok: false; error: string };
  filter: FilterOutcome;
  tree: { ok: true; total: number };
  toggle: { ok: true; total: number };
  rows: { ok: true; rows: TreeRow[] };
  copy: { ok: true; text: string; path: string };
}

export type BodyReply<Op extends BodyRequest['op']> = BodyReplies[Op] | { ok: false; error: string };
