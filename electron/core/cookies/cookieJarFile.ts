// One collection's cookie jar on disk: cookies/<collection>.jar in the data folder, AES-256-GCM with the key kept in the
// OS keychain (cookieKey.ts), so the file alone reveals nothing. A file that does not open with this key (damaged, or
// written on another computer) is moved aside under a new name, never deleted, and said in words.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeFile as writeAtomically } from 'atomically';
import type { Secret } from '../credentials/secret';

/** "KPCJ" and a format version: a file that does not start with it is not a jar of ours. */
const MAGIC = Buffer.from('KPCJ\u0001', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const cookiesFolder = (dataDir: string) => path.join(dataDir, 'cookies');

/** The jar's file; a collection id is 'default' or 'c-<hex>' (collectionStore.ts), anything else is not a file name. */
export function jarPath(dataDir: string, collectionId: string): string {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(collectionId)) throw new Error(`Not a collection id: ${collectionId}`);
  return path.join(cookiesFolder(dataDir), `${collectionId}.jar`);
}

export function encryptJar(plain: string, key: Secret, collectionId: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key.reveal(), 'base64'), iv);
  // Bound to its collection: a jar file copied under another collection's name does not open.
  cipher.setAAD(Buffer.from(collectionId));
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), sealed]);
}

/** The jar's text, or null when the bytes are not a jar this key sealed for this collection. */
export function decryptJar(bytes: Buffer, key: Secret, collectionId: string): string | null {
  if (bytes.length < MAGIC.length + IV_BYTES + TAG_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const iv = bytes.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = bytes.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key.reveal(), 'base64'), iv);
    decipher.setAAD(Buffer.from(collectionId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(bytes.subarray(MAGIC.length + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export type JarRead<T> = { kind: 'none' } | { kind: 'read'; jar: T } | { kind: 'setAside'; aside: string } | { kind: 'unreadable'; reason: string };

/** Reads and opens the jar's file (`load` turns its text into a jar, or null); one that does not open or load is
 *  renamed beside itself (…jar.unreadable-<time>). */
export async function readJarFile<T>(file: string, key: Secret, collectionId: string, load: (text: string) => T | null): Promise<JarRead<T>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'unreadable', reason: `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})` };
  }
  const text = decryptJar(bytes, key, collectionId);
  const jar = text === null ? null : load(text);
  if (jar !== null) return { kind: 'read', jar };
  const aside = `${file}.unreadable-${Date.now()}`;
  try {
    await rename(file, aside);
  } catch {
    return { kind: 'unreadable', reason: `${file} does not open with this computer’s key and could not be moved aside` };
  }
  return { kind: 'setAside', aside };
}

export async function writeJarFile(file: string, sealed: Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeAtomically(file, sealed, { mode: 0o600 });
}

export async function removeJarFile(file: string): Promise<void> {
  await unlink(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
