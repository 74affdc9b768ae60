// The proxy setting: which proxy carries a send (System, Environment, Manual or None), and what a manual one may hold.
import { z } from 'zod';

export const PROXY_MODES = ['system', 'environment', 'manual', 'none'] as const;
export type ProxyMode = (typeof PROXY_MODES)[number];

/** Why a manual proxy address is refused, or null when it is usable. A password never lives in the settings file. */
export function proxyUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return `"${text}" is not a proxy address; write it as http://host:port.`;
  }
  if (url.protocol === 'socks4:' || url.protocol === 'socks4a:' || url.protocol === 'socks:') return 'SOCKS4 proxies are not supported: for a SOCKS5 proxy write socks5://host:port.';
  if (!['http:', 'https:', 'socks5:', 'socks5h:'].includes(url.protocol)) return `A proxy address starts with http://, https://, socks5:// or socks5h://, not ${url.protocol}//.`;
  if (url.password) return 'A proxy password does not belong in the address (it would be saved in the settings file): leave http://user@host:port here and type the password in its own field, which keeps it in the keychain.';
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return 'A proxy address is only a scheme, host and port (no path or query).';
  return null;
}

export const proxySettingSchema = z
  .object({
    mode: z.enum(PROXY_MODES, { error: 'The proxy is "system", "environment", "manual" or "none".' }),
    /** Manual only: http(s)://host:port or socks5(h)://host:port, a user name allowed, never a password (the keychain holds it: network/proxyPasswords.ts). */
    url: z.string().max(2048),
    /** Manual only: hosts that go direct, in NO_PROXY syntax (comma-separated, *.example.com or .example.com, host:port, *). */
    bypass: z.string().max(4096),
  })
  .strict()
  .superRefine((setting, context) => {
    if (setting.mode !== 'manual' && setting.url === '') return;
    const problem = proxyUrlProblem(setting.url);
    if (problem) context.addIssue({ code: 'custom', path: ['url'], message: problem });
  });
export type ProxySetting = z.infer<typeof proxySettingSchema>;

export const defaultProxySetting = (): ProxySetting => ({ mode: 'system', url: '', bypass: '' });
