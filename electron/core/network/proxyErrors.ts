// A send through a proxy that failed at the proxy, in words naming the proxy (not the target): refused, not found,
// timed out, asked for a password (407), or would not open the tunnel (403, 502…), and a SOCKS proxy's refusals (its
// reply codes, RFC 1928). null: not the proxy's doing.
import { fail } from '../../../shared/errors';
import { proxyLabel } from './proxyRoutes';
import { SOCKS_CLOSED } from './socksAgent';

export function classifyProxyError(error: unknown, proxy: URL) {
  const where = `the proxy ${proxyLabel(proxy)}`;
  const status = tunnelStatus(error);
  if (status === 407) {
    return fail('PROXY_ERROR', `${capital(where)} asked for authentication (407 Proxy Authentication Required).`, {
      hint: 'Under Proxy in Settings, choose Manual, put your user name in the address (http://user@host:port) and type the password, which is kept in the keychain; or a variable such as HTTPS_PROXY may carry both.',
    });
  }
  if (status !== null) {
    return fail('PROXY_ERROR', `${capital(where)} refused to connect to the server (it answered ${status}).`, {
      hint: status === 403 ? 'The proxy does not allow this host or port; ask IT, or add the host to the bypass list.' : 'The proxy could not reach the server; check the address, or try again.',
    });
  }
  const code = codeOf(error);
  const socks = code && socksProblem(code, where);
  if (socks) return socks;
  switch (code) {
    case 'ECONNREFUSED':
      return fail('PROXY_ERROR', `Could not connect to ${where}: the connection was refused.`, { hint: 'Check that the proxy is running and its port is right (Proxy in Settings).' });
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return fail('PROXY_ERROR', `The host name of ${where} could not be found.`, { hint: 'Check the proxy address in Settings, and your network or VPN.' });
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return fail('PROXY_ERROR', `Connecting to ${where} timed out.`, { hint: 'Check that the proxy is reachable from this network.' });
  }
  return null;
}

const PASSWORD_HINT = 'Under Proxy in Settings, choose Manual, put your user name in the address (socks5://user@host:port) and type the password, which is kept in the keychain; or ALL_PROXY may carry both.';

/** undici's SOCKS5 errors, by their codes (never their text). */
function socksProblem(code: string, where: string) {
  if (code === 'UND_ERR_SOCKS5_AUTH_FAILED') return fail('PROXY_ERROR', `${capital(where)} refused the user name and password.`, { hint: PASSWORD_HINT });
  if (code === 'UND_ERR_SOCKS5_AUTH_REJECTED') return fail('PROXY_ERROR', `${capital(where)} asks for a user name and password.`, { hint: PASSWORD_HINT });
  if (code === SOCKS_CLOSED) {
    return fail('PROXY_ERROR', `${capital(where)} closed the connection before the tunnel to the server was open.`, {
      hint: 'The proxy may not allow this computer, or may not be a SOCKS5 proxy; check the address, or ask IT.',
    });
  }
  if (code === 'UND_ERR_SOCKS5_VERSION' || code === 'UND_ERR_SOCKS5_REPLY_VERSION') {
    return fail('PROXY_ERROR', `${capital(where)} does not answer as a SOCKS5 proxy.`, { hint: 'It may be an HTTP proxy (write http://) or a SOCKS4 one, which Keypost does not speak.' });
  }
  const reply = /^UND_ERR_SOCKS5_REPLY_(\d+)$/.exec(code);
  if (!reply) return null;
  const why = SOCKS_REPLIES[Number(reply[1])] ?? `it answered with SOCKS error ${reply[1]}`;
  return fail('PROXY_ERROR', `${capital(where)} could not connect to the server: ${why}.`, {
    hint: reply[1] === '2' ? 'The proxy does not allow this host or port; ask IT, or add the host to the bypass list.' : 'Check the address of the request, or try again.',
  });
}

/** RFC 1928's reply codes, in words. */
const SOCKS_REPLIES: Record<number, string> = {
  1: 'it reported a general failure',
  2: 'its rules do not allow this connection',
  3: 'the network of the server cannot be reached from it',
  4: 'the server cannot be reached from it',
  5: 'the server refused the connection',
  6: 'the connection timed out',
  7: 'it does not support connecting',
  8: 'it does not support this kind of address',
};

/** undici says a refused tunnel only in its message ("Proxy response (403) !== 200 when HTTP Tunneling"); the status is
 *  read from it and nothing else of it is shown. */
function tunnelStatus(error: unknown): number | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const match = /Proxy response \((\d{3})\)|Proxy Authentication Required \((407)\)/.exec(current.message);
    if (match) return Number(match[1] ?? match[2]);
  }
  return null;
}

function codeOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && !code.startsWith('UND_ERR_ABORTED')) return code;
  }
  return undefined;
}

const capital = (text: string) => text[0]!.toUpperCase() + text.slice(1);
