// The response body's text: inline in the result for small bodies, read from main in 4 MB parts for large ones,
// so no single IPC message carries the whole body and the page stays responsive between parts.
import { useEffect, useState } from 'react';
import type { SendResult } from '../shared/api';
import { api } from './api';

const PART_BYTES = 4 * 1024 * 1024;

export type BodyText = { state: 'loading'; receivedBytes: number } | { state: 'ready'; text: string } | { state: 'failed'; error: string };

export function useBodyText(result: SendResult): BodyText {
  // Tagged with its result, so a render for a new result never sees the previous body.
  const [loaded, setLoaded] = useState<{ result: SendResult; text: BodyText } | null>(null);
  useEffect(() => {
    if (!result.bodyInParts) return;
    let current = true;
    void (async () => {
      const parts: string[] = [];
      for (let offset = 0; offset < result.sizeBytes; ) {
        const part = await api!.readBody(result.requestId, offset, PART_BYTES);
        if (!current) return;
        if (!part.ok) return setLoaded({ result, text: { state: 'failed', error: part.error.message } });
        parts.push(part.value.text);
        offset = part.value.nextOffset;
        setLoaded({ result, text: { state: 'loading', receivedBytes: offset } });
      }
      setLoaded({ result, text: { state: 'ready', text: parts.join('') } });
    })();
    return () => {
      current = false;
    };
  }, [result]);
  if (!result.bodyInParts) return { state: 'ready', text: result.body };
  return loaded?.result === result ? loaded.text : { state: 'loading', receivedBytes: 0 };
}
