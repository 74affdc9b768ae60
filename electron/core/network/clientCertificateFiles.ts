// A client certificate's files read and checked in words (not PEM, not PKCS#12, a wrong passphrase, a key that does
// not match, expired), and the TLS material a pool presents (ClientTls), which never prints its key or passphrase.
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import tls from 'node:tls';
import { clientCertificateLabel, type CertificateFileRole, type ClientCertificate } from '../../../shared/clientCertificates';
import { fail, ok, type Result } from '../../../shared/errors';
import type { Secret } from '../credentials/secret';

const MAX_FILE_BYTES = 1024 * 1024;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/;
const PEM_KEY = /-----BEGIN (?:[A-Z]+ )?(?:ENCRYPTED )?PRIVATE KEY-----/;
const SETTINGS_HINT = 'Choose the file again in Settings (Client certificates).';

/** What a pool presents for one entry: made once per content (files and passphrase), compared by `key`. */
export class ClientTls {
  readonly #options: tls.SecureContextOptions;
  #context: { ca: readonly string[]; context: tls.SecureContext } | undefined;
  constructor(
    readonly id: string,
    readonly label: string,
    /** A digest of the files and passphrase: a changed file or passphrase is a new pool, never the old connections. */
    readonly key: string,
    options: tls.SecureContextOptions,
  ) {
    this.#options = options;
  }
  /** For a pool that does not verify the server (self-signed opt-in): the certificate alone. */
  connectOptions(): tls.SecureContextOptions {
    return { ...this.#options };
  }
  /** For a verifying pool: one context with the trusted set and the certificate (a `secureContext` replaces both). */
  secureContext(ca: readonly string[]): tls.SecureContext {
    if (this.#context?.ca !== ca) this.#context = { ca, context: tls.createSecureContext({ ...this.#options, ca: [...ca] }) };
    return this.#context.context;
  }
  toString = () => this.label;
  toJSON = () => this.label;
  [inspect.custom] = () => this.label;
}

function readBytes(file: string, what: string): Result<Buffer> {
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_FILE_BYTES) return fail('FILE_ERROR', `${what} ${file} is over 1 MB: it is not a certificate or key file.`, { hint: SETTINGS_HINT });
    return ok(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist (moved or deleted?)' : code === 'EACCES' || code === 'EPERM' ? 'Keypost may not read it' : code === 'EISDIR' ? 'it is a folder' : `the system reported ${code ?? 'an error'}`;
    return fail('FILE_ERROR', `${what} ${file} could not be read: ${why}.`, { hint: SETTINGS_HINT });
  }
}

const NOT_PEM_CERTIFICATE_HINT = 'Choose the certificate as PEM (a block beginning "-----BEGIN CERTIFICATE-----"), or choose PKCS#12 for a .p12/.pfx file. A DER file converts with: openssl x509 -inform der -in client.cer -out client.pem';

function certificateOf(text: string, file: string): Result<X509Certificate> {
  const block = PEM_CERTIFICATE.exec(text)?.[0];
  if (!block) return fail('FILE_ERROR', `${file} holds no PEM certificate.`, { hint: NOT_PEM_CERTIFICATE_HINT });
  try {
    return ok(new X509Certificate(block));
  } catch {
    return fail('FILE_ERROR', `The certificate in ${file} is damaged: it is not a valid X.509 certificate.`, { hint: 'Export it again, as PEM.' });
  }
}

const looksLikePem = (bytes: Buffer) => bytes.subarray(0, 2048).toString('latin1').includes('-----BEGIN ');

/** A file picked in Settings, checked for its role before it is offered for saving. */
export function checkCertificateFile(role: CertificateFileRole, file: string): Result<void> {
  const read = readBytes(file, role === 'key' ? 'The key file' : 'The certificate file');
  if (!read.ok) return read;
  const text = read.value.toString('utf8');
  if (role === 'certificate') {
    const certificate = certificateOf(text, file);
    return certificate.ok ? ok(undefined) : certificate;
  }
  if (role === 'key') {
    return PEM_KEY.test(text)
      ? ok(undefined)
      : fail('FILE_ERROR', `${file} holds no PEM private key (a block beginning "-----BEGIN PRIVATE KEY-----").`, { hint: 'Choose the key as a PEM file; for a .p12/.pfx file choose PKCS#12 instead.' });
  }
  return looksLikePem(read.value)
    ? fail('FILE_ERROR', `${file} is a PEM file, not PKCS#12.`, { hint: 'Choose "PEM certificate and key" for PEM files, or a .p12/.pfx file here.' })
    : ok(undefined);
}

/** The entry's files read now, checked, and made into what a pool presents; `warning` for an expired certificate,
 *  which is still presented (the server decides). `known`: what the last read made, kept when nothing changed, so a
 *  send to the host only reads the files (a moved one still fails) and its pools keep their connections. */
export function loadClientCertificate(entry: Omit<ClientCertificate, 'hasPassphrase'>, passphrase: Secret | null, known?: ClientTls): Result<{ tls: ClientTls; warning: string | null }> {
  const label = clientCertificateLabel(entry);
  const { certificateFile: file } = entry;
  const read = readBytes(file, entry.kind === 'pkcs12' ? 'The PKCS#12 file' : 'The certificate file');
  if (!read.ok) return read;
  const keyRead = entry.kind === 'pem' ? readBytes(entry.keyFile!, 'The key file') : ok(null);
  if (!keyRead.ok) return keyRead;
  const secret = passphrase?.reveal();
  const digest = createHash('sha256').update(`${entry.id}\0${label}\0`).update(read.value);
  if (keyRead.value) digest.update(keyRead.value);
  if (secret !== undefined) digest.update(`\0${secret}`);
  const key = digest.digest('hex');
  if (known?.key === key) return ok({ tls: known, warning: null });
  let options: tls.SecureContextOptions;
  let certificate: X509Certificate | null = null;
  if (entry.kind === 'pem' && keyRead.value) {
    const parsed = certificateOf(read.value.toString('utf8'), file);
    if (!parsed.ok) return parsed;
    certificate = parsed.value;
    const keyText = keyRead.value.toString('utf8');
    if (!PEM_KEY.test(keyText)) return fail('FILE_ERROR', `${entry.keyFile} holds no PEM private key.`, { hint: SETTINGS_HINT });
    try {
      const privateKey = createPrivateKey(secret === undefined ? keyText : { key: keyText, passphrase: secret });
      if (!certificate.checkPrivateKey(privateKey)) {
        return fail('TLS_ERROR', `The key ${entry.keyFile} does not belong to the certificate ${file}.`, { hint: 'Choose the key that was made with this certificate (both come from the same request or export).' });
      }
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (/DECRYPT|CANCELLED|PASSPHRASE/.test(code)) {
        return fail('TLS_ERROR', secret === undefined ? `The key ${entry.keyFile} is encrypted: it needs its passphrase.` : `The passphrase does not open the key ${entry.keyFile}.`, { hint: 'Type the passphrase the key was exported with.' });
      }
      return fail('FILE_ERROR', `The key in ${entry.keyFile} could not be read: it is damaged or of a kind Keypost does not know.`, { hint: 'Export the key again, as PEM.' });
    }
    options = { cert: read.value, key: keyRead.value, ...(secret === undefined ? {} : { passphrase: secret }) };
  } else {
    if (looksLikePem(read.value)) return fail('FILE_ERROR', `${file} is a PEM file, not PKCS#12.`, { hint: 'Choose "PEM certificate and key" for PEM files.' });
    options = { pfx: read.value, ...(secret === undefined ? {} : { passphrase: secret }) };
  }
  let context: tls.SecureContext;
  try {
    context = tls.createSecureContext(options);
  } catch (error) {
    return fail('TLS_ERROR', ...contextProblem(entry, error, secret !== undefined));
  }
  certificate ??= certificateIn(context);
  const expired = certificate && Date.parse(certificate.validTo) < Date.now() ? new Date(certificate.validTo).toISOString().slice(0, 10) : null;
  const warning = expired ? `${label[0]!.toUpperCase()}${label.slice(1)} expired on ${expired}: it is still presented, but a server will likely refuse it. Ask for a new one.` : null;
  return ok({ tls: new ClientTls(entry.id, label, key, options), warning });
}

/** OpenSSL's refusal of the material, in words (its codes, never its text). */
function contextProblem(entry: Omit<ClientCertificate, 'hasPassphrase'>, error: unknown, hadPassphrase: boolean): [string, { hint: string }] {
  const { code = '', message = '' } = error as { code?: string; message?: string };
  if (entry.kind === 'pkcs12' && /mac verify failure/i.test(message)) {
    return [hadPassphrase ? `The passphrase does not open the PKCS#12 file ${entry.certificateFile}.` : `The PKCS#12 file ${entry.certificateFile} needs its passphrase.`, { hint: 'Type the passphrase it was exported with.' }];
  }
  if (code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH') {
    return [`The key ${entry.keyFile} does not belong to the certificate ${entry.certificateFile}.`, { hint: 'Choose the key that was made with this certificate.' }];
  }
  if (entry.kind === 'pkcs12') return [`${entry.certificateFile} is not a PKCS#12 file Keypost can read (it is damaged, or not PKCS#12).`, { hint: 'Export it again as .p12/.pfx, or choose PEM files.' }];
  return [`The certificate ${entry.certificateFile} and key ${entry.keyFile} could not be used together (${code || 'unknown reason'}).`, { hint: 'Export them again, as PEM.' }];
}

/** The certificate inside a PKCS#12 context, for its expiry only (Node exposes no public reader for it). */
function certificateIn(context: tls.SecureContext): X509Certificate | null {
  try {
    const der = (context as unknown as { context?: { getCertificate?: () => Buffer | null } }).context?.getCertificate?.();
    return der ? new X509Certificate(der) : null;
  } catch {
    return null;
  }
}
