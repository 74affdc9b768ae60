// A jar's two doors on the wire: a Set-Cookie line kept, or refused with the reason in words (RFC 6265's rules as
// tough-cookie applies them, and the 4096-byte size); and the Cookie header with the jar's cookies beside a typed one.
import { Cookie, type CookieJar } from 'tough-cookie';
import { COOKIE_MAX_BYTES } from '../../../shared/cookies';

/** Keeps one Set-Cookie line; the sentence saying why not when the jar refuses it. */
export async function keep(jar: CookieJar, line: string, url: URL): Promise<string | null> {
  const parsed = Cookie.parse(line);
  const name = parsed?.key || line.split('=')[0]!.split(';')[0]!.trim().slice(0, 60) || '(no name)';
  const notKept = (why: string) => `Cookie “${name}” from ${url.host} was not kept: ${why}.`;
  if (Buffer.byteLength(line) > COOKIE_MAX_BYTES) return notKept(`it is larger than ${COOKIE_MAX_BYTES} bytes (${Buffer.byteLength(line)})`);
  if (!parsed) return notKept('its Set-Cookie header is not a valid cookie');
  try {
    const kept = await jar.setCookie(line, url, { ignoreError: false });
    return kept ? null : notKept('the jar refused it');
  } catch (error) {
    return notKept(refusal(error instanceof Error ? error.message : '', parsed, url));
  }
}

/** tough-cookie's refusal in words (its own text is not shown). */
function refusal(message: string, cookie: Cookie, url: URL): string {
  if (/public suffix/i.test(message)) return `its Domain ${cookie.domain} is a public suffix, for which no site may set cookies`;
  if (/domain/i.test(message)) return `its Domain ${cookie.domain} is not ${url.hostname} or a domain ${url.hostname} belongs to`;
  if (/prefix/i.test(message)) return 'its name’s __Secure- or __Host- prefix asks for rules it does not meet';
  if (/secure/i.test(message)) return 'it is marked Secure but came over plain http';
  return 'it breaks one of the rules for cookies (RFC 6265)';
}

/** The headers with the jar's cookies in the Cookie header: added to a typed one (whose names win), or a new one. */
export function withJarCookies(headers: Array<[string, string]>, cookies: Cookie[]): Array<[string, string]> {
  if (cookies.length === 0) return headers;
  const typedAt = headers.findIndex(([name]) => name.toLowerCase() === 'cookie');
  const typed = typedAt === -1 ? '' : headers[typedAt]![1];
  const typedNames = new Set(typed.split(';').map((pair) => pair.split('=')[0]!.trim()));
  const added = cookies.filter((cookie) => !typedNames.has(cookie.key)).map((cookie) => cookie.cookieString());
  if (added.length === 0) return headers;
  const value = [typed.trim().replace(/;$/, ''), ...added].filter((part) => part !== '').join('; ');
  if (typedAt === -1) return [...headers, ['cookie', value]];
  return headers.map((header, index) => (index === typedAt ? [header[0], value] : header));
}
