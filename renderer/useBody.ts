// Hands a text or JSON response body to a body worker: inline text for small bodies, bytes read from main
// in 1 MB parts for large ones (no IPC message or string ever holds a 100 MB body). The worker validates and
// indexes it; the views then ask the worker for the rows on screen.
import { useEffect, useState } from 'react';
import { BODY_PART_BYTES, type SendResult } from '../shared/http';
import { api } from './api';
import { formatBytes } from './format';
import { acquireBodyWorker, type BodyWorkerClient, releaseBodyWorker } from './json/bodyWorker';


export type Body =
  /** Binary, image or saved-to-file bodies: nothing for the worker. */
  | { state: 'none' }
  | { state: 'loading'; receivedBytes: number }
  /** invalid: why a body labelled JSON does not parse, and the byte where (null when it parses, or is not JSON). */
  | { state: 'ready'; worker: BodyWorkerClient; json: boolean; invalid: { error: string; offset: number } | null }
  | { state: 'failed'; error: string };

export function useBody(result: SendResult): Body {
  // Tagged with its result, so a render for a new result never sees the previous body.
  const [loaded, setLoaded] = useState<{ result: SendResult; body: Body } | null>(null);
  useEffect(() => {
    if (result.savedFile || result.bodyKind === 'binary') return;
    const worker = acquireBodyWorker();
    const json = result.bodyKind === 'json';
    let current = true;
    const update = (body: Body) => current && setLoaded({ result, body });
    // The worker makes room for the whole body first; a body too big for this machine's memory fails here, clearly.
    const begin = async (sizeBytes: number) => {
      const begun = await worker.request({ op: 'begin', sizeBytes, json });
      if (!begun.ok) update({ state: 'failed', error: `there is not enough memory to show ${formatBytes(sizeBytes)} here (${begun.error}); Save… still writes it to a file` });
      return begun.ok && current;
    };
    void (async () => {
      if (result.bodyInParts) {
        if (!(await begin(result.sizeBytes))) return;
        for (let offset = 0; offset < result.sizeBytes; ) {
          const part = await api!.readBody(result.requestId, offset, BODY_PART_BYTES);
          if (!current) return;
          if (!part.ok) return update({ state: 'failed', error: part.error.message });
          if (part.value.bytes.length === 0) break;
          // Not awaited: the worker copies this part in while the next one is read.
          void worker.request({ op: 'append', bytes: part.value.bytes });
          offset = part.value.nextOffset;
          update({ state: 'loading', receivedBytes: offset });
        }
      } else {
        const bytes = new TextEncoder().encode(result.body);
        if (!(await begin(bytes.length))) return;
        await worker.request({ op: 'append', bytes });
        if (!current) return;
      }
      const finished = await worker.request({ op: 'finish' });
      if (finished.ok) return update({ state: 'ready', worker, json, invalid: null });
      // A parse error says where; anything else (the worker died) is a failure to show the body at all.
      if ('offset' in finished) return update({ state: 'ready', worker, json, invalid: { error: finished.error, offset: finished.offset } });
      update({ state: 'failed', error: finished.error });
    })();
    return () => {
      current = false;
      releaseBodyWorker(worker);
    };
  }, [result]);
  if (result.savedFile || result.bodyKind === 'binary') return { state: 'none' };
  return loaded?.result === result ? loaded.body : { state: 'loading', receivedBytes: 0 };
}
