// The cookie jars, one per collection, with RFC 6265's rules (tough-cookie): what a server sets on any response of a
// send (each redirect hop too) is kept in the jar of the request's collection, and the matching cookies go out on each
// request. Kept on disk sealed (cookieJarFile.ts, cookieKey.ts) or in memory only, as the setting says; without a data
// folder (keypost run) or a keychain, in memory only. A cookie not kept is said in words, never dropped silently
// (cookieRules.ts: what is kept, what is sent).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { type Cookie, CookieJar } from 'tough-cookie';
import { type CookieEdit, type CookieList, type CookieRef, type CookieRow, type CookieStorage } from '../../../shared/cookies';
import { fail, ok, type Result } from '../../../shared/errors';
import type { Secret } from '../credentials/secret';
import type { Vault } from '../credentials/vault';
import { cookiesFolder, encryptJar, jarPath, readJarFile, removeJarFile, writeJarFile } from './cookieJarFile';
import { cookieKey } from './cookieKey';
import { keep, withJarCookies } from './cookieRules';

/** What one send is given (send.ts's SendOptions.cookies), and the cookies of it that were not kept. */
export interface SendCookies {
  /** The request's headers for `url` with the jar's matching cookies in its Cookie header (a typed cookie of the same name wins). */
  withCookies(url: URL, headers: Array<[string, string]>): Promise<Array<[string, string]>>;
  /** Keeps what a response from `url` set (its Set-Cookie lines). Never throws: a send never fails over a cookie. */
  store(url: URL, setCookieLines: string[]): Promise<void>;
  /** "Cookie “x” from host was not kept: why", one per cookie refused during this send. */
  readonly notices: string[];
}

export interface CookieJarsOptions {
  /** The data folder, where cookies/<collection>.jar go; null never writes (keypost run's jar lives for the run). */
  dataDir: string | null;
  /** The keychain service of the jars' key ("Keypost cookies"). */
  vault?: Vault;
  /** The "Keep cookies" setting. */
  storage?: () => CookieStorage;
}

export interface CookieJars {
  forSend(collectionId: string): SendCookies;
  list(collectionId: string): Promise<CookieList>;
  reveal(collectionId: string, ref: CookieRef): Promise<Result<string>>;
  edit(collectionId: string, ref: CookieRef, edit: CookieEdit): Promise<Result<void>>;
  remove(collectionId: string, ref: CookieRef): Promise<Result<boolean>>;
  clear(collectionId: string): Promise<void>;
  /** The setting changed: to memory, every jar file goes; to disk, the jars are written. */
  storageChanged(): Promise<void>;
  /** Resolves once every jar write begun is on disk. */
  flushed(): Promise<void>;
}

interface Held {
  jar: CookieJar;
  /** Set when the jar's file could not be opened or moved aside: never overwritten, and the dialog says why. */
  notice: string | null;
  writable: boolean;
}

const newJar = () => new CookieJar(undefined, { rejectPublicSuffixes: true, prefixSecurity: 'strict' });

export function createCookieJars({ dataDir, vault, storage = () => 'disk' }: CookieJarsOptions): CookieJars {
  const held = new Map<string, Promise<Held>>();
  let key: Promise<Result<Secret>> | null = null;
  let writes: Promise<void> = Promise.resolve();
  const onDisk = () => dataDir !== null && vault !== undefined && storage() === 'disk';
  const keyOnce = () => (key ??= vault ? cookieKey(vault) : Promise.resolve(fail('KEYCHAIN_UNAVAILABLE', 'No keychain.')));

  async function load(collectionId: string): Promise<Held> {
    if (!onDisk()) return { jar: newJar(), notice: null, writable: true };
    const sealedWith = await keyOnce();
    // No key: nothing is read (the file stays for a later session that has one) and nothing is written.
    if (!sealedWith.ok) return { jar: newJar(), notice: null, writable: false };
    const read = await readJarFile(jarPath(dataDir!, collectionId), sealedWith.value, collectionId, parseJar);
    switch (read.kind) {
      case 'none':
        return { jar: newJar(), notice: null, writable: true };
      case 'read':
        return { jar: read.jar, notice: null, writable: true };
      case 'setAside':
        return {
          jar: newJar(),
          notice: `The saved cookies could not be opened (the file is damaged, or was written on another computer with another key). It was set aside as ${read.aside}; an empty jar is used.`,
          writable: true,
        };
      case 'unreadable':
        return { jar: newJar(), notice: `The saved cookies could not be opened: ${read.reason}. They are kept in memory until Keypost quits.`, writable: false };
    }
  }

  const jarOf = (collectionId: string): Promise<Held> => {
    let found = held.get(collectionId);
    if (!found) held.set(collectionId, (found = load(collectionId)));
    return found;
  };

  /** Runs a file change after the ones before it; flushed() waits for them all. A failed one leaves the cookies in
   *  memory for this session, and the next change tries again. */
  function queued(change: () => Promise<void>): Promise<void> {
    const done = writes.then(change);
    writes = done.catch(() => {});
    return writes;
  }

  /** Writes the jar sealed, or removes its file when cookies are kept in memory. */
  async function write(collectionId: string, jar: Held): Promise<void> {
    if (dataDir === null || !jar.writable) return;
    const file = jarPath(dataDir, collectionId);
    if (!onDisk()) return removeJarFile(file);
    const sealedWith = await keyOnce();
    if (sealedWith.ok) await writeJarFile(file, encryptJar(JSON.stringify(jar.jar.serializeSync()), sealedWith.value, collectionId));
  }
  const persist = (collectionId: string, jar: Held) => queued(() => write(collectionId, jar));

  async function storageWords(): Promise<string> {
    if (dataDir === null) return 'In memory for this run only.';
    if (storage() === 'memory') return 'In memory only, until Keypost quits (Settings → Keep cookies).';
    if (!vault) return 'In memory only, until Keypost quits.';
    const sealedWith = await keyOnce();
    return sealedWith.ok
      ? 'On disk, encrypted with a key kept in your OS keychain.'
      : 'In memory only, until Keypost quits: the OS keychain is unavailable or locked, so the cookies cannot be saved encrypted (they are never written in plain text).';
  }

  async function find(collectionId: string, ref: CookieRef): Promise<{ jar: Held; cookie: Cookie } | null> {
    const jar = await jarOf(collectionId);
    const cookie = await jar.jar.store.findCookie(ref.domain, ref.path, ref.name);
    return cookie && live(cookie) ? { jar, cookie } : null;
  }
  const gone = () => fail('NOT_FOUND', 'That cookie is no longer in the jar.', { hint: 'It may have expired or been replaced by the server.' });

  return {
    forSend(collectionId) {
      const notices: string[] = [];
      return {
        notices,
        async withCookies(url, headers) {
          const { jar } = await jarOf(collectionId);
          const cookies = await jar.getCookies(url);
          return withJarCookies(headers, cookies);
        },
        async store(url, lines) {
          if (lines.length === 0) return;
          try {
            const jar = await jarOf(collectionId);
            for (const line of lines) {
              const refused = await keep(jar.jar, line, url);
              if (refused) notices.push(refused);
            }
            // Not awaited: the response goes on while the jar is written (flushed() waits for it, as quitting does).
            void persist(collectionId, jar);
          } catch {
            notices.push(`The cookies ${url.host} set could not be kept.`);
          }
        },
      };
    },

    async list(collectionId) {
      const jar = await jarOf(collectionId);
      const cookies = (await jar.jar.store.getAllCookies()).filter(live).map(rowOf);
      cookies.sort((a, b) => a.domain.localeCompare(b.domain) || a.path.localeCompare(b.path) || a.name.localeCompare(b.name));
      return { cookies, storage: await storageWords(), notice: jar.notice };
    },

    async reveal(collectionId, ref) {
      const found = await find(collectionId, ref);
      return found ? ok(found.cookie.value) : gone();
    },

    async edit(collectionId, ref, { value, expires }) {
      const found = await find(collectionId, ref);
      if (!found) return gone();
      const changed = found.cookie.clone();
      if (!changed) return gone();
      changed.value = value;
      changed.expires = expires === null ? 'Infinity' : new Date(expires);
      changed.maxAge = null;
      await found.jar.jar.store.updateCookie(found.cookie, changed);
      await persist(collectionId, found.jar);
      return ok(undefined);
    },

    async remove(collectionId, ref) {
      const found = await find(collectionId, ref);
      if (!found) return ok(false);
      await found.jar.jar.store.removeCookie(ref.domain, ref.path, ref.name);
      await persist(collectionId, found.jar);
      return ok(true);
    },

    async clear(collectionId) {
      const jar = await jarOf(collectionId);
      await jar.jar.removeAllCookies();
      await persist(collectionId, jar);
    },

    storageChanged() {
      if (dataDir === null) return Promise.resolve();
      const folder = cookiesFolder(dataDir);
      // Queued as one change, so flushed() right after the setting changed waits for all of it.
      return queued(async () => {
        for (const [collectionId, jar] of held) await write(collectionId, await jar);
        if (storage() !== 'memory') return;
        // Jars of collections not used this session have files too.
        const files = await readdir(folder).catch(() => [] as string[]);
        await Promise.all(files.filter((file) => file.endsWith('.jar')).map((file) => removeJarFile(path.join(folder, file))));
      });
    },

    flushed: () => writes,
  };
}

/** A decrypted jar's text as a jar, or null when it is not one. */
function parseJar(text: string): CookieJar | null {
  try {
    return CookieJar.deserializeSync(text);
  } catch {
    return null;
  }
}

/** Not expired (an expired cookie is still in the store until the next request to its domain). */
const live = (cookie: Cookie) => cookie.TTL() > 0;

const rowOf = (cookie: Cookie): CookieRow => ({
  domain: cookie.domain ?? '',
  path: cookie.path ?? '/',
  name: cookie.key,
  expires: cookie.expires instanceof Date ? cookie.expires.getTime() : null,
  secure: cookie.secure,
  httpOnly: cookie.httpOnly,
  hostOnly: cookie.hostOnly ?? false,
});
