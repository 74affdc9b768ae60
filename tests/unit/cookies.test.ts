// The cookie jar, on the real send path (createCore, a real server on 127.0.0.1, the real keychain, files in a temp
// folder): a login's cookie goes back on the next request and stops after logout, redirect hops keep theirs, RFC 6265's
// domain and path rules hold, a refused cookie is said in words, a request can turn the jar off. And cookies are
// credentials: no file under the data folder holds a cookie's value, the jar file opens only with the keychain's key,
// a damaged or foreign jar is set aside in words, and "only until Keypost quits" writes nothing.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SendCall } from '../../shared/api';
import type { CookieList } from '../../shared/cookies';
import type { CredentialCheck } from '../../shared/credentialCheck';
import type { Result } from '../../shared/errors';
import type { SendResult } from '../../shared/http';
import type { RendererSettings } from '../../shared/settings';
import type { RequestDocument } from '../../shared/request';
import { Secret } from '../../electron/core/credentials/secret';
import { createVault } from '../../electron/core/credentials/vault';
import { decryptJar, encryptJar, jarPath } from '../../electron/core/cookies/cookieJarFile';
import { COOKIE_KEY_ACCOUNT, cookiesService } from '../../electron/core/cookies/cookieKey';
import { requestFileText, readRequestFile } from '../../electron/core/collections/requestFile';
import { keep } from '../../electron/core/cookies/cookieRules';
import { CookieJar } from 'tough-cookie';
import { cookieRoute, startCookieServer, type CookieServer } from '../fixtures/cookieServer';
import { filesContaining } from '../fixtures/filesContaining';
import { forgetKeychain } from '../fixtures/keychain';
import { tempDataDir, testCore } from '../fixtures/presetStore';

const service = `Keypost-unit-cookies-${process.pid}`;
let server: CookieServer;
beforeAll(async () => {
  server = await startCookieServer();
});
afterAll(async () => {
  await server.close();
  await forgetKeychain(service);
});
const cores: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  server.cookies.length = 0;
});
function core(dir = tempDataDir()) {
  const made = testCore({ dir, keychainService: service });
  cores.push(made);
  return made;
}

const get = (route: string, change: Partial<RequestDocument> = {}) => cookieRoute(server, route, change);
let sends = 0;
async function send(made: ReturnType<typeof core>, request: RequestDocument, more: Partial<SendCall> = {}): Promise<SendResult> {
  const answer = await made.call<SendResult>('send', { requestId: `cookie-${++sends}`, request, timeoutMs: 5_000, ...more });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}
/** The Cookie header the server last received on `route`. */
const lastCookie = (route: string) => server.cookies.filter((seen) => seen.path === route).at(-1)?.cookie ?? null;
const listed = async (made: ReturnType<typeof core>, collection = 'default') => ((await made.call<CookieList>('listCookies', collection)) as Result<CookieList> & { ok: true }).value;

describe('a login cookie', () => {
  it('is sent back on the next request, and no longer after the server clears it', async () => {
    const app = core();
    expect((await send(app, get('/me'))).status).toBe(401);
    await send(app, get('/login'));
    expect((await send(app, get('/me'))).status).toBe(200);
    expect(lastCookie('/me')).toBe(`session=${server.session}`);
    await send(app, get('/logout'));
    expect((await send(app, get('/me'))).status).toBe(401);
    expect(lastCookie('/me')).toBeNull();
  });

  it('set on a redirect hop goes to the next hop', async () => {
    const app = core();
    const answer = await send(app, get('/hop'));
    expect(answer.redirects).toHaveLength(1);
    expect(lastCookie('/me')).toBe(`hop=${server.session}-hop`);
  });

  it('is neither kept nor sent by a request that turned cookies off', async () => {
    const app = core();
    await send(app, get('/login', { options: { cookies: false } }));
    expect((await listed(app)).cookies).toEqual([]);
    await send(app, get('/login'));
    expect((await send(app, get('/me', { options: { cookies: false } }))).status).toBe(401);
    expect(lastCookie('/me')).toBeNull();
  });

  it('follows the path it was set for: not sent outside /api', async () => {
    const app = core();
    await send(app, get('/api/login'));
    await send(app, get('/me'));
    expect(lastCookie('/me')).toBeNull();
    await send(app, get('/api/items'));
    expect(lastCookie('/api/items')).toBe('scoped=1');
  });

  it('stays in its collection’s jar: another collection sends none', async () => {
    const app = core();
    await send(app, get('/login'), { collectionId: 'c-0123456789abcdef01234567' });
    expect((await send(app, get('/me'))).status).toBe(401);
    expect((await send(app, get('/me'), { collectionId: 'c-0123456789abcdef01234567' })).status).toBe(200);
  });

  it('joins a typed Cookie header, whose own cookies win', async () => {
    const app = core();
    await send(app, get('/login'));
    await send(app, get('/echo', { headers: [{ name: 'Cookie', value: 'theme=dark', enabled: true }] }));
    expect(lastCookie('/echo')).toBe(`theme=dark; session=${server.session}`);
    await send(app, get('/echo', { headers: [{ name: 'Cookie', value: 'session=typed', enabled: true }] }));
    expect(lastCookie('/echo')).toBe('session=typed');
  });
});

describe('the Check action', () => {
  it('sends the jar of the collection it is given, as a send does', async () => {
    const app = core();
    expect((await app.call('setToken', 'default', 'kp-unit-cookie-check')).ok).toBe(true);
    await send(app, get('/login'), { collectionId: 'c-0123456789abcdef01234567' });
    const check = (collectionId?: string) =>
      app.call<CredentialCheck>('checkCredential', { request: get('/me', { auth: { kind: 'bearer', credential: 'default' } }), timeoutMs: 5_000, ...(collectionId ? { collectionId } : {}) });
    expect(await check()).toMatchObject({ ok: true, value: { status: 401 } });
    expect(lastCookie('/me')).toBeNull();
    expect(await check('c-0123456789abcdef01234567')).toMatchObject({ ok: true, value: { status: 200 } });
    expect(lastCookie('/me')).toBe(`session=${server.session}`);
  });
});

describe('a cookie the jar refuses', () => {
  it('is named in the response with the reason, and the others are kept', async () => {
    const app = core();
    const answer = await send(app, get('/bad'));
    const host = new URL(server.url).host;
    expect(answer.cookieNotices).toEqual([
      `Cookie “foreign” from ${host} was not kept: its Domain other.example is not 127.0.0.1 or a domain 127.0.0.1 belongs to.`,
      `Cookie “suffix” from ${host} was not kept: its Domain com is a public suffix, for which no site may set cookies.`,
      expect.stringMatching(new RegExp(`^Cookie “huge” from ${host} was not kept: it is larger than 4096 bytes`)),
    ]);
    expect((await listed(app)).cookies.map((cookie) => cookie.name)).toEqual(['fine']);
  });
});

describe('the words for a refused cookie', () => {
  it('name the rule it breaks, never the library’s text', async () => {
    const jar = new CookieJar(undefined, { rejectPublicSuffixes: true, prefixSecurity: 'strict' });
    const over = new URL('http://api.example.org/');
    expect(await keep(jar, 'a=1; Secure', over)).toBe('Cookie “a” from api.example.org was not kept: it is marked Secure but came over plain http.');
    expect(await keep(jar, '__Host-b=1', over)).toBe('Cookie “__Host-b” from api.example.org was not kept: its name’s __Secure- or __Host- prefix asks for rules it does not meet.');
    expect(await keep(jar, 'no equals sign', over)).toBe('Cookie “no equals sign” from api.example.org was not kept: its Set-Cookie header is not a valid cookie.');
    expect(await keep(jar, 'c=1; Domain=example.org', over)).toBeNull();
  });
});

describe('the cookie list', () => {
  it('lists without values, reveals one on request, edits, deletes and clears', async () => {
    const app = core();
    await send(app, get('/login'));
    await send(app, get('/api/login'));
    const list = await listed(app);
    expect(list.storage).toBe('On disk, encrypted with a key kept in your OS keychain.');
    expect(list.cookies).toEqual([
      { domain: '127.0.0.1', path: '/', name: 'session', expires: null, secure: false, httpOnly: true, hostOnly: true },
      { domain: '127.0.0.1', path: '/api', name: 'scoped', expires: null, secure: false, httpOnly: false, hostOnly: true },
    ]);
    expect(JSON.stringify(list)).not.toContain(server.session);
    const session = { domain: '127.0.0.1', path: '/', name: 'session' };
    expect(await app.call('revealCookie', 'default', session)).toEqual({ ok: true, value: server.session });
    const expires = Date.now() + 3_600_000;
    expect((await app.call('editCookie', 'default', session, { value: 'edited', expires })).ok).toBe(true);
    await send(app, get('/me'));
    expect(lastCookie('/me')).toBe('session=edited');
    expect((await listed(app)).cookies[0]!.expires).toBe(expires);
    for (const value of ['a;b=c', 'line\nbreak', 'snow☃']) expect((await app.call('editCookie', 'default', session, { value, expires: null })).ok).toBe(false);
    expect(await app.call('deleteCookie', 'default', session)).toEqual({ ok: true, value: true });
    await send(app, get('/me'));
    expect(lastCookie('/me')).toBeNull();
    expect((await app.call('clearCookies', 'default')).ok).toBe(true);
    await send(app, get('/api/items'));
    expect(lastCookie('/api/items')).toBeNull();
    expect((await listed(app)).cookies).toEqual([]);
  });
});

describe('the cookie calls', () => {
  it('refuse a collection id that could name another file, before anything runs', async () => {
    const app = core();
    for (const answer of [
      await app.call('listCookies', '../keypost-settings'),
      await app.call('clearCookies', 'default/../../x'),
      await app.call('send', { requestId: 'bad-jar', request: get('/login'), timeoutMs: 5_000, collectionId: '../x' }),
    ]) {
      expect(answer.ok ? 'ok' : answer.error.code).toBe('INVALID_ARGUMENT');
    }
    expect(server.cookies).toEqual([]);
  });
});

describe('cookies at rest', () => {
  it('are in no file under the data folder, while the jar file opens with the keychain’s key and a restart sends them', async () => {
    const dir = tempDataDir();
    const app = core(dir);
    await send(app, get('/login'));
    await send(app, get('/me'));
    await app.flushed();
    expect(await filesContaining(dir, server.session)).toEqual([]);
    const file = jarPath(dir, 'default');
    expect(existsSync(file)).toBe(true);
    const key = await createVault(cookiesService(service)).get(COOKIE_KEY_ACCOUNT);
    expect(key.ok && key.value).toBeTruthy();
    expect(decryptJar(readFileSync(file), (key as { ok: true; value: Secret }).value, 'default')).toContain(server.session);
    await app.close();
    const again = core(dir);
    expect((await send(again, get('/me'))).status).toBe(200);
  });

  it('kept only until Keypost quits: no jar file, and the one there is removed', async () => {
    const dir = tempDataDir();
    const app = core(dir);
    await send(app, get('/login'));
    await app.flushed();
    expect(existsSync(jarPath(dir, 'default'))).toBe(true);
    expect((await app.call<RendererSettings>('updateSettings', { cookieStorage: 'memory' })).ok).toBe(true);
    await send(app, get('/api/login'));
    await app.flushed();
    expect(readdirSync(path.join(dir, 'cookies'))).toEqual([]);
    expect((await send(app, get('/me'))).status).toBe(200);
    expect((await listed(app)).storage).toBe('In memory only, until Keypost quits (Settings → Keep cookies).');
    expect(await filesContaining(dir, server.session)).toEqual([]);
  });

  for (const [what, bytes] of [
    ['damaged', () => Buffer.from('not a jar at all')],
    ['sealed with another computer’s key', () => encryptJar('{"cookies":[]}', new Secret(randomBytes(32).toString('base64')), 'default')],
  ] as const) {
    it(`in a jar file ${what}: said in words, the file set aside (not deleted), an empty jar used`, async () => {
      const dir = tempDataDir();
      mkdirSync(path.join(dir, 'cookies'));
      const original = bytes();
      writeFileSync(jarPath(dir, 'default'), original);
      const app = core(dir);
      const list = await listed(app);
      expect(list.cookies).toEqual([]);
      expect(list.notice).toMatch(/^The saved cookies could not be opened \(the file is damaged, or was written on another computer with another key\)\. It was set aside as .*default\.jar\.unreadable-\d+; an empty jar is used\.$/);
      const aside = readdirSync(path.join(dir, 'cookies')).find((name) => name.startsWith('default.jar.unreadable-'))!;
      expect(readFileSync(path.join(dir, 'cookies', aside))).toEqual(original);
      await send(app, get('/login'));
      expect((await send(app, get('/me'))).status).toBe(200);
    });
  }
});

describe('the request file', () => {
  it('writes the cookie switch only when it is off, so files from before keep their bytes', () => {
    const on = requestFileText({ id: null, name: 'Me', request: get('/me', { options: { cookies: true } }) });
    expect(on).toBe(requestFileText({ id: null, name: 'Me', request: get('/me') }));
    const off = requestFileText({ id: null, name: 'Me', request: get('/me', { options: { cookies: false } }) });
    expect(off).toContain('cookies: false');
    expect(readRequestFile(off)).toMatchObject({ ok: true, value: { request: { options: { cookies: false } } } });
  });
});
