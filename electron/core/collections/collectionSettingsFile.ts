// Reads and writes a collection's keypost.collection.yaml and the CA file it names, which must stay inside the
// collection folder (no absolute path, no `..`, no symlink out): a teammate's clone and CI then find the same file.
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { writeFileSync as writeAtomically } from 'atomically';
import { COLLECTION_SETTINGS_FILE, COLLECTION_SETTINGS_VERSION, collectionSettingsSchema, type CollectionSettings } from '../../../shared/collectionSettings';
import type { UnreadFile } from '../../../shared/collections';
import { fail, ok, type Result } from '../../../shared/errors';
import { collectionTrust, readCaFile, type TrustOptions } from '../send/trust';
import { fileStamp } from '../fileStamp';
import { keypostYamlText, readKeypostYaml } from './keypostYaml';

/** A collection's CA file, read: where it is, and its certificates. */
export interface CollectionCa {
  /** As written in the collection file ('certs/company-root.pem'). */
  relative: string;
  absolute: string;
  certificates: readonly string[];
}

const settingsPath = (root: string) => path.join(root, COLLECTION_SETTINGS_FILE);

/** Whether `inner` is `outer` or inside it (both already real paths). */
const isWithin = (outer: string, inner: string) => {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/** The collection file's settings; null when there is none; a failure names the file and says why. */
export function readCollectionSettings(root: string): Result<CollectionSettings | null> {
  let text: string;
  try {
    text = readFileSync(settingsPath(root), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
    return fail('FILE_ERROR', `${COLLECTION_SETTINGS_FILE} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const read = readKeypostYaml(text, collectionSettingsSchema, COLLECTION_SETTINGS_VERSION, 'collection file');
  return read.ok ? ok(read.value) : fail('FILE_ERROR', `${COLLECTION_SETTINGS_FILE} cannot be used: ${read.reason}`);
}

/** Where a CA path written in the collection file is on disk, or why it may not be used. */
export function caPathInside(root: string, relative: string): Result<string> {
  const outside = fail('FILE_ERROR', `The CA file “${relative}” in ${COLLECTION_SETTINGS_FILE} is outside the collection folder.`, {
    hint: 'Copy it into the collection folder so your team gets it too, and name it by its path inside the folder (certs/company-root.pem).',
  });
  if (path.isAbsolute(relative) || path.win32.isAbsolute(relative)) return outside;
  const absolute = path.resolve(root, ...relative.split(/[\\/]/));
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    // Missing: readCaFile says so in its words, once the path is known to point inside.
    return isWithin(path.resolve(root), absolute) ? ok(absolute) : outside;
  }
  return isWithin(realpathSync(root), real) ? ok(absolute) : outside;
}

/** Read once per content: the stamps (size, time) of both files decide whether to read again. */
const cache = new Map<string, { stamp: string; read: Result<CollectionCa | null> }>();

/** The collection's CA file and its certificates; null when the collection names none; a failure in words naming the
 *  collection file when it is damaged, or its CA file is missing, outside the folder or not PEM. */
export function collectionCa(root: string): Result<CollectionCa | null> {
  const settingsStamp = fileStamp(settingsPath(root));
  const known = cache.get(root);
  if (known && known.stamp === `${settingsStamp} ${known.read.ok && known.read.value ? fileStamp(known.read.value.absolute) : ''}`) return known.read;
  const read = readCa(root);
  cache.set(root, { stamp: `${settingsStamp} ${read.ok && read.value ? fileStamp(read.value.absolute) : ''}`, read });
  return read;
}

function readCa(root: string): Result<CollectionCa | null> {
  const settings = readCollectionSettings(root);
  if (!settings.ok) return settings;
  const relative = settings.value?.network?.caFile;
  if (relative === undefined) return ok(null);
  const absolute = caPathInside(root, relative);
  if (!absolute.ok) return absolute;
  const certificates = readCaFile(absolute.value);
  if (!certificates.ok) return fail('FILE_ERROR', `${COLLECTION_SETTINGS_FILE} names a CA file that cannot serve: ${certificates.error.message.replace(absolute.value, relative)}`, certificates.error.hint ? { hint: certificates.error.hint } : undefined);
  return ok({ relative, absolute: absolute.value, certificates: certificates.value });
}

/** Writes the collection's CA file (a path inside the folder, absolute or relative; null removes it), keeping the
 *  file's other settings. Answers the path as written. */
export function writeCollectionCaFile(root: string, file: string | null): Result<string | null> {
  const current = readCollectionSettings(root);
  if (!current.ok) return fail('FILE_ERROR', current.error.message, { hint: `Correct or delete ${path.join(root, COLLECTION_SETTINGS_FILE)} first.` });
  let relative: string | null = null;
  if (file !== null) {
    const given = path.isAbsolute(file) ? path.relative(root, file).split(path.sep).join('/') : file;
    const inside = caPathInside(root, given);
    if (!inside.ok) return fail('FILE_ERROR', `${file} is outside the collection folder ${root}.`, { hint: 'Copy it into the collection folder so your team gets it too.' });
    const readable = readCaFile(inside.value);
    if (!readable.ok) return readable;
    relative = given;
  }
  const network = { ...current.value?.network, caFile: relative ?? undefined };
  const next = { ...current.value, keypost: COLLECTION_SETTINGS_VERSION, network: network.caFile === undefined ? undefined : network };
  try {
    writeAtomically(settingsPath(root), keypostYamlText(collectionSettingsSchema, next));
  } catch (error) {
    return fail('STORE_WRITE_FAILED', `${COLLECTION_SETTINGS_FILE} could not be written in ${root} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { hint: 'Check that the collection folder is writable.' });
  }
  cache.delete(root);
  return ok(relative);
}

/** The certificates a request of the collection at `root` (called `name`) trusts; a collection file that cannot serve
 *  stops its sends, in words naming it, rather than being ignored. */
export function trustForCollection(root: string, name: string): Result<TrustOptions> {
  const ca = collectionCa(root);
  if (!ca.ok) {
    return fail('FILE_ERROR', `Not sent: the collection “${name}” has a ${COLLECTION_SETTINGS_FILE} that cannot serve. ${ca.error.message}`, {
      hint: ca.error.hint ?? `Correct ${path.join(root, COLLECTION_SETTINGS_FILE)} (or choose its CA file again in the collection's settings).`,
    });
  }
  return ok(collectionTrust(ca.value && { file: ca.value.absolute, shown: ca.value.relative, collectionFile: path.join(root, COLLECTION_SETTINGS_FILE), certificates: ca.value.certificates }));
}

/** The collection file among the collection's problems (the sidebar's ⚠) when it, or the CA file it names, cannot serve. */
export function collectionFileProblems(root: string): UnreadFile[] {
  const ca = collectionCa(root);
  return ca.ok ? [] : [{ file: COLLECTION_SETTINGS_FILE, reason: `${ca.error.message}${ca.error.hint ? ` ${ca.error.hint}` : ''}` }];
}
