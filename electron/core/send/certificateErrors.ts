// A refused server certificate in words: which certificate (its name, its issuer, its dates, the names it holds), why
// it was refused, and what the user can do. The facts come from the TLS error code and the certificate itself.
import type tls from 'node:tls';
import { fail } from '../../../shared/errors';
import type { ProxyRoute } from '../network/proxyRoutes';
import { probeTls } from './tlsProbe';
import { caFileInUse, type TrustOptions } from './trust';

const SELF_SIGNED_HINT = 'For a local development server, "Accept self-signed certificates" on the request lets it through.';

interface CertificateFacts {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  names: string[];
}

const nameOf = (entity: tls.Certificate | undefined) => {
  const name = entity?.CN ?? entity?.O;
  return typeof name === 'string' ? name : Array.isArray(name) ? name.join(', ') : 'unnamed';
};
const dayOf = (when: string) => (Number.isNaN(Date.parse(when)) ? when : new Date(when).toISOString().slice(0, 10));

function factsOf(certificate: tls.PeerCertificate): CertificateFacts {
  return {
    subject: nameOf(certificate.subject),
    issuer: nameOf(certificate.issuer),
    validFrom: dayOf(certificate.valid_from),
    validTo: dayOf(certificate.valid_to),
    // "DNS:localhost, IP Address:127.0.0.1" → localhost, 127.0.0.1
    names: (certificate.subjectaltname ?? '').split(', ').filter(Boolean).map((name) => name.replace(/^[^:]+:/, '')),
  };
}

/** Where the trusted set can grow, and why the CA file in Settings did not help when it could not be read; the
 *  collection's CA file when the request's collection names one. */
function trustHint(trust: TrustOptions | undefined): string {
  const { path, problem } = caFileInUse();
  const file = problem ? `The CA file in Settings is not in use: ${problem} ` : path ? `The CA file in Settings (${path}) does not hold it. ` : '';
  const collection = trust?.collectionCa ? `The collection's CA file (${trust.collectionCa.shown}, named in ${trust.collectionCa.collectionFile}) does not hold it either. ` : '';
  return `${file}${collection}If a company network or proxy issues it, add the company's CA certificate (PEM) in Settings (Extra CA certificates), or install it in the system's trust store.`;
}

/** Node's TLS error does not carry the certificate (except a wrong host's): it is then read by a second handshake
 *  (tlsProbe.ts) the way the send went, through its proxy if it had one. */
export async function certificateError(code: string, error: { cert?: unknown }, url: URL, route?: Partial<ProxyRoute> & { trust?: TrustOptions }) {
  const where = url.host;
  const given = error.cert && typeof error.cert === 'object' && 'subject' in error.cert ? (error.cert as tls.PeerCertificate) : null;
  const certificate = given ?? (await probeTls(url, route)).certificate;
  const facts = certificate ? factsOf(certificate) : null;
  const named = facts ? ` ("${facts.subject}")` : '';
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return fail('TLS_ERROR', `The certificate of ${where}${named} expired${facts ? ` on ${facts.validTo}` : ''}.`, {
        hint: "The server's owner must renew it. If this computer's date is wrong, correct it.",
      });
    case 'CERT_NOT_YET_VALID':
      return fail('TLS_ERROR', `The certificate of ${where}${named} is not valid yet${facts ? `: it is valid from ${facts.validFrom}` : ''}.`, {
        hint: "Check this computer's date and time.",
      });
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return fail('TLS_ERROR', `${where} presented a self-signed certificate${named}: no authority Keypost trusts vouches for it.`, {
        hint: `${SELF_SIGNED_HINT} If it is your company's own, add it as a CA file in Settings (Extra CA certificates).`,
      });
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return fail('TLS_ERROR', `The certificate of ${where}${named} comes from the root "${facts?.issuer ?? 'unnamed'}", which Keypost does not trust.`, {
        hint: trustHint(route?.trust),
      });
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'CERT_UNTRUSTED':
      return fail('TLS_ERROR', `The certificate of ${where}${named} is issued by ${facts ? `"${facts.issuer}", ` : ''}an authority Keypost does not trust.`, {
        hint: `${trustHint(route?.trust)} ${SELF_SIGNED_HINT}`,
      });
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'HOSTNAME_MISMATCH':
      return fail('TLS_ERROR', `The certificate of ${where} is not for ${url.hostname}: it names ${facts?.names.length ? facts.names.join(', ') : `only "${facts?.subject ?? 'another host'}"`}.`, {
        hint: "Use a host name the certificate names, or ask the server's owner for a certificate that names this one.",
      });
  }
  // No words for a revoked certificate: Node reports CERT_REVOKED only against a revocation list (CRL) given to it,
  // and Keypost gives none (nor checks OCSP); any other code, should one come, is named here.
  return fail('TLS_ERROR', `The certificate of ${where}${named} was not accepted (${code}).`, {
    hint: `It may be damaged or use a signature or key Keypost refuses. ${trustHint(route?.trust)}`,
  });
}
