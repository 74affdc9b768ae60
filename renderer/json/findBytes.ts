// Ctrl+F over a body's bytes: a plain substring search, ASCII case folded unless asked not to (A–Z only, so
// the marks on screen, which fold the same way, always agree with the count). It goes part by part through the body as
// it arrived; a match may straddle two parts.
import type { ChunkedBytes } from './chunkedBytes';

export const MAX_MATCHES = 100_000;

export interface Found {
  /** Byte offsets of the first MAX_MATCHES matches. */
  offsets: number[];
  /** More matches exist than offsets holds. */
  more: boolean;
  /** Where a search of more bytes (the body still arriving) goes on: past the last match, and before the bytes a
   *  match could still end in. */
  resumeAt: number;
}

const lower = (b: number) => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b);

/** Matches from `earlier.resumeAt` on, after `earlier`'s (a search of fewer bytes of the same body), or from the start. */
export function findBytes(bytes: ChunkedBytes, query: string, matchCase: boolean, earlier?: Found): Found {
  const needle = new TextEncoder().encode(query).map((b) => (matchCase ? b : lower(b)));
  const offsets = earlier ? [...earlier.offsets] : [];
  const resumeAt = () => Math.max(offsets.length > 0 ? offsets.at(-1)! + needle.length : 0, bytes.length - needle.length + 1, 0);
  if (needle.length === 0 || earlier?.more) return { offsets, more: earlier?.more ?? false, resumeAt: earlier?.resumeAt ?? 0 };
  const first = needle[0]!;
  const fold = (b: number | undefined) => (matchCase || b === undefined ? b : lower(b));
  // Matches do not overlap: the next one starts at `from` or after.
  let from = earlier?.resumeAt ?? 0;
  // Each part, as far as a match could start in it.
  for (const { bytes: part, offset } of bytes.segments(from, bytes.length - needle.length + 1)) {
    for (let j = Math.max(0, from - offset); j < part.length; j++) {
      // The native indexOf finds candidates fast when the case is fixed.
      if (matchCase) {
        j = part.indexOf(first, j);
        if (j === -1) break;
      } else if (lower(part[j]!) !== first) {
        continue;
      }
      const i = offset + j;
      let k = 1;
      // Within the part, or on into the next one.
      if (j + needle.length <= part.length) while (k < needle.length && fold(part[j + k]) === needle[k]) k++;
      else while (k < needle.length && fold(bytes.at(i + k)) === needle[k]) k++;
      if (k < needle.length) continue;
      if (offsets.length === MAX_MATCHES) return { offsets, more: true, resumeAt: i };
      offsets.push(i);
      from = i + needle.length;
      j = from - offset - 1;
    }
  }
  return { offsets, more: false, resumeAt: resumeAt() };
}
