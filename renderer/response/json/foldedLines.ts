// What a line view shows of a document: its lines minus the folded ranges, so the page can ask for
// "visible rows 2,000 to 2,060" without knowing about folds. Used for Pretty, Raw and filter results.
import { childCount, closingLine, type JsonLines, lineAt, lineText } from './jsonLines';
import { rowText, type TextRows } from './textRows';

export interface LineRow {
  /** Line number in the document (0-based), for line numbers, copy and find. */
  line: number;
  text: string;
  /** Opens a foldable container: 'open' or 'folded'; null for anything else. */
  fold: 'open' | 'folded' | null;
  /** Folded rows: the closing bracket and what follows it, and how many entries are hidden. */
  foldedTail?: string;
  entries?: number;
}

/** A document as lines: JSON pretty lines (foldable) or raw text rows. */
export interface LineSource {
  count: number;
  text(line: number): string;
  /** Whether the line opens a container that can fold: cheap, asked for every row shown. */
  foldable(line: number): boolean;
  /** Last line of the container the line opens, or null when it opens none: a scan, asked when folding. */
  foldEnd(line: number): number | null;
  entries(line: number): number;
  lineOf(offset: number): number;
}

/** folds: false while the body arrives (a container's closing line may not be there yet). */
export function jsonSource(lines: JsonLines, { folds = true } = {}): LineSource {
  // Only a line opening a non-empty container is followed by a deeper line.
  const foldable = (line: number) => folds && line + 1 < lines.count && lines.table.depth(line + 1) > lines.table.depth(line);
  return {
    count: lines.count,
    text: (line) => lineText(lines, line),
    foldable,
    foldEnd: (line) => (foldable(line) ? closingLine(lines, line) : null),
    entries: (line) => childCount(lines, line),
    lineOf: (offset) => lines.table.lineAt(offset, lines.count),
  };
}

export function rowsSource(rows: TextRows): LineSource {
  return {
    count: rows.count,
    text: (line) => rowText(rows, line),
    foldable: () => false,
    foldEnd: () => null,
    entries: () => 0,
    lineOf: (offset) => lineAt((row) => rows.starts[row]!, rows.count, offset),
  };
}

/** A folded range: its last hidden line, and the entries it hides (counted once, when folded: both are scans). */
interface Fold {
  end: number;
  entries: number;
}

export class FoldedLines {
  /** Folds by first line (nested folds are kept, and count once their parent opens). */
  private folds = new Map<number, Fold>();
  /** Folds not inside another fold, sorted: the ones that hide lines. */
  private outer: Array<[number, Fold]> = [];

  constructor(readonly source: LineSource) {}

  get total(): number {
    return this.outer.reduce((visible, [start, { end }]) => visible - (end - start), this.source.count);
  }

  rows(start: number, count: number): LineRow[] {
    const rows: LineRow[] = [];
    let line = this.lineOfRow(start);
    let fold = this.outer.findIndex(([first]) => first >= line);
    if (fold === -1) fold = this.outer.length;
    while (rows.length < count && line < this.source.count) {
      const folded = this.outer[fold]?.[0] === line ? this.outer[fold]![1] : null;
      if (folded) {
        rows.push({ line, text: this.source.text(line), fold: 'folded', foldedTail: this.source.text(folded.end).trimStart(), entries: folded.entries });
        line = folded.end + 1;
        fold++;
      } else {
        rows.push({ line, text: this.source.text(line), fold: this.source.foldable(line) ? 'open' : null });
        line++;
      }
    }
    return rows;
  }

  toggle(line: number): void {
    if (this.folds.has(line)) this.folds.delete(line);
    else {
      const end = this.source.foldEnd(line);
      if (end === null) return;
      this.folds.set(line, { end, entries: this.source.entries(line) });
    }
    this.update();
  }

  /** Opens every fold that hides `line`; answers its row. */
  reveal(line: number): number {
    for (const [start, { end }] of this.folds) if (start < line && line <= end) this.folds.delete(start);
    this.update();
    return this.outer.reduce((row, [start, { end }]) => (end < line ? row - (end - start) : row), line);
  }

  private lineOfRow(row: number): number {
    let line = row;
    for (const [start, { end }] of this.outer) {
      if (start >= line) break;
      line += end - start;
    }
    return line;
  }

  private update(): void {
    const sorted = [...this.folds].sort(([a], [b]) => a - b);
    this.outer = [];
    for (const fold of sorted) {
      const last = this.outer[this.outer.length - 1];
      if (!last || fold[0] > last[1].end) this.outer.push(fold);
    }
  }
}
