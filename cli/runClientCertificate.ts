// keypost run's client certificate (--cert, --key, --cert-type P12 as curl spells them; --cert-host to limit it), read
// and checked before anything is sent; its passphrase only from KEYPOST_CERT_PASSPHRASE.
import { Secret } from '../electron/core/credentials/secret';
import { loadClientCertificate } from '../electron/core/network/clientCertificateFiles';
import { portOf, type ClientCertificateForUrl } from '../electron/core/network/clientCertificates';
import { clientCertificateFor, hostPatternProblem } from '../shared/clientCertificates';
import { ok } from '../shared/errors';
import { CERT_PASSPHRASE_VARIABLE } from '../shared/secretVariables';
import { RunRefused } from './collectionRun';

export interface ClientCertificateFlags {
  cert?: string;
  key?: string;
  /** PEM (the default) or P12, as curl's --cert-type. */
  certType?: string;
  /** Only hosts this pattern matches get it (api.example.com, *.example.com, host:port); every https host otherwise, as curl. */
  certHost?: string;
}

/** What each request presents, or null without --cert; a flag or file that cannot serve stops the run (exit 2). */
export function runClientCertificate({ cert, key, certType = 'PEM', certHost }: ClientCertificateFlags, variables: NodeJS.ProcessEnv, warn: (line: string) => void): ClientCertificateForUrl | null {
  if (cert === undefined) {
    if (key !== undefined || certHost !== undefined) throw new RunRefused('--key and --cert-host go with --cert (the client certificate).');
    return null;
  }
  const kind = certType.toUpperCase() === 'P12' ? 'pkcs12' : certType.toUpperCase() === 'PEM' ? 'pem' : null;
  if (!kind) throw new RunRefused(`--cert-type is PEM (a certificate with --key) or P12 (a PKCS#12 file), not ${certType}.`);
  if (kind === 'pem' && key === undefined) throw new RunRefused('--cert with a PEM certificate needs its key: give --key <file> (or --cert-type P12 for a .p12/.pfx file).');
  if (kind === 'pkcs12' && key !== undefined) throw new RunRefused('--key goes with a PEM certificate: a PKCS#12 file (--cert-type P12) holds its own key.');
  const problem = certHost === undefined ? null : hostPatternProblem(certHost);
  if (problem) throw new RunRefused(`--cert-host: ${problem}`);
  const host = certHost?.trim().toLowerCase() ?? 'every host';
  const passphrase = variables[CERT_PASSPHRASE_VARIABLE] ? new Secret(variables[CERT_PASSPHRASE_VARIABLE]) : null;
  const loaded = loadClientCertificate({ id: 'cli', host, kind, certificateFile: cert, keyFile: kind === 'pem' ? key! : null }, passphrase);
  if (!loaded.ok) {
    const wantsPassphrase = /passphrase/.test(loaded.error.message) ? ` Set ${CERT_PASSPHRASE_VARIABLE} to it.` : '';
    throw new RunRefused(`--cert: ${loaded.error.message}${wantsPassphrase}`);
  }
  const { tls, warning } = loaded.value;
  if (warning) warn(warning);
  return async (target) => {
    if (target.protocol !== 'https:') return ok(null);
    const matches = certHost === undefined || clientCertificateFor([{ host }], target.hostname.replace(/^\[|\]$/g, ''), portOf(target)) !== null;
    return ok(matches ? tls : null);
  };
}
