// Names from a foreign file made into names Keypost accepts: folders on disk, request names, credential names.
import { FOLDER_NAME_MAX } from '../../../shared/collections';
import { PRESET_NAME_MAX } from '../../../shared/presets';

const cut = (text: string, max: number) => (max <= 0 ? '' : text.length > max ? text.slice(0, max).trimEnd() : text);

/** A folder name any OS accepts (shared/collections.ts folderNameSchema): `fallback` when nothing is left. */
export function folderNameFrom(text: string, fallback: string): string {
  const cleaned = cut(
    text
      .replace(/[\p{Cc}/\\:*?"<>|]+/gu, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, ''),
    FOLDER_NAME_MAX,
  ).replace(/[. ]+$/, '');
  return cleaned === '' || cleaned.toLowerCase() === 'node_modules' ? fallback : cleaned;
}

/** A request's name (presetNameSchema): one line, at most PRESET_NAME_MAX characters. */
export const requestNameFrom = (text: string, fallback: string): string => cut(text.replace(/[\p{Cc}\s]+/gu, ' ').trim(), PRESET_NAME_MAX) || fallback;

const CREDENTIAL_MAX = 64;
/** A credential name (credentialNameSchema: letters, digits, space, _ . @ -): the API's title, then the scheme's own name. */
export function credentialNameFrom(title: string, scheme: string): string {
  const clean = (text: string) => text.replace(/[^\w .@-]+/g, ' ').replace(/\s+/g, ' ').trim();
  const own = cut(clean(scheme) || 'auth', CREDENTIAL_MAX);
  const prefix = cut(clean(title), CREDENTIAL_MAX - own.length - 1);
  return prefix ? `${prefix} ${own}` : own;
}
