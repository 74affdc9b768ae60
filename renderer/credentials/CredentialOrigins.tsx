// Where a credential may be sent without asking: the origins main bound it to (its first send, or "Allow always"),
// each removable, and one more typed here, which main adds only once its own dialog has asked the user.
import { useState } from 'react';
import { credentialOriginSchema, type CredentialInfo } from '../../shared/credentials';
import type { KeypostError } from '../../shared/errors';
import { allowCredentialOrigin, removeCredentialOrigin } from './credentialActions';
import { TextInput } from '../ui';

interface Props {
  credential: CredentialInfo;
  onChanged(): Promise<void>;
  onError(message: string | null): void;
}

export function CredentialOrigins({ credential, onChanged, onError }: Props) {
  const [typed, setTyped] = useState('');
  const { name, origins } = credential;
  const report = (failure: KeypostError) => onError(failure.hint ? `${failure.message} ${failure.hint}` : failure.message);

  const add = async () => {
    const parsed = credentialOriginSchema.safeParse(typed);
    if (!parsed.success) return onError(parsed.error.issues[0]?.message ?? 'That is not an origin.');
    if (origins?.includes(parsed.data)) return onError(`“${name}” is already allowed for ${parsed.data}.`);
    const allowed = await allowCredentialOrigin(name, parsed.data);
    if (!allowed.ok) return report(allowed.error);
    setTyped('');
    onError(null);
    await onChanged();
  };

  const remove = async (origin: string) => {
    const removed = await removeCredentialOrigin(name, origin);
    if (!removed.ok) return report(removed.error);
    onError(null);
    await onChanged();
  };

  return (
    <div className="credential-origins" data-testid="credential-origins">
      <span className="muted" data-testid="credential-origins-summary">
        {origins === null
          ? 'Not sent yet: its first send binds it to that origin.'
          : origins.length === 0
            ? 'Allowed for no origin: every send asks first.'
            : 'Sent without asking only to:'}
      </span>
      {origins?.map((origin) => (
        <span key={origin} className="credential-origin" data-testid="credential-origin" data-origin={origin}>
          <code>{origin}</code>
          <button type="button" data-testid="credential-origin-remove" aria-label={`Stop sending ${name} to ${origin} without asking`} onClick={() => void remove(origin)}>
            ×
          </button>
        </span>
      ))}
      <form
        className="credential-edit"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <TextInput data-testid="credential-origin-input" aria-label={`Another origin for ${name}`} placeholder="https://api.example.com" value={typed} onChange={setTyped} />
        <button type="submit" data-testid="credential-origin-add">
          Allow…
        </button>
      </form>
    </div>
  );
}
