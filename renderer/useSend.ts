// Sending: client-side checks first (nothing leaves on bad input), then the IPC call, with cancel.
import { useCallback, useRef, useState } from 'react';
import { BYTES_PER_MB, DEFAULT_TIMEOUT_MS, type HttpMethod, type SendResult, type TransportOptIns } from '../shared/api';
import { fail, type KeypostError } from '../shared/errors';
import { checkJsonBody, checkUrl } from '../shared/requestChecks';
import { api } from './api';
import type { TokenState } from './useToken';

export interface Draft extends TransportOptIns {
  url: string;
  method: HttpMethod;
  body: string;
}

/** bodyLimitMb: bodies bigger than this many MB (1024 × 1024 bytes) go to a temp file instead of the page. */
export function useSend(token: TokenState, bodyLimitMb: number) {
  const [result, setResult] = useState<SendResult | null>(null);
  const [error, setError] = useState<KeypostError | null>(null);
  const [inFlight, setInFlight] = useState<string | null>(null);
  const busy = useRef(false);

  const send = useCallback(
    async (draft: Draft) => {
      if (busy.current) return;
      const problem = precheck(draft);
      if (problem) return setError(problem);
      busy.current = true;
      setError(null);
      try {
        const saved = await token.commit();
        if (!saved.ok) return setError(saved.error);
        if (!saved.value) {
          return setError({ code: 'NO_TOKEN', message: 'Enter a bearer token first.', hint: 'It is saved in your OS keychain, never in a file.' });
        }
        const requestId = crypto.randomUUID();
        setInFlight(requestId);
        const answer = await api!.send({
          requestId,
          url: draft.url.trim(),
          method: draft.method,
          body: draft.body,
          credential: token.credential,
          timeoutMs: DEFAULT_TIMEOUT_MS,
          allowPlainHttp: draft.allowPlainHttp === true,
          allowSelfSignedTls: draft.allowSelfSignedTls === true,
          maxBodyBytes: bodyLimitMb * BYTES_PER_MB,
        });
        if (answer.ok) setResult(answer.value);
        else setError(answer.error);
      } finally {
        busy.current = false;
        setInFlight(null);
      }
    },
    [token, bodyLimitMb],
  );

  const cancel = useCallback(() => {
    if (inFlight) void api?.cancel(inFlight);
  }, [inFlight]);

  return { result, error, setError, inFlight: inFlight !== null, send, cancel };
}

function precheck(draft: Draft): KeypostError | null {
  if (!api) return fail('INTERNAL', 'Keypost’s bridge to the main process is missing; restart the app.').error;
  const url = checkUrl(draft.url);
  if (!url.ok) return url.error;
  const body = checkJsonBody(draft.body);
  return body.ok ? null : body.error;
}
