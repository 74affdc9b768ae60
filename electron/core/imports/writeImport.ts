// A converted foreign collection written into a collection: a new folder named after its title (made unique), the
// requests as request files in batches (the window stays responsive), the source document beside them, an
// environment for its variables, and its credentials: OAuth settings to their file, secrets to the keychain, each only
// where the user has nothing under that name yet. Every request passes the secret guard first: an example value that
// looks like a secret is left empty, never written.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { joinFolder } from '../../../shared/collections';
import { fail, ok, type Result } from '../../../shared/errors';
import type { ForeignCollection, ForeignImportOutcome } from '../../../shared/foreignImport';
import { nameKey, type PresetDraft } from '../../../shared/presets';
import type { RequestDocument } from '../../../shared/request';
import { ENVIRONMENTS_FOLDER, toDiskPath, writeErrorInWords } from '../collections/collectionFolder';
import type { CollectionStore } from '../collections/collectionStore';
import { withoutSecretsInFiles } from '../collections/presetApi';
import { findSecrets } from '../collections/secretGuard';
import type { OAuthConfigs } from '../credentials/oauthConfigFile';
import { Secret } from '../credentials/secret';
import type { Vault } from '../credentials/vault';
import type { Environments } from '../environments/environments';
import { folderNameFrom } from './foreignNames';

/** Requests written between two yields to the event loop: main answers other calls (and the page repaints) between. */
export const IMPORT_BATCH = 100;

export interface WriteDeps {
  store: CollectionStore;
  environments: Environments;
  vault: Vault;
  oauthConfigs: OAuthConfigs;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The request with every value an example could have put a secret in emptied (rows' values, the body's text). */
function withoutExampleValues(request: RequestDocument): RequestDocument {
  const { body } = request;
  return {
    ...request,
    query: request.query.map((row) => ({ ...row, value: row.value === null ? null : '' })),
    headers: request.headers.map((row) => (row.name.toLowerCase() === 'content-type' ? row : { ...row, value: '' })),
    body:
      body.kind === 'json' ? { kind: 'json', text: '{}' }
      : body.kind === 'text' ? { kind: 'text', text: '' }
      : body.kind === 'form' ? { kind: 'form', fields: body.fields.map((field) => ({ ...field, value: '' })) }
      : body.kind === 'multipart' ? { kind: 'multipart', parts: body.parts.map((part) => (part.kind === 'text' ? { ...part, value: '' } : part)) }
      : body,
  };
}

/** `sub` ('' = the import's folder itself) inside the import's folder. */
const inside = (folder: string, sub: string) => (sub === '' ? folder : joinFolder(folder, sub));

/** A document's text as the body of a request: how the secret guard reads a whole file. */
const asBody = (text: string): RequestDocument => ({ method: 'GET', url: '', query: [], headers: [], body: { kind: 'text', text }, auth: { kind: 'none' }, options: {} });

/** The request's schema link made relative to the collection (the document is in `folder`), or dropped (null). */
function withLink(request: RequestDocument, folder: string | null): RequestDocument {
  if (!request.schema) return request;
  if (folder === null) {
    const { schema: _dropped, ...rest } = request;
    return rest;
  }
  return { ...request, schema: { ...request.schema, document: joinFolder(folder, request.schema.document) } };
}

/** A top-level folder name not taken in the collection (by a folder Keypost lists or anything on disk). */
function freeFolder(store: CollectionStore, collection: string, root: string, title: string): string {
  const info = store.collections().find((each) => each.id === collection)!;
  const taken = new Set(info.folders.map((folder) => folder.toLowerCase()));
  taken.add(ENVIRONMENTS_FOLDER);
  const base = folderNameFrom(title, 'Imported API');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 95).trimEnd()} (${n})`;
    if (!taken.has(candidate.toLowerCase()) && !existsSync(toDiskPath(root, candidate))) return candidate;
  }
}

export async function writeForeignCollection(
  foreign: ForeignCollection,
  collectionId: string,
  { store, environments, vault, oauthConfigs }: WriteDeps,
  progress: (done: number, total: number) => void,
): Promise<Result<ForeignImportOutcome>> {
  const info = store.collections().find((each) => each.id === collectionId);
  if (!info) return fail('NOT_FOUND', 'That collection is not open.', { hint: 'Open it again, or choose another collection.' });
  if (info.state !== 'ok') return fail('STORE_WRITE_FAILED', `The collection “${info.name}” cannot be written to now (${info.state === 'missing' ? 'its folder is gone' : 'it is read-only'}).`, { hint: 'Choose another collection.' });
  const folder = freeFolder(store, collectionId, info.path, foreign.title);
  const problems: string[] = [];
  const total = foreign.requests.length;

  for (const sub of ['', ...new Set(foreign.requests.map((request) => request.folder).filter((each) => each !== ''))]) {
    const created = store.createFolder(collectionId, inside(folder, sub));
    if (!created.ok) return created;
  }
  // The source document beside the requests: their body schemas are read from it (request.schema). It passes the
  // secret guard like any file Keypost writes; one that holds what looks like a secret is not written, and the
  // requests lose their links (their bodies are then not checked against a schema).
  let linked = foreign.document !== undefined;
  if (foreign.document && (await findSecrets(asBody(foreign.document.text))).length > 0) {
    linked = false;
    problems.push(`${foreign.document.fileName} was not kept beside the requests: it holds what looks like a secret. Their bodies are not checked against the document’s schemas.`);
  }
  if (foreign.document && linked) {
    try {
      await writeFile(toDiskPath(info.path, joinFolder(folder, foreign.document.fileName)), foreign.document.text, { flag: 'wx' });
    } catch (error) {
      return fail('STORE_WRITE_FAILED', `Keypost could not write ${foreign.document.fileName} into the collection “${info.name}”: ${writeErrorInWords(error)}.`, { hint: `Check ${info.path}.` });
    }
  }

  let written = 0;
  for (let start = 0; start < total; start += IMPORT_BATCH) {
    const batch = foreign.requests.slice(start, start + IMPORT_BATCH);
    const byFolder = new Map<string, PresetDraft[]>();
    for (const { folder: sub, draft } of batch) {
      let request = withLink(draft.request, linked ? folder : null);
      // The secret guard reads every request (the one every save passes); one whose examples look like a secret
      // loses its example values, and passes the guard again before it is written.
      const found = await findSecrets(request);
      if (found.length > 0) {
        request = withoutExampleValues(request);
        const clean = await withoutSecretsInFiles([{ name: draft.name, request }]);
        if (!clean.ok) return clean;
        problems.push(`“${draft.name}”: its example values looked like secrets (${found.map((each) => `the ${each.field} held ${each.kind}`).join('; ')}), so they were left empty.`);
      }
      const place = inside(folder, sub);
      if (!byFolder.has(place)) byFolder.set(place, []);
      byFolder.get(place)!.push({ name: draft.name, request });
    }
    for (const [place, drafts] of byFolder) {
      const added = store.importDrafts(drafts, 'rename', { collection: collectionId, folder: place }, false);
      if (!added.ok) return added;
      written += drafts.length;
    }
    progress(written, total);
    await nextTurn();
  }

  const environment = await writeEnvironment(foreign, collectionId, environments, problems);
  const { added, kept } = await storeCredentials(foreign, vault, oauthConfigs);
  if (!added.ok) return added;
  return ok({ collection: collectionId, folder, requests: written, environment, credentialsAdded: added.value, credentialsKept: kept, problems: [...(foreign.problems ?? []), ...problems] });
}

async function writeEnvironment(foreign: ForeignCollection, collection: string, environments: Environments, problems: string[]): Promise<string | null> {
  if (foreign.variables.length === 0) return null;
  const state = await environments.state();
  const taken = new Set(state.ok ? state.value.environments.map((each) => nameKey(each.name)) : []);
  const base = foreign.title.replace(/\s+/g, ' ').trim().slice(0, 58) || 'Imported API';
  let name = base;
  for (let n = 2; taken.has(nameKey(name)); n++) name = `${base} (${n})`;
  const id = randomUUID();
  let variables = foreign.variables.map(({ name: variable, value, secret }) => ({ name: variable, value: secret ? '' : value, secret, enabled: true }));
  let saved = await environments.save({ id, name, variables, collection });
  // A plain value that looks like a secret (an example key) is refused by the guard: it is left empty, and said so.
  if (!saved.ok && saved.error.code === 'SECRET_IN_REQUEST' && saved.error.variables) {
    const flagged = new Set(saved.error.variables);
    variables = variables.map((variable) => (flagged.has(variable.name) ? { ...variable, value: '' } : variable));
    problems.push(`The environment “${name}”: ${[...flagged].map((each) => `{{${each}}}`).join(', ')} looked like ${flagged.size === 1 ? 'a secret' : 'secrets'} and ${flagged.size === 1 ? 'was' : 'were'} left empty.`);
    saved = await environments.save({ id, name, variables, collection });
  }
  if (!saved.ok) {
    problems.push(`The environment “${name}” was not saved: ${saved.error.message}`);
    return null;
  }
  for (const variable of foreign.variables) {
    if (!variable.secret || variable.value === '') continue;
    const stored = await environments.setSecret(id, variable.name, variable.value);
    if (!stored.ok) problems.push(`The secret variable {{${variable.name}}} of “${name}” has no value: ${stored.error.message}`);
  }
  return name;
}

/** OAuth settings and secrets for the credentials the user does not have yet; those they have are left as they are. */
async function storeCredentials(foreign: ForeignCollection, vault: Vault, oauthConfigs: OAuthConfigs): Promise<{ added: Result<string[]>; kept: string[] }> {
  const listed = await vault.list();
  if (!listed.ok) return { added: listed, kept: [] };
  const held = new Set(listed.value);
  const added: string[] = [];
  const kept: string[] = [];
  for (const credential of foreign.credentials) {
    if (held.has(credential.name) || oauthConfigs.get(credential.name)) {
      kept.push(credential.name);
      continue;
    }
    if (credential.secret) {
      const stored = await vault.set(credential.name, new Secret(credential.secret));
      if (!stored.ok) return { added: stored, kept };
    }
    if (credential.oauth) {
      const set = oauthConfigs.set(credential.name, credential.oauth);
      if (!set.ok) return { added: set, kept };
    }
    if (credential.secret || credential.oauth) added.push(credential.name);
  }
  return { added: ok(added), kept };
}
