// Which proxy carries a request to a URL, under the proxy setting: the OS's answer (main's session.resolveProxy, a host
// service), the environment's variables as curl reads them, the manual proxy and its bypass list, or none.
import { fail, ok, type Result } from '../../../shared/errors';
import type { ProxySetting } from '../../../shared/proxy';
import type { Secret } from '../credentials/secret';
import { bypassesProxy } from './noProxy';
import type { ClientTls } from './clientCertificateFiles';

/** proxy null: the request goes direct. authorization: Basic, for a manual proxy whose password is in the keychain. */
export interface ProxyRoute {
  proxy: URL | null;
  authorization?: Secret;
  /** The client certificate the request presents (network/clientCertificates.ts). */
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
  if (proxy.protocol.startsWith('socks')) return socksRefused(proxy.host);
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    return fail('PROXY_ERROR', `The proxy in the environment variable ${variable} uses ${proxy.protocol}//, which Keypost does not speak.`, { hint: 'Use an http:// or https:// proxy.' });
  }
  return ok({ proxy });
}

/** The first choice of a PAC answer (Chromium already tried the script); a SOCKS proxy is refused rather than skipped. */
export function fromPacAnswer(answer: string): Result<ProxyRoute> {
  const first = answer.split(';')[0]!.trim();
  const [kind = '', where = ''] = first.split(/\s+/);
  switch (kind.toUpperCase()) {
    case '':
    case 'DIRECT':
      return DIRECT;
    case 'PROXY':
    case 'HTTPS':
      if (URL.canParse(`http://${where}`) && where !== '') return ok({ proxy: new URL(`${kind.toUpperCase() === 'HTTPS' ? 'https' : 'http'}://${where}`) });
      break;
    case 'SOCKS':
    case 'SOCKS4':
    case 'SOCKS5':
      return socksRefused(where);
  }
  return fail('PROXY_ERROR', `The system's proxy configuration answered "${first}", which Keypost does not understand.`, {
    hint: 'Choose Environment, Manual or None under Proxy in Settings.',
  });
}

function socksRefused(where: string) {
  return fail('PROXY_ERROR', `The proxy for this request is the SOCKS proxy ${where}: SOCKS proxies are not supported yet.`, {
    hint: 'Nothing was sent. Use an HTTP proxy (Manual under Proxy in Settings), or None to connect directly.',
  });
}

/** How the page names a proxy: host and port, never a user name or password. */
export const proxyLabel = (proxy: URL): string => `${proxy.protocol === 'https:' ? 'https://' : ''}${proxy.host}`;
