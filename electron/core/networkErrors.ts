// Turns the errors Node's fetch (undici) throws into codes and sentences a user can act on.
import { fail } from '../../shared/errors';

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME_MISMATCH/;

/** Walks `error.cause` to the first error that carries a Node/undici code. */
function rootCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function classifyNetworkError(error: unknown, url: URL) {
  const code = rootCode(error) ?? '';
  const where = url.host;
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
    case 'HPE_INVALID_CHUNK_SIZE':
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_INVALID_HEADER_TOKEN':
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return fail('NETWORK_ERROR', `${where} sent a malformed HTTP response (${code}).`);
  }
  if (TLS_CODES.test(code)) {
    return fail('TLS_ERROR', `The TLS certificate of ${where} was not accepted (${code}).`, {
      hint: 'The certificate may be self-signed, expired or issued for another host.',
    });
  }
  const detail = code || (error instanceof Error ? error.message : String(error));
  return fail('NETWORK_ERROR', `The request to ${where} failed (${detail}).`);
}
