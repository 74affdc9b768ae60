// A server that wants a client certificate (mutual TLS) in words: one that demands one when none is set up for its
// host, and one that refuses the certificate presented, each naming the host and the certificate and saying what to do.
import { fail } from '../../../shared/errors';
import type { ProxyRoute } from '../network/proxyRoutes';
import { probeTls } from './tlsProbe';

/** The alerts of a server that refused the certificate it was given. */
const REFUSED = /ALERT_(UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_UNKNOWN|CERTIFICATE_EXPIRED|CERTIFICATE_REVOKED|UNSUPPORTED_CERTIFICATE|ACCESS_DENIED|DECRYPT_ERROR)/;
/** TLS 1.3's "certificate required", and the handshake failure a TLS 1.2 server answers an empty certificate with. */
const DEMANDED = /ALERT_CERTIFICATE_REQUIRED|ALERT_HANDSHAKE_FAILURE/;
/** Many servers (Node's among them) just close the connection on a certificate they refuse, or on none. */
const CLOSED = /^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/;

const NOT_THE_TOKEN = 'The certificate, not the token, was the problem: no request reached the server.';

/** Null when the failure has nothing to do with client certificates. A close is ambiguous: a handshake without a
 *  certificate (tlsProbe.ts, through the same proxy) tells whether the server demands one. */
export async function clientCertificateError(code: string, url: URL, route?: Partial<ProxyRoute>): Promise<ReturnType<typeof fail> | null> {
  if (url.protocol !== 'https:') return null;
  const presented = route?.clientCertificate;
  if (presented && REFUSED.test(code)) return refused(url, presented.label, whyOf(code));
  const alert = DEMANDED.test(code) ? code : CLOSED.test(code) ? (await probeTls(url, route, true)).alert ?? '' : '';
  if (!DEMANDED.test(alert)) return null;
  if (presented) return refused(url, presented.label, '');
  // TLS 1.3 says so; TLS 1.2's handshake failure could also be a cipher or version no side shares.
  const asks = /CERTIFICATE_REQUIRED/.test(alert) ? 'asks for' : 'ended the TLS handshake, most likely because it asks for';
  return fail('TLS_ERROR', `${url.host} ${asks} a client certificate (mutual TLS), and none is set up for ${url.hostname}.`, {
    hint: `Add the certificate this server expects in Settings (Client certificates) for ${url.hostname}; for keypost run, give --cert (and --key). ${NOT_THE_TOKEN}`,
  });
}

function refused(url: URL, label: string, why: string) {
  return fail('TLS_ERROR', `${url.host} refused ${label}${why}.`, {
    hint: `${NOT_THE_TOKEN} Check that it is the certificate this server expects (issued by an authority it trusts, not expired), or ask the server's owner; it is set in Settings (Client certificates).`,
  });
}

function whyOf(code: string): string {
  if (/UNKNOWN_CA/.test(code)) return ': the server does not trust the authority that issued it';
  if (/EXPIRED/.test(code)) return ': the server says it has expired';
  if (/REVOKED/.test(code)) return ': the server says it has been revoked';
  if (/ACCESS_DENIED/.test(code)) return ': the server accepted it but denies this certificate access';
  return ': the server does not accept it';
}
