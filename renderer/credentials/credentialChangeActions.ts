// What follows a change made in the credential manager: a renamed credential is followed by every tab, and the
// credentials (with the presets that use them) are read again. Apart from credentialActions.ts, which presetActions.ts
// imports, so that neither imports the other.
import { refreshPresets } from '../presets/presetActions';
import { credentialRenamed } from '../workspace/workspace';
import { workspaceStore } from '../workspace/workspaceStore';
import { refreshCredentials, refreshTokenStatus, rememberCredential } from './credentialActions';
import { credentialsStore } from './credentialsState';

export type CredentialChange = { kind: 'renamed'; from: string; to: string } | { kind: 'deleted'; name: string } | { kind: 'saved'; name: string };

/** After the manager changed a credential: a renamed one is followed by every tab (and new tabs), and all is re-read. */
export async function credentialChanged(change: CredentialChange): Promise<void> {
  if (change.kind === 'renamed') {
    workspaceStore.update((workspace) => credentialRenamed(workspace, change.from, change.to));
    if (credentialsStore.get().lastChosen === change.from) rememberCredential(change.to);
  }
  // The presets' list brings the credentials' with it ("used by" follows it): one listing, not two.
  await Promise.all([change.kind === 'renamed' ? refreshPresets() : refreshCredentials(), refreshTokenStatus()]);
}
