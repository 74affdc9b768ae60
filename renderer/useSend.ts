// Sending: the same checks main makes, first (nothing leaves on bad input), then the IPC call, with cancel.
import { useCallback, useRef, useState } from 'react';
import { fail, type KeypostError } from '../shared/errors';
import { BYTES_PER_MB, DEFAULT_TIMEOUT_MS, type SendResult } from '../shared/http';
import type { RequestDocument } from '../shared/request';
import { checkRequest } from '../shared/requestChecks';
import { api } from './api';
import type { TokenState } from './useToken';

/** bodyLimitMb: bodies bigger than this many MB (1024 × 1024 bytes) go to a temp file instead of the page. */
export function useSend(token: TokenState, bodyLimitMb: number) {
  const [result, setResult] = useState<SendResult | null>(null);
  const [error, setError] = useState<KeypostError | null>(null);
  const [inFlight, setInFlight] = useState<string | null>(null);
  const busy = useRef(false);

  const send = useCallback(
    async (request: RequestDocument) => {
      if (busy.current) return;
      if (!api) return setError(fail('INTERNAL', 'Keypost’s bridge to the main process is missing; restart the app.').error);
      const checked = checkRequest(request);
      if (!checked.ok) return setError(checked.error);
      busy.current = true;
      setError(null);
      try {
        if (request.auth.kind === 'bearer') {
          const saved = await token.commit();
          if (!saved.ok) return setError(saved.error);
          if (!saved.value) {
            return setError({ code: 'NO_TOKEN', message: 'Enter a bearer token first.', hint: 'It is saved in your OS keychain, never in a file.' });
          }
        }
        const requestId = crypto.randomUUID();
        setInFlight(requestId);
        const answer = await api.send({ requestId, request, timeoutMs: DEFAULT_TIMEOUT_MS, maxBodyBytes: bodyLimitMb * BYTES_PER_MB });
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
