// The certificates a verifying connection trusts: Node's bundled roots, the OS trust store, NODE_EXTRA_CA_CERTS, and the
// CA file chosen in Settings (or keypost run --ca-file), and for a request of a collection that names one, the
// collection's CA file (collectionTrust). Read once per process (lazily, on the first verifying send); the CA file
// again whenever it is chosen.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { fail, ok, type Result } from '../../../shared/errors';

type Kind = 'bundled' | 'system' | 'extra';
/** The options a verifying pool connects with; a new object whenever the trusted set changes (httpAgents.ts compares). */
export interface TrustOptions {
  /** The trusted certificates (PEM), for what reads the set. */
  readonly ca: readonly string[];
  /** Made once from `ca`: a `ca` per connection would parse every root again on each connect. */
  readonly secureContext: tls.SecureContext;
  /** A collection's CA file in the set besides the Settings one (collectionTrust), for the pools' keys and the
   *  certificate error's hint; absent for the set every request trusts. */
  readonly collectionCa?: { readonly file: string; readonly shown: string; readonly collectionFile: string };
}

let builtIn: readonly string[] | undefined;
let caFile: { path: string; certificates: readonly string[] } | null = null;
/** Why the CA file in the settings is not in the trusted set (unreadable since it was chosen), for the certificate error's hint. */
let caFileProblem: string | null = null;
let current: TrustOptions | undefined;

function certificatesOf(kind: Kind): readonly string[] {
  try {
    // An Electron whose Node predates getCACertificates (22.15) has Node's bundled roots only.
    if (typeof tls.getCACertificates !== 'function') return kind === 'bundled' ? tls.rootCertificates : [];
    return tls.getCACertificates(kind);
  } catch {
    // A system store that cannot be read (no store on this OS) costs only its own certificates.
    return [];
  }
}

/** Bundled roots, the OS store (as Node's --use-system-ca reads it) and NODE_EXTRA_CA_CERTS: passing `ca` replaces
 *  Node's default set, so each is named here. */
export function builtInCertificates(): readonly string[] {
  builtIn ??= [...new Set([...certificatesOf('bundled'), ...certificatesOf('system'), ...certificatesOf('extra')])];
  return builtIn;
}

export function trustOptions(): TrustOptions {
  if (!current) {
    const ca = [...builtInCertificates(), ...(caFile?.certificates ?? [])];
    current = { ca, secureContext: tls.createSecureContext({ ca }) };
  }
  return current;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g;
const MAX_CA_FILE_BYTES = 10 * 1024 * 1024;

/** The certificates of a PEM file, or why it cannot serve as a CA file, in words. */
export function readCaFile(file: string): Result<string[]> {
  let text: string;
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_CA_FILE_BYTES) return fail('FILE_ERROR', `The CA file ${file} is over 10 MB: it is not a file of certificates.`);
    text = bytes.toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' || code === 'EPERM' ? 'Keypost may not read it' : code === 'EISDIR' ? 'it is a folder' : `the system reported ${code ?? 'an error'}`;
    return fail('FILE_ERROR', `The CA file ${file} could not be read: ${why}.`, { hint: 'Choose a PEM file of certificates that this account can read.' });
  }
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) {
    return fail('FILE_ERROR', `${file} holds no PEM certificate (a block that begins "-----BEGIN CERTIFICATE-----").`, {
      hint: 'Choose the CA certificate as a PEM file. A DER file (.cer, .der) converts with: openssl x509 -inform der -in ca.cer -out ca.pem',
    });
  }
  for (const [index, block] of blocks.entries()) {
    try {
      new X509Certificate(block);
    } catch {
      return fail('FILE_ERROR', `Certificate ${index + 1} of ${blocks.length} in ${file} is damaged: it is not a valid X.509 certificate.`, {
        hint: 'Export the CA certificate again, as PEM.',
      });
    }
  }
  return ok(blocks);
}

/** Makes a CA file's certificates trusted beside the built-in ones (null: none). An unreadable file leaves none added
 *  and is remembered, so a certificate error can say why the file did not help. */
export function useCaFile(file: string | null): Result<void> {
  const read = file === null ? ok([]) : readCaFile(file);
  caFile = file !== null && read.ok ? { path: file, certificates: read.value } : null;
  caFileProblem = read.ok ? null : read.error.message;
  current = undefined;
  withCollectionCa.clear();
  return read.ok ? ok(undefined) : read;
}

/** The CA file in use and, when it is set but could not be read, why. */
export const caFileInUse = () => ({ path: caFile?.path ?? null, problem: caFileProblem });

/** One set per collection CA file content, so the pools keyed by it (httpAgents.ts, proxyAgents.ts) stay reused. */
const withCollectionCa = new Map<string, TrustOptions>();

/** The set a request of a collection trusts: every request's (trustOptions) plus the collection's CA file, whose
 *  `file` is its absolute path (the pools' key), `shown` its path as the collection file writes it and `collectionFile`
 *  the settings file naming it (both for the certificate error's hint). */
export function collectionTrust(ca: { file: string; shown: string; collectionFile: string; certificates: readonly string[] } | null): TrustOptions {
  if (!ca) return trustOptions();
  const key = `${ca.file}\0${ca.collectionFile}\0${ca.certificates.join('')}`;
  let known = withCollectionCa.get(key);
  if (!known) {
    const all = [...trustOptions().ca, ...ca.certificates];
    known = { ca: all, secureContext: tls.createSecureContext({ ca: all }), collectionCa: { file: ca.file, shown: ca.shown, collectionFile: ca.collectionFile } };
    // A changed file's older set is dropped: its pools are replaced under the same key (httpAgents.ts).
    for (const [other, options] of withCollectionCa) if (options.collectionCa?.file === ca.file) withCollectionCa.delete(other);
    withCollectionCa.set(key, known);
  }
  return known;
}
