// Starts a body worker for a JSON response: pretty-prints, then parses, off the UI thread; then serves the tree and filter.
import { useEffect, useState } from 'react';
import type { SendResult } from '../shared/api';
import { BodyWorkerClient } from './json/bodyWorker';

export type JsonBody =
  | { state: 'none' }
  | { state: 'formatting' }
  /** parsed: the tree and the filter are ready (the pretty text shows before that). */
  | { state: 'ready'; pretty: string; worker: BodyWorkerClient; parsed: boolean }
  | { state: 'invalid'; error: string };

/** `text` is the body's text, null while it is still coming from main. */
export function useJsonBody(result: SendResult, text: string | null): JsonBody {
  const [body, setBody] = useState<JsonBody>({ state: 'none' });
  useEffect(() => {
    if (result.bodyKind !== 'json' || result.savedFile) {
      setBody({ state: 'none' });
      return;
    }
    if (text === null) {
      setBody({ state: 'formatting' });
      return;
    }
    const worker = new BodyWorkerClient();
    let current = true;
    setBody({ state: 'formatting' });
    void (async () => {
      const loaded = await worker.request({ op: 'load', text });
      if (!current || !loaded.ok) return;
      setBody({ state: 'ready', pretty: loaded.pretty, worker, parsed: false });
      const parsed = await worker.request({ op: 'parse' });
      if (!current) return;
      setBody(parsed.ok ? { state: 'ready', pretty: loaded.pretty, worker, parsed: true } : { state: 'invalid', error: parsed.error });
    })();
    return () => {
      current = false;
      worker.dispose();
    };
  }, [result, text]);
  return body;
}
