// Turns the errors the transport (undici, zlib) throws into codes and sentences a user can act on.
import { fail } from '../../../shared/errors';
import type { ProxyRoute } from '../network/proxyRoutes';
import { certificateError } from './certificateErrors';
import { clientCertificateError } from './clientCertificateErrors';
import { http2Error } from './http2Errors';
import type { TrustOptions } from './trust';

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME_MISMATCH/;

/** The `error.cause` chain, outermost first (undici wraps the socket or parser error). */
function causes(error: unknown): Array<{ code?: unknown; name?: unknown; message?: unknown; cert?: unknown }> {
  const chain = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    chain.push(current as { code?: unknown; name?: unknown; message?: unknown });
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** The first Node/undici error code in the chain. */
function rootCode(error: unknown): string | undefined {
  return causes(error).find((cause) => typeof cause.code === 'string')?.code as string | undefined;
}

/** undici's HTTP parser rejects broken framing (bad chunk sizes, header syntax) with HTTPParserError. */
function parserProblem(error: unknown): string | undefined {
  const parser = causes(error).find((cause) => cause.name === 'HTTPParserError');
  return parser ? String(parser.message) : undefined;
}

/** `route`: how the request went (its proxy, the client certificate it presented), for the follow-up handshake, and
 *  the certificates it trusted (`trust`: a collection's CA file is named in a certificate error's hint). */
export async function classifyNetworkError(error: unknown, url: URL, route?: Partial<ProxyRoute> & { trust?: TrustOptions }) {
  const code = rootCode(error) ?? '';
  const where = url.host;
  const malformed = parserProblem(error);
  if (malformed) return fail('NETWORK_ERROR', `${where} sent a malformed HTTP response: ${malformed}.`);
  const clientCertificate = await clientCertificateError(code, url, route);
  if (clientCertificate) return clientCertificate;
  const http2 = http2Error(causes(error), where);
  if (http2) return http2;
  switch (code) {
    case 'ECONNREFUSED':
      return fail('CONNECTION_REFUSED', `Could not connect to ${where}: the connection was refused.`, {
        hint: 'Check that the server is running and the port is right.',
      });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return fail('DNS_FAILURE', `The host name "${url.hostname}" could not be found.`, {
        hint: 'Check the spelling of the host, and your network or VPN.',
      });
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return fail('CONNECTION_RESET', `The connection to ${where} closed before the whole response arrived.`, {
        hint: 'The server or a proxy dropped the connection; try again.',
      });
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return fail('TIMEOUT', `Connecting to ${where} timed out.`, { hint: 'Check that the host is reachable.' });
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return fail('TIMEOUT', `${where} stopped sending for too long.`, { hint: 'The server may be overloaded; try again.' });
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return fail('CONNECTION_REFUSED', `${where} cannot be reached from this network.`, {
        hint: 'Check your network connection, VPN or proxy.',
      });
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
    case 'ERR_BROTLI_DECOMPRESSION_FAILED':
    case 'ERR_BROTLI_INVALID_PARAM':
      return fail('NETWORK_ERROR', `${where} sent a compressed body that does not decompress (Content-Encoding does not match the bytes).`);
    case 'HPE_INVALID_CHUNK_SIZE':
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_INVALID_HEADER_TOKEN':
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return fail('NETWORK_ERROR', `${where} sent a malformed HTTP response (${code}).`);
  }
  if (TLS_CODES.test(code)) return certificateError(code, causes(error).find((cause) => cause.code === code) ?? {}, url, route);
  // Words first; a code (never a library's message) only as a detail to search for.
  return fail('NETWORK_ERROR', `The connection to ${where} failed for a reason Keypost does not recognise.`, {
    hint: code ? `The system reported ${code}. Try again, and check the address and your network.` : 'Try again, and check the address and your network.',
  });
}
