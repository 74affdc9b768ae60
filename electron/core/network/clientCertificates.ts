// Client certificates in the app: which one a request to a host presents (read again whenever its files change, so a
// moved file fails in words), their passphrases in the keychain under a service of their own (one entry per certificate id), and
// the Settings calls that choose files through main's dialog and check everything before saving.
import type { KeypostApi } from '../../../shared/api';
import { clientCertificateFor, type CertificateFileRole, type ClientCertificate } from '../../../shared/clientCertificates';
import { fail, ok, type Result } from '../../../shared/errors';
import { Secret } from '../credentials/secret';
import type { Vault } from '../credentials/vault';
import { fileStamp } from '../fileStamp';
import { checkCertificateFile, loadClientCertificate, type ClientTls } from './clientCertificateFiles';
import type { RouteFor } from './proxyRoutes';

export const clientCertificatesService = (credentialsService: string) => `${credentialsService} client certificates`;

/** The certificate a request to `target` presents, or null; a failure when the matching entry cannot serve. */
export type ClientCertificateForUrl = (target: URL) => Promise<Result<ClientTls | null>>;

export const portOf = (target: URL) => target.port || (target.protocol === 'https:' ? '443' : '80');

interface Inputs {
  /** A cached vault (credentials/cachedVault.ts) of the "client certificates" service. */
  vault: Vault;
  entries: () => readonly ClientCertificate[];
  save: (entries: ClientCertificate[]) => Result<unknown>;
  /** Main's open dialog for one kind of file (null: cancelled). */
  chooseFile?: (role: CertificateFileRole) => Promise<string | null>;
}

type Api = Pick<KeypostApi, 'chooseCertificateFile' | 'saveClientCertificate' | 'removeClientCertificate'>;

export function createClientCertificates({ vault, entries, save, chooseFile }: Inputs): Api & { certificateFor: ClientCertificateForUrl } {
  // Only paths main's dialog returned may be saved: the page never names a file of its own.
  const chosen = new Set<string>();
  /** Each entry's certificate as last read, with its files' stamps: a send reads them again only once they change. */
  const loaded = new Map<string, { tls: ClientTls; stamp: string }>();
  const stampOf = (entry: ClientCertificate) => [entry.certificateFile, entry.keyFile ?? ''].map((file) => (file ? fileStamp(file) : '')).join(' ');

  const passphraseOf = async (entry: Pick<ClientCertificate, 'id' | 'hasPassphrase'>): Promise<Result<Secret | null>> =>
    entry.hasPassphrase ? vault.get(entry.id) : ok(null);

  const certificateFor: ClientCertificateForUrl = async (target) => {
    if (target.protocol !== 'https:') return ok(null);
    const entry = clientCertificateFor(entries(), target.hostname.replace(/^\[|\]$/g, ''), portOf(target));
    if (!entry) return ok(null);
    const stamp = stampOf(entry);
    const known = loaded.get(entry.id);
    if (known?.stamp === stamp) return ok(known.tls);
    const passphrase = await passphraseOf(entry);
    if (!passphrase.ok) return passphrase;
    const read = loadClientCertificate(entry, passphrase.value, known?.tls);
    if (!read.ok) {
      return fail(read.error.code, `Nothing was sent to ${target.host}: its client certificate cannot be used. ${read.error.message}`, read.error.hint ? { hint: read.error.hint } : {});
    }
    loaded.set(entry.id, { tls: read.value.tls, stamp });
    return ok(read.value.tls);
  };

  return {
    certificateFor,
    chooseCertificateFile: async (role) => {
      if (!chooseFile) return fail('INTERNAL', 'Choosing files is not available here.');
      const file = await chooseFile(role);
      if (file === null) return ok(null);
      const checked = checkCertificateFile(role, file);
      if (!checked.ok) return checked;
      chosen.add(file);
      return ok(file);
    },
    saveClientCertificate: async (draft, typed) => {
      const list = entries();
      const before = list.find(({ id }) => id === draft.id);
      const files = [draft.certificateFile, ...(draft.keyFile ? [draft.keyFile] : [])];
      const known = (file: string) => chosen.has(file) || file === before?.certificateFile || file === before?.keyFile;
      if (!files.every(known)) return fail('INVALID_ARGUMENT', 'A client certificate file is chosen with "Choose file…", not typed.');
      // undefined keeps the stored passphrase; null removes it.
      const kept = typed === undefined && before ? await passphraseOf(before) : ok(null);
      if (!kept.ok) return kept;
      const passphrase = typeof typed === 'string' ? new Secret(typed) : kept.value;
      const read = loadClientCertificate(draft, passphrase);
      if (!read.ok) return read;
      const stored = passphrase ? await vault.set(draft.id, passphrase) : await vault.delete(draft.id);
      if (!stored.ok) return stored;
      const entry: ClientCertificate = { ...draft, hasPassphrase: passphrase !== null };
      const next = before ? list.map((item) => (item.id === draft.id ? entry : item)) : [...list, entry];
      const saved = save(next);
      if (!saved.ok) return saved;
      // Its files or passphrase may have changed: the next send reads it again.
      loaded.delete(draft.id);
      return ok({ clientCertificates: next, warning: read.value.warning });
    },
    removeClientCertificate: async (id) => {
      const removed = await vault.delete(id);
      if (!removed.ok) return removed;
      loaded.delete(id);
      const next = entries().filter((entry) => entry.id !== id);
      const saved = save(next);
      return saved.ok ? ok(next) : saved;
    },
  };
}

/** Every route says which certificate its request presents, beside which proxy carries it: the sends, their
 *  redirects and retries, the Check and OAuth token requests all ask a RouteFor, so all of them follow. */
export function withClientCertificates(routeFor: RouteFor, certificateFor: ClientCertificateForUrl): RouteFor {
  return async (target) => {
    const route = await routeFor(target);
    if (!route.ok) return route;
    const presented = await certificateFor(target);
    if (!presented.ok) return presented;
    return presented.value ? ok({ ...route.value, clientCertificate: presented.value }) : route;
  };
}
