// The body worker's store of a body's bytes (ChunkedBytes): whatever the parts it came in, it reads back as the bytes
// joined, keeps big parts without copying them, and gathers a trickle of tiny parts into blocks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedBytes } from '../../renderer/response/json/chunkedBytes';

const join = (parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** Parts of any size around the thresholds that matter (16 KB small, 256 KB blocks), of text with multi-byte characters. */
const partsArbitrary = fc.array(
  fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 16_000, max: 17_000 }), fc.integer({ min: 100_000, max: 300_000 })).chain((length) =>
    fc.constantFrom('a', 'é', '😀', '\n').map((char) => new TextEncoder().encode(char.repeat(length)).slice(0, length)),
  ),
  { maxLength: 12 },
);

describe('ChunkedBytes', () => {
  it('reads back as the bytes joined, whatever parts they came in', () => {
    fc.assert(
      fc.property(partsArbitrary, fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), (parts, picks) => {
        const chunked = new ChunkedBytes();
        for (const part of parts) chunked.push(part.slice());
        const whole = join(parts);
        expect(chunked.length).toBe(whole.length);
        const [a, b, c, d] = picks.map((pick) => pick % (whole.length + 1)) as [number, number, number, number];
        const [start, end] = [Math.min(a, b), Math.max(a, b)];
        expect(Buffer.from(chunked.range(start, end)).equals(whole.subarray(start, end))).toBe(true);
        expect(chunked.at(c)).toBe(whole[c]);
        expect(chunked.indexOf(0x0a, d)).toBe(whole.indexOf(0x0a, d));
        expect(chunked.decode()).toBe(new TextDecoder().decode(whole));
        const segments = [...chunked.segments(start, end)];
        expect(Buffer.from(join(segments.map(({ bytes }) => bytes))).equals(whole.subarray(start, end))).toBe(true);
        expect(segments.every(({ offset }, k) => k === 0 || offset === segments[k - 1]!.offset + segments[k - 1]!.bytes.length)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps a big part as it came, and reads a stretch within it as a view, not a copy', () => {
    const part = new Uint8Array(1_000_000).fill(0x61);
    const chunked = ChunkedBytes.of(new Uint8Array(64 * 1024));
    chunked.push(part);
    expect([...chunked.segments()][1]!.bytes.buffer).toBe(part.buffer);
    expect(chunked.range(100_000, 200_000).buffer).toBe(part.buffer);
  });

  it('gathers a trickle of one-byte parts into blocks of 256 KB instead of keeping each', () => {
    const chunked = new ChunkedBytes();
    const earlier = [];
    for (let k = 0; k < 600_000; k++) {
      chunked.push(new Uint8Array([k % 251]));
      if (k === 1000) earlier.push(chunked.range(0, 1001));
    }
    expect([...chunked.segments()].map(({ bytes }) => bytes.length)).toEqual([262_144, 262_144, 75_712]);
    expect(chunked.at(599_999)).toBe(599_999 % 251);
    // A view read before more bytes came still holds what it held.
    expect(Array.from(earlier[0]!)).toEqual(Array.from({ length: 1001 }, (_, k) => k % 251));
  });
});
