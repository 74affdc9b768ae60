// What a Postman conversion collects beside the requests: the credentials (one per distinct secret), the variables
// (the collection's, and secret ones holding values moved out of rows), and the sentences saying what was not mapped.
import type { ImportedCredential, ImportedVariable } from '../../../shared/foreignImport';
import { claimName, credentialNameFrom, CREDENTIAL_NAME_MAX, VARIABLE_NAME_MAX, variableNameFrom } from './foreignNames';

/** Where something is, for names and sentences: the collection, a folder, or a request in a folder. */
export type Place = { kind: 'collection' } | { kind: 'folder'; folder: string } | { kind: 'request'; name: string; folder: string };

export const capitalised = (sentence: string) => sentence.charAt(0).toUpperCase() + sentence.slice(1);

/** `“A”, “B” in F` — at most `shown` of them, then how many more: a sentence stays readable for a big collection. */
export function listInWords(items: readonly string[], shown = 5): string {
  const more = items.length - shown;
  return more > 0 ? `${items.slice(0, shown).join(', ')} and ${more} more` : items.join(', ');
}

const lastPart = (folder: string) => folder.slice(folder.lastIndexOf('/') + 1);
const inFolder = (folder: string) => (folder === '' ? '' : ` in ${folder}`);

/** `the collection`, `the folder “Admin” in Users`, `“Create user” in Users`. */
export function placeInWords(place: Place): string {
  if (place.kind === 'collection') return 'the collection';
  if (place.kind === 'folder') return `the folder “${lastPart(place.folder)}”${inFolder(place.folder.includes('/') ? place.folder.slice(0, place.folder.lastIndexOf('/')) : '')}`;
  return `“${place.name}”${inFolder(place.folder)}`;
}

/** `the test script of “Create user” in Users`, `the collection's bearer auth`. */
export const ofPlace = (what: string, place: Place) => (place.kind === 'collection' ? `the collection’s ${what}` : `the ${what} of ${placeInWords(place)}`);

export class ConversionBook {
  readonly notMapped: string[] = [];
  readonly credentials: ImportedCredential[] = [];
  readonly variables: ImportedVariable[] = [];
  private readonly credentialBySecret = new Map<string, string>();
  private readonly credentialNames = new Set<string>();
  private readonly variableNames = new Set<string>();

  constructor(readonly title: string) {}

  note(sentence: string) {
    if (!this.notMapped.includes(sentence)) this.notMapped.push(sentence);
  }

  /** The credential holding `secret` (identical secrets share one), named after the collection and the place. With no
   *  secret (an empty token in the file), a credential of its own whose value the user types later. */
  credentialFor(secret: string, place: Place, source: string): string {
    const known = secret === '' ? undefined : this.credentialBySecret.get(secret);
    if (known) return known;
    const where = place.kind === 'collection' ? '' : place.kind === 'folder' ? lastPart(place.folder) : place.name;
    const name = claimName(credentialNameFrom(`${this.title} ${where}`), this.credentialNames, CREDENTIAL_NAME_MAX);
    this.credentials.push(secret === '' ? { name, source } : { name, source, secret });
    if (secret !== '') this.credentialBySecret.set(secret, name);
    return name;
  }

  /** A collection variable, under a name Keypost accepts (the name it gets). */
  addVariable(wanted: string, value: string, secret: boolean): string {
    const name = claimName(variableNameFrom(wanted), this.variableNames, VARIABLE_NAME_MAX, '_');
    this.variables.push({ name, value, secret });
    return name;
  }

  /** A secret variable holding `value` (one already holding it is reused), for a row that will say {{name}}. */
  secretVariableFor(wanted: string, value: string): string {
    const known = this.variables.find((variable) => variable.secret && variable.value === value);
    return known ? known.name : this.addVariable(wanted, value, true);
  }

  /** Marks the named variables secret: they hold what auth sends (a token, a key, a password). */
  markSecret(names: readonly string[]) {
    for (const variable of this.variables) if (names.includes(variable.name)) variable.secret = true;
  }

  valueOf(name: string): string | undefined {
    return this.variables.find((variable) => variable.name === name)?.value;
  }
}
