// The Check action beside the credential: sends it to a URL (the request's, or one typed here) and says what came
// of it: accepted, rejected (with the server's words), lacking permission, or where the connection failed.
import { useState } from 'react';
import { checkRequestFor, type CredentialCheck as CheckOutcome } from '../../shared/credentialCheck';
import type { RequestDocument } from '../../shared/request';
import { joinUrl, splitUrl } from '../../shared/urlQuery';
import { checkCredential, commitToken } from './credentialActions';
import { credentialsStore } from './credentialsState';
import { useStore } from '../state/useStore';
import { TextInput } from '../ui';

interface Props {
  request: RequestDocument;
  timeoutMs: number;
}

export function CredentialCheck({ request, timeoutMs }: Props) {
  const credential = useStore(credentialsStore, (state) => state.token.credential);
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);

  const start = () => {
    setUrl(joinUrl(request.url, request.query));
    setOutcome(null);
    setOpen(true);
  };
  const run = async () => {
    if (running) return;
    setRunning(true);
    // A typed token is what the user wants checked: stored first, as Send stores it.
    const stored = await commitToken();
    const checked = stored.ok
      ? await checkCredential({ request: checkRequestFor({ ...request, ...splitUrl(url.trim()) }), timeoutMs })
      : stored;
    setRunning(false);
    setOutcome(checked.ok ? checked.value : { verdict: 'notSent', message: checked.error.message });
  };

  if (!open) {
    return (
      <button type="button" data-testid="token-check" title="Send the credential to a URL and see whether the server accepts it" onClick={start}>
        Check
      </button>
    );
  }
  return (
    <form
      className="credential-check"
      data-testid="token-check-panel"
      onSubmit={(event) => {
        event.preventDefault();
        void run();
      }}
    >
      <label htmlFor="token-check-url">Check “{credential}” against</label>
      <TextInput id="token-check-url" data-testid="token-check-url" value={url} onChange={setUrl} />
      <button type="submit" data-testid="token-check-run" disabled={running}>
        {running ? 'Checking…' : 'Check'}
      </button>
      <button type="button" aria-label="Close the check" onClick={() => setOpen(false)}>
        ×
      </button>
      {outcome && (
        <p className={`check-result check-${outcome.verdict}`} role="status" data-testid="token-check-result" data-verdict={outcome.verdict}>
          {outcome.message}
        </p>
      )}
    </form>
  );
}
