// Hands a text or JSON response body to a body worker as it arrives: main answers readBody with the bytes past an
// offset as soon as there are any, in parts of at most 1 MB (no IPC message or string ever holds a 100 MB body).
// The worker indexes each part as it comes, so the first screen shows while the rest downloads; the views ask the
// worker for the rows on screen.
import { useEffect, useState } from 'react';
import { BODY_PART_BYTES, type BodyEnd, PROGRESS_EVERY_MS, type ShownResponse } from '../../shared/http';
import { readBodyPart } from './bodyActions';
import type { InvalidJson } from './json/bodyProtocol';
import { acquireBodyWorker, type BodyWorkerClient, releaseBodyWorker } from './json/bodyWorker';

/** The first part is small: it holds the first screen, and the worker indexes it at once, even on a busy machine. */
const FIRST_PART_BYTES = 64 * 1024;
/** Parts handed to the worker and not yet indexed, at most: reading ahead of the worker only queues memory. */
const APPENDS_AHEAD = 8;

export type Body =
  /** Binary and image bodies: nothing for the worker. */
  | { state: 'none' }
  /** Before the first bytes are in the worker. */
  | { state: 'loading' }
  /**
   * What has arrived, in the worker: all of it (end 'complete'), or so far (end null), or all there will be (cut short,
   * or the rest went to a temp file). invalid: where a body labelled JSON stops parsing, once known.
   */
  | { state: 'shown'; worker: BodyWorkerClient; json: boolean; invalid: InvalidJson | null; receivedBytes: number; end: BodyEnd | null }
  | { state: 'failed'; error: string };

/** Whether the whole body is in the worker (folding, Tree, the filter and Copy need all of it). */
export const isWhole = (body: Body): body is Extract<Body, { state: 'shown' }> => body.state === 'shown' && body.end === 'complete';

export function useBody(response: ShownResponse): Body {
  const { requestId, attempt, bodyKind } = response;
  const key = `${requestId}:${attempt}:${bodyKind}`;
  // Tagged with its response, so a render for a new response never sees the previous body.
  const [loaded, setLoaded] = useState<{ key: string; body: Body } | null>(null);
  useEffect(() => {
    if (bodyKind === 'binary') return;
    const worker = acquireBodyWorker();
    const json = bodyKind === 'json';
    let current = true;
    const update = (body: Body) => current && setLoaded({ key, body });
    let lastShown = 0;
    let trailing: ReturnType<typeof setTimeout> | undefined;
    // At most every PROGRESS_EVERY_MS while bytes arrive (each update asks the worker for the rows and the find
    // count), and the last update never dropped (a stall may follow it).
    const show = (receivedBytes: number, invalid: InvalidJson | null, end: BodyEnd | null) => {
      clearTimeout(trailing);
      const body: Body = { state: 'shown', worker, json, invalid, receivedBytes, end };
      const wait = lastShown + PROGRESS_EVERY_MS - performance.now();
      if (end !== null || wait <= 0) {
        lastShown = performance.now();
        update(body);
      } else {
        trailing = setTimeout(() => {
          lastShown = performance.now();
          update(body);
        }, wait);
      }
    };
    void (async () => {
      const begun = await worker.request({ op: 'begin', json });
      if (!begun.ok) return update({ state: 'failed', error: begun.error });
      const appending: Array<Promise<void>> = [];
      for (let offset = 0; current; ) {
        const part = await readBodyPart(requestId, offset, offset === 0 ? FIRST_PART_BYTES : BODY_PART_BYTES);
        if (!current) return;
        if (!part.ok) return update({ state: 'failed', error: part.error.message });
        const { bytes, nextOffset, end } = part.value;
        offset = nextOffset;
        if (end !== null) {
          // The worker answers in order: 'finish' comes after the last 'append'.
          if (bytes.length > 0) void worker.request({ op: 'append', bytes });
          const finished = await worker.request({ op: 'finish', complete: end === 'complete' });
          if (!finished.ok) return update({ state: 'failed', error: finished.error });
          return show(offset, finished.invalid, end);
        }
        // Not awaited before the next read: the worker indexes this part while the next one arrives.
        appending.push(
          worker.request({ op: 'append', bytes }).then((appended) => {
            if (!current) return;
            if (appended.ok) show(nextOffset, appended.invalid, null);
            else update({ state: 'failed', error: appended.error });
          }),
        );
        // But no further ahead than that: parts the worker has yet to index are memory beside the body.
        if (appending.length > APPENDS_AHEAD) await appending.shift();
      }
    })();
    return () => {
      current = false;
      clearTimeout(trailing);
      releaseBodyWorker(worker);
    };
    // The key names the body: the head and then the complete answer of one response share it.
  }, [key, requestId, bodyKind]);
  if (bodyKind === 'binary') return { state: 'none' };
  return loaded?.key === key ? loaded.body : { state: 'loading' };
}
