// Main's hold on a body while it arrives: the chunks as they came, read back in parts of any size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrivingBody } from '../../electron/core/body/arrivingBody';

const LIMIT = 1 << 20;

describe('ArrivingBody', () => {
  it('reads back exactly the bytes that came, from any offset, in parts of any size, whatever the chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 8 }),
        async (chunks, reads) => {
          const body = new ArrivingBody(LIMIT);
          for (const chunk of chunks) body.add(Buffer.from(chunk));
          body.finish('complete');
          const whole = Buffer.concat(chunks);
          for (const [from, maxBytes] of reads) {
            const offset = from % whole.length;
            const part = await body.read(offset, maxBytes);
            const expected = whole.subarray(offset, Math.min(whole.length, offset + maxBytes));
            expect(Buffer.from(part.bytes).equals(expected)).toBe(true);
            // Each part owns its memory: IPC's structured clone sends a view's whole buffer.
            expect(part.bytes.buffer.byteLength).toBe(part.bytes.length);
            expect(part.end).toBe(offset + expected.length === whole.length ? 'complete' : null);
          }
          expect(body.bytes().equals(whole)).toBe(true);
          expect(body.size).toBe(whole.length);
        },
      ),
    );
  });

  it('gives each reader a copy: changing a part it read changes nothing held', async () => {
    const body = new ArrivingBody(LIMIT);
    body.add(Buffer.from('abc'));
    const part = await body.read(0, 3);
    part.bytes.fill(0x78);
    expect(Buffer.from((await body.read(0, 3)).bytes).toString()).toBe('abc');
  });
});
