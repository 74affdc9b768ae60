// The tree view's model: the visible rows of a parsed document as a flat list, so the view can render
// only the rows on screen (virtualized) and expanding a 1-million-item array is one splice, not a DOM.
import { jsonPathText, type PathSegment } from './jsonPathText';
import { isRawJson } from './parseExact';

export type ValueKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

interface Row {
  value: unknown;
  key: PathSegment | null;
  depth: number;
  parent: Row | null;
  expanded: boolean;
}

/** What the view draws for one row. */
export interface TreeRow {
  index: number;
  depth: number;
  key: PathSegment | null;
  kind: ValueKind;
  /** Primitives: their JSON (long strings cut); containers: empty. */
  preview: string;
  /** Entries in an object or array; 0 for primitives. */
  count: number;
  expanded: boolean;
  path: string;
}

const PREVIEW_CHARS = 300;

export const kindOf = (value: unknown): ValueKind =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : isRawJson(value) ? 'number' : (typeof value as ValueKind);

const entriesOf = (value: unknown): Array<[PathSegment, unknown]> =>
  Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value as object);

const countOf = (value: unknown): number =>
  Array.isArray(value) ? value.length : kindOf(value) === 'object' ? Object.keys(value as object).length : 0;

export class JsonTree {
  private rows: Row[];

  constructor(root: unknown) {
    this.rows = [{ value: root, key: null, depth: 0, parent: null, expanded: false }];
    this.toggle(0);
  }

  get size(): number {
    return this.rows.length;
  }

  /** Expands or collapses the row; answers the new number of visible rows. */
  toggle(index: number): number {
    const row = this.rows[index];
    if (!row || countOf(row.value) === 0) return this.rows.length;
    if (row.expanded) {
      let end = index + 1;
      while (end < this.rows.length && this.rows[end]!.depth > row.depth) end++;
      this.rows.splice(index + 1, end - index - 1);
    } else {
      const children: Row[] = entriesOf(row.value).map(([key, value]) => ({ value, key, depth: row.depth + 1, parent: row, expanded: false }));
      // splice(...children) would overflow the call stack for large arrays.
      this.rows = [...this.rows.slice(0, index + 1), ...children, ...this.rows.slice(index + 1)];
    }
    row.expanded = !row.expanded;
    return this.rows.length;
  }

  slice(start: number, count: number): TreeRow[] {
    return this.rows.slice(start, start + count).map((row, offset) => this.view(row, start + offset));
  }

  /** The row's value as a user would paste it: strings without quotes, anything else as JSON. */
  copyText(index: number): string {
    const value = this.rows[index]?.value;
    return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  }

  pathOf(index: number): string {
    const segments: PathSegment[] = [];
    for (let row = this.rows[index] ?? null; row && row.key !== null; row = row.parent) segments.unshift(row.key);
    return jsonPathText(segments);
  }

  private view(row: Row, index: number): TreeRow {
    const kind = kindOf(row.value);
    const container = kind === 'object' || kind === 'array';
    const json = container ? '' : JSON.stringify(row.value);
    return {
      index,
      depth: row.depth,
      key: row.key,
      kind,
      preview: json.length > PREVIEW_CHARS ? `${json.slice(0, PREVIEW_CHARS)}…` : json,
      count: countOf(row.value),
      expanded: row.expanded,
      path: this.pathOf(index),
    };
  }
}
