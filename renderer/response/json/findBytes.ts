// Ctrl+F over a body's bytes (the Raw view): a plain substring search, ASCII case folded unless asked not to (A–Z
// only, so the marks on screen, which fold the same way, always agree with the count). It goes part by part through
// the body as it arrived; a match may straddle two parts. The needle and its anchor byte are shared with the search of
// the pretty lines (findLines.ts).
import type { ChunkedBytes } from './chunkedBytes';

export const MAX_MATCHES = 100_000;

/** How much of the body's start is counted to tell which of the needle's bytes is rarest. */
const SAMPLE_BYTES = 64 * 1024;

export interface Found {
  /** Byte offsets of the first MAX_MATCHES matches. */
  offsets: number[];
  /** More matches exist than offsets holds. */
  more: boolean;
  /** Where a search of more bytes (the body still arriving) goes on: past the last match, and before the bytes a
   *  match could still end in. */
  resumeAt: number;
}

const isUpper = (b: number) => b >= 0x41 && b <= 0x5a;
const isLower = (b: number) => b >= 0x61 && b <= 0x7a;
const lower = (b: number) => (isUpper(b) ? b | 0x20 : b);

/** The query as the bytes compared, A–Z lowered unless the case is matched. */
export const needleOf = (query: string, matchCase: boolean) => new TextEncoder().encode(query).map((b) => (matchCase ? b : lower(b)));

/** A byte as compared with the needle's. */
export const foldByte = (b: number, matchCase: boolean) => (matchCase ? b : lower(b));

/**
 * Where candidates for a match are: the needle's rarest byte in the body's start (both cases of a letter when folding;
 * b is -1 otherwise), at position `at` in the needle. In JSON a quote or a letter comes every few bytes, a '-' or a
 * capital far less often. Bytes `skip` says may not be in the body (the pretty lines add some) are passed over; null
 * when the needle has no other.
 */
export function anchorOf(bytes: ChunkedBytes, needle: Uint8Array, matchCase: boolean, skip = (_b: number) => false): { at: number; a: number; b: number } | null {
  const sample = bytes.range(0, SAMPLE_BYTES);
  const counts = new Uint32Array(256);
  for (let k = 0; k < sample.length; k++) counts[foldByte(sample[k]!, matchCase)]!++;
  let at = -1;
  for (let k = 0; k < needle.length; k++) {
    if (skip(needle[k]!)) continue;
    if (at === -1 || counts[needle[k]!]! < counts[needle[at]!]!) at = k;
  }
  if (at === -1) return null;
  const a = needle[at]!;
  return { at, a, b: !matchCase && isLower(a) ? a & ~0x20 : -1 };
}

/** Matches from `earlier.resumeAt` on, after `earlier`'s (a search of fewer bytes of the same body), or from the start. */
export function findBytes(bytes: ChunkedBytes, query: string, matchCase: boolean, earlier?: Found): Found {
  const needle = needleOf(query, matchCase);
  const offsets = earlier ? [...earlier.offsets] : [];
  const resumeAt = () => Math.max(offsets.length > 0 ? offsets.at(-1)! + needle.length : 0, bytes.length - needle.length + 1, 0);
  if (needle.length === 0 || earlier?.more) return { offsets, more: earlier?.more ?? false, resumeAt: earlier?.resumeAt ?? 0 };
  const fold = (b: number | undefined) => (matchCase || b === undefined ? b : lower(b));
  // Candidates are where the anchor byte is (found natively, by indexOf), not every byte.
  const { at: anchor, a, b } = anchorOf(bytes, needle, matchCase)!;
  // Matches do not overlap: the next one starts at `from` or after.
  let from = earlier?.resumeAt ?? 0;
  // Each part, as far as the anchor of a match could be in it.
  for (const { bytes: part, offset } of bytes.segments(from + anchor, bytes.length - needle.length + 1 + anchor)) {
    // The next anchor byte in either case (b: the other case of a letter, when the case is folded).
    let nextA = part.indexOf(a);
    let nextB = b === -1 ? -1 : part.indexOf(b);
    for (;;) {
      const j = nextB === -1 || (nextA !== -1 && nextA < nextB) ? nextA : nextB;
      if (j === -1) break;
      if (j === nextA) nextA = part.indexOf(a, j + 1);
      else nextB = part.indexOf(b, j + 1);
      const i = offset + j - anchor;
      if (i < from) continue;
      let k = 0;
      // Within the part, or across its edges.
      const start = j - anchor;
      if (start >= 0 && start + needle.length <= part.length) while (k < needle.length && fold(part[start + k]) === needle[k]) k++;
      else while (k < needle.length && fold(bytes.at(i + k)) === needle[k]) k++;
      if (k < needle.length) continue;
      if (offsets.length === MAX_MATCHES) return { offsets, more: true, resumeAt: i };
      offsets.push(i);
      from = i + needle.length;
    }
  }
  return { offsets, more: false, resumeAt: resumeAt() };
}
