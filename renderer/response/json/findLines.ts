// Ctrl+F in the JSON line views (Pretty, the filter's matches): matches in the text each line shows (indented, `: `
// after a key, no other space outside strings, cut where the view cuts it), not in the bytes as sent, so `"a": 1`
// finds `{"a":1}` and the count agrees with the marks drawn on the rows. A query holds no line break, so a match lies
// within one line. The bytes are still what is scanned: only lines holding the query's anchor byte (found natively)
// are drawn and searched, so a rare query costs about what a search of the raw bytes does.
import type { ChunkedBytes } from './chunkedBytes';
import { anchorOf, foldByte, MAX_MATCHES, needleOf } from './findBytes';
import { isWhitespace, SPACE } from './jsonBytes';
import { shownLineBytes } from './jsonLines';
import type { JsonLines } from './lineTable';

export interface LineMatches {
  /** The line of each of the first MAX_MATCHES matches, and where it starts in the line's UTF-8 text. */
  lines: number[];
  columns: number[];
  /** More matches exist than lines holds. */
  more: boolean;
  /** Lines before it have been searched: a search of more of the body (more lines complete) goes on there. */
  resumeAt: number;
}

/** Matches in lines from `earlier.resumeAt` on, after `earlier`'s (a search of fewer lines of the same body), or from
 *  the start. Matches on a line do not overlap, as the marks on it. */
export function findInLines(lines: JsonLines, query: string, matchCase: boolean, earlier?: LineMatches): LineMatches {
  const found: LineMatches = {
    lines: earlier ? [...earlier.lines] : [],
    columns: earlier ? [...earlier.columns] : [],
    more: earlier?.more ?? false,
    resumeAt: earlier?.resumeAt ?? 0,
  };
  const needle = needleOf(query, matchCase);
  if (needle.length === 0 || found.more) return found;
  if (!canBeShown(needle)) return { ...found, resumeAt: lines.count };
  const { bytes, table, count } = lines;
  /** Adds the matches on `line`; false once there are more than MAX_MATCHES. */
  const search = (line: number) => {
    const text = shownLineBytes(lines, line);
    for (let column = 0; column + needle.length <= text.length; column++) {
      let k = 0;
      while (k < needle.length && foldByte(text[column + k]!, matchCase) === needle[k]) k++;
      if (k < needle.length) continue;
      if (found.lines.length === MAX_MATCHES) return false;
      found.lines.push(line);
      found.columns.push(column);
      column += needle.length - 1;
    }
    return true;
  };
  const anchor = anchorOf(bytes, needle, matchCase, added);
  if (!anchor) {
    // A query of spaces has no byte of the body to look for: every line is searched.
    for (let line = found.resumeAt; line < count; line++) if (!search(line)) return { ...found, more: true, resumeAt: line };
    return { ...found, resumeAt: count };
  }
  // The bytes of the complete lines end where the next line starts (or with the body).
  const end = count < table.count ? table.start(count) : bytes.length;
  const { a, b } = anchor;
  // Anchors before `from` are done with.
  let from = found.resumeAt < count ? table.start(found.resumeAt) : end;
  // Part by part, as the body arrived (as findBytes does).
  for (const { bytes: part, offset } of bytes.segments(from, end)) {
    const stop = end - offset;
    // The next anchor byte in either case (b: the other case of a letter), or -1.
    let nextA = part.indexOf(a);
    let nextB = b === -1 ? -1 : part.indexOf(b);
    for (;;) {
      if (nextA !== -1 && nextA < from - offset) nextA = part.indexOf(a, from - offset);
      if (nextB !== -1 && nextB < from - offset) nextB = part.indexOf(b, from - offset);
      const j = nextB === -1 || (nextA !== -1 && nextA < nextB) ? nextA : nextB;
      if (j === -1 || j >= stop) break;
      from = offset + j + 1;
      // Most anchors are not in a match: those are told from the bytes around them, without finding their line.
      if (!fitsSpaceless(bytes, part, offset, j, needle, anchor.at, matchCase, end)) continue;
      const line = table.lineAt(offset + j, count);
      if (!search(line)) return { ...found, more: true, resumeAt: line };
      from = line + 1 < count ? table.start(line + 1) : end;
    }
  }
  return { ...found, resumeAt: count };
}

const COLON = 0x3a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** The first byte of the ellipsis a cut line ends with. */
const ELLIPSIS_START = 0xe2;

/** Bytes of what the view adds to a line (indentation, the space after a colon, the ellipsis of a cut line), which
 *  the body may not hold where the line shows them. */
const added = (b: number) => b === SPACE || b === ELLIPSIS_START || b === 0x80 || b === 0xa6;

/**
 * False for a needle no pretty line can hold: one with `c":x` where neither c nor x is a space (nor c a backslash,
 * nor x the ellipsis of a cut line). Its quote is then neither escaped nor opening a string, so its colon is outside
 * strings, where the view puts a space after it. That is the form of a pair as sent (`"a":1`): searched for, each of
 * its occurrences in a minified body would pass fitsSpaceless and have its line drawn in vain.
 */
function canBeShown(needle: Uint8Array): boolean {
  for (let k = 1; k + 2 < needle.length; k++) {
    if (needle[k] !== QUOTE || needle[k + 1] !== COLON) continue;
    const before = needle[k - 1];
    const after = needle[k + 2];
    if (before !== SPACE && before !== BACKSLASH && after !== SPACE && after !== ELLIPSIS_START) return false;
  }
  return true;
}

/**
 * Whether the needle, the bytes the view may have added left out, is in the body around its anchor byte (byte j of
 * `part`, which starts at `offset` in the body; byte `anchor` of the needle), with only whitespace between its bytes.
 * Every match in a line's text passes: a pretty line is its bytes with whitespace outside strings dropped and spaces
 * added (strings hold no tab or line break), so the two agree once all whitespace is left out of both.
 */
function fitsSpaceless(bytes: ChunkedBytes, part: Uint8Array, offset: number, j: number, needle: Uint8Array, anchor: number, matchCase: boolean, end: number): boolean {
  const n = part.length;
  let i = j - 1;
  for (let k = anchor - 1; k >= 0; k--) {
    if (added(needle[k]!)) continue;
    // Within the part, or before it.
    let byte = i >= 0 ? part[i]! : bytes.at(offset + i);
    while (byte !== undefined && isWhitespace(byte)) byte = --i >= 0 ? part[i]! : bytes.at(offset + i);
    if (byte === undefined || foldByte(byte, matchCase) !== needle[k]) return false;
    i--;
  }
  i = j + 1;
  for (let k = anchor + 1; k < needle.length; k++) {
    if (added(needle[k]!)) continue;
    // Within the part, or after it (up to the end of the complete lines).
    let byte = i < n ? part[i]! : offset + i < end ? bytes.at(offset + i) : undefined;
    while (byte !== undefined && isWhitespace(byte)) byte = ++i < n ? part[i]! : offset + i < end ? bytes.at(offset + i) : undefined;
    if (byte === undefined || foldByte(byte, matchCase) !== needle[k]) return false;
    i++;
  }
  return true;
}
