// Which proxy carries a request to a URL, under the proxy setting: the OS's answer (main's session.resolveProxy, a host
// service), the environment's variables as curl reads them, the manual proxy and its bypass list, or none.
import { fail, ok, type Result } from '../../../shared/errors';
import type { ProxySetting } from '../../../shared/proxy';
import type { Secret } from '../credentials/secret';
import { bypassesProxy } from './noProxy';
import type { ClientTls } from './clientCertificateFiles';

/** proxy null: the request goes direct. authorization: Basic, for a manual proxy whose password is in the keychain.
 *  fallback: the next choice of a PAC answer, tried when this proxy cannot be reached (routeFallback.ts). */
export interface ProxyRoute {
  proxy: URL | null;
  authorization?: Secret;
  fallback?: ProxyRoute;
  /** The client certificate the request presents (network/clientCertificates.ts): the target's, whichever proxy carries it. */
  clientCertificate?: ClientTls;
}
export type RouteFor = (target: URL) => Promise<Result<ProxyRoute>>;
/** Chromium's answer for a URL, in PAC syntax: "DIRECT", "PROXY host:port; DIRECT", "HTTPS host:port", "SOCKS5 host:port". */
export type ResolveProxy = (url: string) => Promise<string>;

export const DIRECT: Result<ProxyRoute> = ok({ proxy: null });
export const directRoute: RouteFor = async () => DIRECT;

export interface ProxyRouterInputs {
  setting: () => ProxySetting;
  /** process.env in the app and the CLI; a test's own object in tests. */
  env: Record<string, string | undefined>;
  /** Absent where there is no Chromium (the CLI, tests that set none): System then reads the environment. */
  resolveProxy?: ResolveProxy;
  /** The manual proxy's Basic authorization, from the keychain (proxyPasswords.ts). */
  authorizationFor?: (proxy: URL) => Promise<Secret | null>;
}

export function createProxyRouter({ setting, env, resolveProxy, authorizationFor }: ProxyRouterInputs): RouteFor {
  return async (target) => {
    const { mode, url, bypass } = setting();
    if (mode === 'none') return DIRECT;
    if (mode === 'manual') {
      if (bypassesProxy(target, bypass)) return DIRECT;
      const proxy = new URL(url);
      const authorization = await authorizationFor?.(proxy);
      return ok(authorization ? { proxy, authorization } : { proxy });
    }
    if (mode === 'system' && resolveProxy) return fromSystem(resolveProxy, target);
    return fromEnvironment(target, env);
  };
}

async function fromSystem(resolveProxy: ResolveProxy, target: URL): Promise<Result<ProxyRoute>> {
  try {
    return fromPacAnswer(await resolveProxy(target.href));
  } catch {
    return fail('PROXY_ERROR', `The system's proxy configuration could not say which proxy to use for ${target.host} (its PAC script may have failed).`, {
      hint: 'Nothing was sent. Check the proxy settings of your system, or choose Environment, Manual or None under Proxy in Settings.',
    });
  }
}

/** Environment mode, as curl reads it: http_proxy (lower-case only: a CGI server sets HTTP_PROXY from a request header),
 *  https_proxy or HTTPS_PROXY, then all_proxy or ALL_PROXY; no_proxy or NO_PROXY; an address without a scheme is http://. */
export function fromEnvironment(target: URL, env: Record<string, string | undefined>): Result<ProxyRoute> {
  const read = (...names: string[]) => names.find((name) => env[name]?.trim());
  const noProxyName = read('no_proxy', 'NO_PROXY');
  const noProxy = noProxyName && env[noProxyName]!.trim();
  if (noProxy && bypassesProxy(target, noProxy)) return DIRECT;
  const variable = target.protocol === 'https:' ? read('https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY') : read('http_proxy', 'all_proxy', 'ALL_PROXY');
  if (!variable) return DIRECT;
  const named = env[variable]!.trim();
  const written = /^[a-z][a-z0-9+.-]*:\/\//i.test(named) ? named : `http://${named}`;
  let proxy: URL;
  try {
    proxy = new URL(written);
  } catch {
    // Named by its variable, not its value: the value may hold the proxy's password.
    return fail('PROXY_ERROR', `The proxy in the environment variable ${variable} is not an address Keypost can read.`, {
      hint: `Write it as http://host:port in ${variable}, or choose another proxy under Proxy in Settings.`,
    });
  }
  if (proxy.protocol === 'socks4:' || proxy.protocol === 'socks4a:') return socks4Refused(proxy.host);
  if (!SPOKEN.has(proxy.protocol)) {
    return fail('PROXY_ERROR', `The proxy in the environment variable ${variable} uses ${proxy.protocol}//, which Keypost does not speak.`, {
      hint: 'Use an http://, https://, socks5:// or socks5h:// proxy.',
    });
  }
  return ok({ proxy });
}

/** The choices of a PAC answer in order, each the next one's fallback (Chromium already ran the script). A SOCKS4
 *  choice, or one Keypost cannot read, ends the list: with nothing before it, it is refused in words rather than skipped
 *  to connect directly behind the user's back. */
export function fromPacAnswer(answer: string): Result<ProxyRoute> {
  // An empty choice (a trailing ";") is no choice, as in Chromium; an empty answer is DIRECT.
  const choices = answer.split(';').map((choice) => choice.trim()).filter((choice) => choice !== '');
  const routes: ProxyRoute[] = [];
  let refused: Result<ProxyRoute> | null = null;
  for (const choice of choices) {
    const read = pacChoice(choice);
    if (!read.ok) {
      refused = read;
      break;
    }
    routes.push(read.value);
    if (read.value.proxy === null) break;
  }
  if (routes.length === 0) return refused ?? DIRECT;
  // Linked from the last: each choice carries the one after it as its fallback.
  let route = routes.pop()!;
  for (let previous = routes.pop(); previous; previous = routes.pop()) route = { ...previous, fallback: route };
  return ok(route);
}

function pacChoice(choice: string): Result<ProxyRoute> {
  const [kind = '', where = ''] = choice.split(/\s+/);
  const scheme = PAC_SCHEMES[kind.toUpperCase()];
  if (kind.toUpperCase() === 'DIRECT') return DIRECT;
  if (kind.toUpperCase() === 'SOCKS4') return socks4Refused(where);
  if (scheme && where !== '' && URL.canParse(`${scheme}://${where}`)) return ok({ proxy: new URL(`${scheme}://${where}`) });
  return fail('PROXY_ERROR', `The system's proxy configuration answered "${choice}", which Keypost does not understand.`, {
    hint: 'Choose Environment, Manual or None under Proxy in Settings.',
  });
}

/** PAC's kinds of proxy; Chromium reads a bare SOCKS as SOCKS version 4, where Keypost tries SOCKS5, which every
 *  current SOCKS server speaks (a SOCKS4-only one then fails in words naming it). */
const PAC_SCHEMES: Record<string, string> = { PROXY: 'http', HTTPS: 'https', SOCKS: 'socks5', SOCKS5: 'socks5' };

/** The proxy schemes Keypost speaks; socks5h (the proxy resolves the host name) is what socks5 does here too. */
const SPOKEN = new Set(['http:', 'https:', 'socks5:', 'socks5h:']);
export const isSocks = (proxy: URL): boolean => proxy.protocol === 'socks5:' || proxy.protocol === 'socks5h:';

function socks4Refused(where: string) {
  return fail('PROXY_ERROR', `The proxy for this request is the SOCKS4 proxy ${where}: Keypost speaks SOCKS5, not SOCKS4.`, {
    hint: 'Nothing was sent. Use a SOCKS5 or HTTP proxy (Manual under Proxy in Settings), or None to connect directly.',
  });
}

/** How the page names a proxy: host and port, never a user name or password. */
export const proxyLabel = (proxy: URL): string => `${proxy.protocol === 'http:' ? '' : `${proxy.protocol}//`}${proxy.host}`;
