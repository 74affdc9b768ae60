// Names from a foreign file made into names Keypost accepts: a folder, a request, a credential, a variable. A name that
// is already valid is kept as written; otherwise only the characters Keypost refuses change.
import { FOLDER_NAME_MAX, folderNameSchema } from '../../../shared/collections';
import { credentialNameSchema } from '../../../shared/credentials';
import { variableNameSchema } from '../../../shared/environments';
import { nameKey, PRESET_NAME_MAX, presetNameSchema, uniqueName } from '../../../shared/presets';
import { textOf } from './postmanFormat';

const CREDENTIAL_NAME_MAX = 64;
const VARIABLE_NAME_MAX = 64;

const withoutControls = (value: string) => value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();

/** A folder name (no / \ : * ? " < > |, no leading dot, no trailing dot or space, not node_modules). */
export function folderNameFrom(name: unknown): string {
  let folder = withoutControls(textOf(name)).replace(/[/\\:*?"<>|]/g, '-').slice(0, FOLDER_NAME_MAX);
  folder = folder.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (folder.toLowerCase() === 'node_modules') folder = 'node_modules folder';
  return folderNameSchema.safeParse(folder).success ? folder : 'Folder';
}

/** A request's name, or `fallback` (its method and URL) when it has none. */
export function requestNameFrom(name: unknown, fallback: string): string {
  const cut = (value: string) => withoutControls(value).slice(0, PRESET_NAME_MAX).trim();
  const named = cut(textOf(name));
  if (presetNameSchema.safeParse(named).success) return named;
  const other = cut(fallback);
  return other === '' ? 'Request' : other;
}

/** A credential name: letters, digits, space, _ . @ - (accents dropped, anything else a space). */
export function credentialNameFrom(words: string): string {
  const name = words
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w .@-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, CREDENTIAL_NAME_MAX)
    .trim();
  return credentialNameSchema.safeParse(name).success ? name : 'postman';
}

/** A variable name: a letter or _ first, then letters, digits, _ . - (anything else becomes _). */
export function variableNameFrom(words: string): string {
  let name = words
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w.-]+/g, '_')
    .slice(0, VARIABLE_NAME_MAX);
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

/** A request name unique in its folder (`name (2)` as Keypost names a second copy). */
export function claimRequestName(base: string, taken: Set<string>): string {
  const name = uniqueName(base, taken);
  taken.add(nameKey(name));
  return name;
}

export { CREDENTIAL_NAME_MAX, VARIABLE_NAME_MAX };
