// Ctrl+F over a body's bytes: a plain substring search, ASCII case folded unless asked not to (A–Z only, so
// the marks on screen, which fold the same way, always agree with the count).
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
export function findBytes(bytes: Uint8Array, query: string, matchCase: boolean, earlier?: Found): Found {
  const needle = new TextEncoder().encode(query).map((b) => (matchCase ? b : lower(b)));
  const offsets = earlier ? [...earlier.offsets] : [];
  const resumeAt = () => Math.max(offsets.length > 0 ? offsets.at(-1)! + needle.length : 0, bytes.length - needle.length + 1, 0);
  if (needle.length === 0 || earlier?.more) return { offsets, more: earlier?.more ?? false, resumeAt: earlier?.resumeAt ?? 0 };
  const first = needle[0]!;
  const last = bytes.length - needle.length;
  for (let i = earlier?.resumeAt ?? 0; i <= last; i++) {
    // The native indexOf finds candidates fast when the case is fixed.
    if (matchCase) {
      i = bytes.indexOf(first, i);
      if (i === -1 || i > last) break;
    } else if (lower(bytes[i]!) !== first) {
      continue;
    }
    let k = 1;
    while (k < needle.length && (matchCase ? bytes[i + k] : lower(bytes[i + k]!)) === needle[k]) k++;
    if (k < needle.length) continue;
    if (offsets.length === MAX_MATCHES) return { offsets, more: true, resumeAt: i };
    offsets.push(i);
    i += needle.length - 1;
  }
  return { offsets, more: false, resumeAt: resumeAt() };
}
