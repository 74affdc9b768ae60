// Names from a foreign file (an OpenAPI document, a Postman collection) made into names Keypost accepts: a folder on
// disk, a request, a credential, a variable. A name that is already valid is kept as written; otherwise only the
// characters Keypost refuses change.
import { FOLDER_NAME_MAX, folderNameSchema } from '../../../shared/collections';
import { credentialNameSchema } from '../../../shared/credentials';
import { variableNameSchema } from '../../../shared/variableName';
import { nameKey, PRESET_NAME_MAX, presetNameSchema, uniqueName } from '../../../shared/presets';

export const CREDENTIAL_NAME_MAX = 64;
export const VARIABLE_NAME_MAX = 64;

const withoutControls = (value: string) => value.replace(/[\p{Cc}\s]+/gu, ' ').trim();
const cut = (text: string, max: number) => (max <= 0 ? '' : text.length > max ? text.slice(0, max).trimEnd() : text);
/** Accents dropped (é → e), for names limited to ASCII word characters. */
const unaccented = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/** A folder name any OS accepts (folderNameSchema: no / \ : * ? " < > |, no leading dot, no trailing dot or space,
 *  not node_modules): `fallback` when nothing is left. */
export function folderNameFrom(text: string, fallback = 'Folder'): string {
  const folder = cut(withoutControls(text).replace(/[/\\:*?"<>|]+/g, '-').replace(/^[.\s]+/, ''), FOLDER_NAME_MAX).replace(/[.\s]+$/, '');
  return folder.toLowerCase() !== 'node_modules' && folderNameSchema.safeParse(folder).success ? folder : fallback;
}

/** A request's name (presetNameSchema): one line, at most PRESET_NAME_MAX characters; `fallback` (its method and URL,
 *  say) when it has none. */
export function requestNameFrom(text: string, fallback: string): string {
  const named = cut(withoutControls(text), PRESET_NAME_MAX);
  if (presetNameSchema.safeParse(named).success) return named;
  return cut(withoutControls(fallback), PRESET_NAME_MAX) || 'Request';
}

const credentialWords = (text: string) =>
  unaccented(text)
    .replace(/[^\w .@-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A credential name (credentialNameSchema: letters, digits, space, _ . @ -) made of `words`; with `own`, the words
 *  cut so that `own` (a security scheme's name) always fits after them. */
export function credentialNameFrom(words: string, own?: string): string {
  const suffix = own === undefined ? '' : cut(credentialWords(own) || 'auth', CREDENTIAL_NAME_MAX);
  const prefix = cut(credentialWords(words), CREDENTIAL_NAME_MAX - (suffix ? suffix.length + 1 : 0));
  const name = [prefix, suffix].filter(Boolean).join(' ');
  return credentialNameSchema.safeParse(name).success ? name : suffix || 'imported';
}

/** A variable name: a letter or _ first, then letters, digits, _ . - (anything else becomes _). */
export function variableNameFrom(words: string): string {
  let name = unaccented(words).replace(/[^\w.-]+/g, '_').slice(0, VARIABLE_NAME_MAX);
  if (!/^[A-Za-z_]/.test(name)) name = `_${name}`.slice(0, VARIABLE_NAME_MAX);
  return variableNameSchema.safeParse(name).success ? name : 'value';
}

/** `base`, or `base 2`, `base 3`… within `max` characters: the first not in `taken` (keys from nameKey), then taken. */
export function claimName(base: string, taken: Set<string>, max: number, separator = ' '): string {
  let name = base;
  for (let n = 2; taken.has(nameKey(name)); n++) {
    const suffix = `${separator}${n}`;
    name = `${base.slice(0, max - suffix.length)}${suffix}`;
  }
  taken.add(nameKey(name));
  return name;
}

/** A request name unique in its folder (`name (2)`, as Keypost names a second copy). */
export function claimRequestName(base: string, taken: Set<string>): string {
  const name = uniqueName(base, taken);
  taken.add(nameKey(name));
  return name;
}
