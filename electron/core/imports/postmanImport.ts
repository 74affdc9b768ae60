// A Postman collection (v2.1, or v2.0 of the same shape) converted into the one foreign shape: its requests in its
// folders in the file's order, its variables, its bearer/Basic/API-key auth as credentials (Postman's inheritance
// applied), secrets moved out of the requests, and a sentence for each thing that could not be mapped.
import { FOLDER_NAME_MAX, joinFolder } from '../../../shared/collections';
import { ok, type Result } from '../../../shared/errors';
import type { ForeignCollection, ImportedRequest } from '../../../shared/foreignImport';
import { presetDraftSchema } from '../../../shared/presets';
import { findSecretsInValues } from '../collections/secretGuard';
import { declaredAuth, mapAuth, type MappedAuth } from './postmanAuth';
import { capitalised, ConversionBook, listInWords, ofPlace, placeInWords, type Place } from './postmanBook';
import { entriesOf, fieldsOf, recognisePostman, textOf } from './postmanFormat';
import { claimName, claimRequestName, folderNameFrom, requestNameFrom } from './foreignNames';
import { requestParts } from './postmanRequest';
import { withSecretsMovedOut } from './postmanSecrets';

export { isPostmanFile } from './postmanFormat';

const NO_AUTH: MappedAuth = { auth: { kind: 'none' }, headers: [], query: [] };

/** A place's auth, mapped when a request first uses it: an auth every request overrides adds no credential. */
type InheritedAuth = () => MappedAuth;
const noAuth: InheritedAuth = () => NO_AUTH;
function lazyAuth(declared: Record<string, unknown> | null, place: Place, book: ConversionBook, inherited: InheritedAuth): InheritedAuth {
  if (!declared) return inherited;
  let mapped: MappedAuth | undefined;
  return () => (mapped ??= mapAuth(declared, place, book));
}

/** `json` (a file already read as JSON) converted, or why it cannot be: another version, an environment, not Postman. */
export async function convertPostman(json: unknown, fileName: string): Promise<Result<ForeignCollection>> {
  const recognised = recognisePostman(json, fileName);
  if (!recognised.ok) return recognised;
  const file = recognised.value;
  const title = folderNameFrom(textOf(file.info.name).trim() || fileName.replace(/\.[^.]*$/, ''));
  const book = new ConversionBook(title);
  const renames = await collectionVariables(file.variable, book);
  const collection = renamedReferences({ item: file.item, auth: file.auth, event: file.event, protocolProfileBehavior: file.protocolProfileBehavior }, renames);

  const conversion = new Conversion(book);
  conversion.scripts(collection.event, { kind: 'collection' });
  conversion.settings(collection.protocolProfileBehavior, { kind: 'collection' });
  await conversion.walk(collection.item, '', lazyAuth(declaredAuth(collection), { kind: 'collection' }, book, noAuth));
  conversion.noteGathered();
  return ok({ kind: 'postman', title, requests: conversion.requests, variables: book.variables, credentials: book.credentials, notMapped: book.notMapped });
}

/** The collection's variables into the book; a name Keypost refuses gets a valid one (returned: old → new). A value
 *  the secret guard would refuse in an environment file becomes a secret variable, as `type: secret` does. */
async function collectionVariables(variables: unknown, book: ConversionBook): Promise<Map<string, string>> {
  const renames = new Map<string, string>();
  for (const variable of entriesOf(variables).map(fieldsOf)) {
    const key = textOf(variable.key ?? variable.id);
    if (key.trim() === '') {
      book.note('A collection variable with no name was not imported.');
      continue;
    }
    if (variable.disabled === true) {
      book.note(`The collection variable “${key}” is disabled in Postman and was not imported.`);
      continue;
    }
    const name = book.addVariable(key, textOf(variable.value), variable.type === 'secret');
    if (name !== key) {
      renames.set(key, name);
      book.note(`The collection variable “${key}” is named {{${name}}} in Keypost (a variable name uses letters, digits, _ . - only), and every reference to it was changed to match.`);
    }
  }
  const plain = book.variables.filter((variable) => !variable.secret);
  const flagged = await findSecretsInValues(plain);
  book.markSecret(flagged.map(({ index }) => plain[index]!.name));
  return renames;
}

/** Every {{old}} reference in the collection's texts as {{new}}. */
function renamedReferences<T>(value: T, renames: ReadonlyMap<string, string>): T {
  if (renames.size === 0) return value;
  const map = (item: unknown): unknown => {
    if (typeof item === 'string') return item.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, name: string) => (renames.has(name) ? `{{${renames.get(name)}}}` : whole));
    if (Array.isArray(item)) return item.map(map);
    if (item !== null && typeof item === 'object') return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, map(entry)]));
    return item;
  };
  return map(value) as T;
}

class Conversion {
  readonly requests: ImportedRequest[] = [];
  /** Postman's {{$dynamic}} variables, each with the requests that use them (in words). */
  private readonly dynamic = new Map<string, string[]>();
  /** Requests with saved example responses, in words. */
  private readonly examples: string[] = [];

  constructor(private readonly book: ConversionBook) {}

  /** The items of one folder in order: requests, and folders walked in place; `inherited` is the auth they inherit. */
  async walk(items: unknown, folder: string, inherited: InheritedAuth): Promise<void> {
    const folderNames = new Set<string>();
    const requestNames = new Set<string>();
    for (const item of entriesOf(items).map(fieldsOf)) {
      if (Array.isArray(item.item)) {
        const path = joinFolder(folder, claimName(folderNameFrom(textOf(item.name)), folderNames, FOLDER_NAME_MAX));
        const place: Place = { kind: 'folder', folder: path };
        this.scripts(item.event, place);
        this.settings(item.protocolProfileBehavior, place);
        this.placeVariables(item.variable, place);
        await this.walk(item.item, path, lazyAuth(declaredAuth(item), place, this.book, inherited));
      } else if (item.request !== undefined) {
        const place: Place = { kind: 'request', name: claimRequestName(requestNameFrom(textOf(item.name), 'Request'), requestNames), folder };
        await this.request(item, place, inherited);
      }
    }
  }

  private async request(item: Record<string, unknown>, place: Place & { kind: 'request' }, inherited: InheritedAuth) {
    this.scripts(item.event, place);
    this.settings(item.protocolProfileBehavior, place);
    this.placeVariables(item.variable, place);
    const parts = requestParts(item.request, place, this.book);
    const declared = declaredAuth(item.request);
    const auth = declared ? mapAuth(declared, place, this.book) : inherited();
    const { request: document, findings: secrets } = await withSecretsMovedOut(
      { method: parts.method, url: parts.url, query: [...parts.query, ...auth.query], headers: [...parts.headers, ...auth.headers], body: parts.body, auth: auth.auth, options: {} },
      place,
      this.book,
    );
    const where = placeInWords(place);
    const draft = presetDraftSchema.safeParse({ name: place.name, request: document });
    if (!draft.success) {
      const why = draft.error.issues[0]?.message ?? 'It is not a request Keypost can hold.';
      this.book.note(`${capitalised(where)} was left out: ${why.charAt(0).toLowerCase()}${why.slice(1)}`);
      return;
    }
    if (secrets.length > 0) {
      const found = secrets.map((finding) => `${finding.field} holds ${finding.kind}`).join(', ');
      this.book.note(`${capitalised(where)} was left out: its ${found}, and a request file never holds a secret. Add it by hand with the secret in a credential or a secret variable.`);
      return;
    }
    for (const [, name] of JSON.stringify(document).matchAll(/\{\{\s*(\$[A-Za-z][\w.]*)\s*\}\}/g)) {
      const users = this.dynamic.get(name!) ?? [];
      if (!users.includes(where)) users.push(where);
      this.dynamic.set(name!, users);
    }
    if (entriesOf(item.response).length > 0) this.examples.push(where);
    this.requests.push({ folder: place.folder, draft: draft.data });
  }

  /** A sentence for each pre-request or test script with code in it (Postman writes empty ones everywhere). */
  scripts(events: unknown, place: Place) {
    for (const event of entriesOf(events).map(fieldsOf)) {
      const exec = fieldsOf(event.script).exec;
      const code = Array.isArray(exec) ? exec.map(textOf).join('\n') : textOf(exec);
      if (code.trim() === '' || event.disabled === true) continue;
      const kind = event.listen === 'prerequest' ? 'pre-request script' : event.listen === 'test' ? 'test script' : `“${textOf(event.listen)}” script`;
      this.book.note(`${capitalised(ofPlace(kind, place))} was not imported: Keypost runs no scripts; declare its checks as assertions and captures in the request file instead.`);
    }
  }

  /** Postman's per-request settings (redirects, TLS checks, encoding…): Keypost's own options are the user's choice.
   *  disableBodyPruning only lets GET carry a body, which is said where the body is left out. */
  settings(behavior: unknown, place: Place) {
    const keys = Object.keys(fieldsOf(behavior)).filter((key) => key !== 'disableBodyPruning');
    if (keys.length === 0) return;
    this.book.note(`${capitalised(ofPlace('Postman settings', place))} (${keys.join(', ')}) were not imported: Keypost sends with its own safe defaults; relax one for a request in Keypost where it needs it (such as accepting a self-signed TLS certificate).`);
  }

  private placeVariables(variables: unknown, place: Place) {
    if (entriesOf(variables).length === 0) return;
    this.book.note(`${capitalised(ofPlace('variables', place))} were not imported: Keypost’s variables belong to an environment; add them to “${this.book.title}”.`);
  }

  /** The sentences that gather requests: Postman's dynamic variables, and saved example responses. */
  noteGathered() {
    if (this.examples.length > 0) this.book.note(`The saved example responses of ${listInWords(this.examples)} were not imported: Keypost keeps no example responses.`);
    for (const [name, users] of this.dynamic) {
      this.book.note(`Postman’s dynamic variable {{${name}}} (used by ${listInWords(users)}) has no value in Keypost: it is kept as written and would be sent so; replace it with a value or a variable of your own.`);
    }
  }
}
