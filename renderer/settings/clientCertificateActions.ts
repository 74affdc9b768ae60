// What Settings does with client certificates: main's file dialog for each file (checked there), saving an entry with
// its passphrase sent once to main (which keeps it in the keychain), removing one; the list then follows in the page.
import type { CertificateFileRole, ClientCertificate, ClientCertificateDraft } from '../../shared/clientCertificates';
import type { KeypostError } from '../../shared/errors';
import { api } from '../api';
import { settingsChanged, settingsStore } from './settingsState';

const listArrived = (clientCertificates: ClientCertificate[]) => settingsStore.update((state) => settingsChanged(state, { clientCertificates }));

/** The chosen file's path, null when cancelled, or why main refused it. */
export async function chooseCertificateFile(role: CertificateFileRole): Promise<{ path: string | null } | { error: KeypostError }> {
  const result = await api!.chooseCertificateFile(role);
  return result.ok ? { path: result.value } : { error: result.error };
}

/** Saves the entry (passphrase: undefined keeps the stored one); answers the warning to show, or why it was refused. */
export async function saveClientCertificate(draft: ClientCertificateDraft, passphrase: string | null | undefined): Promise<{ warning: string | null } | { error: KeypostError }> {
  const result = await api!.saveClientCertificate(draft, passphrase);
  if (!result.ok) return { error: result.error };
  listArrived(result.value.clientCertificates);
  return { warning: result.value.warning };
}

export async function removeClientCertificate(id: string): Promise<KeypostError | null> {
  const result = await api!.removeClientCertificate(id);
  if (!result.ok) return result.error;
  listArrived(result.value);
  return null;
}
