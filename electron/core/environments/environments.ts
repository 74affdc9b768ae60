// Environments as files in the open collections (`environments/<name>.env.yaml`: names, plain values, which variables
// are secret), secret variables' values in the keychain under their own service (account `<environment id>/<name>`),
// so they never appear among the credentials nor in a file; the active one, a choice on this machine, in
// keypost-environments.json. Main resolves a request's {{variables}} just before checking and sending it.
import { DEFAULT_COLLECTION } from '../../../shared/collections';
import { fail, ok, type Result } from '../../../shared/errors';
import {
  referencedVariables,
  resolveVariables,
  valuesOf,
  VARIABLE_HINT,
  variableProblem,
  type Environment,
  type EnvironmentsState,
} from '../../../shared/environments';
import type { RequestDocument } from '../../../shared/request';
import { findSecretsInValues } from '../collections/secretGuard';
import { cachedVault } from '../credentials/cachedVault';
import { Secret } from '../credentials/secret';
import type { Vault } from '../credentials/vault';
import type { CapturedVariables } from '../checks/capturedVariables';
import type { StoreBackend } from '../storeFiles';
import { type CollectionRoot, environmentFiles, type HeldEnvironment } from './environmentFiles';
import { moveEnvironmentsFile } from './moveEnvironmentsFile';

export const ENVIRONMENTS_NAME = 'keypost-environments';

/** The keychain service of secret variables, beside the credentials' own (main: "Keypost environments"). */
export const environmentsService = (credentialsService: string) => `${credentialsService} environments`;

export interface Environments {
  state(): Promise<Result<EnvironmentsState>>;
  /** Adds or replaces one environment's file (in `environment.collection`, the default one for a new environment);
   *  secret variables' values are never written, and a plain value that is a secret is refused. */
  save(environment: Environment): Promise<Result<void>>;
  /** Removes its file and its secret values from the keychain. */
  remove(id: string): Promise<Result<void>>;
  setActive(id: string | null): Result<void>;
  /** Stores (or, with null, deletes) a secret variable's value in the keychain. */
  setSecret(environmentId: string, name: string, value: string | null): Promise<Result<void>>;
  /** The request with the active environment's values in place of {{name}}, and the secret values used (to hide
   *  them wherever the page is shown a URL). Fails, naming them, when a variable is not defined. */
  resolve(request: RequestDocument): Promise<Result<{ request: RequestDocument; secrets: Secret[] }>>;
}

export interface EnvironmentsInputs {
  /** keypost-environments.json: the active environment; in older builds, the environments themselves (moved once). */
  backend: StoreBackend;
  /** A keychain service of their own (main: "Keypost environments"). */
  keychain: Vault;
  /** The open collections, the default one first: each one's environments/ folder holds its environments. */
  collections: () => CollectionRoot[];
  /** Values captured from earlier responses (checks/): they win over the active environment's. */
  captured?: CapturedVariables;
}

export function createEnvironments({ backend, keychain, collections, captured }: EnvironmentsInputs): Environments {
  const vault = cachedVault(keychain);
  const files = environmentFiles(collections);
  const defaultRoot = collections().find((collection) => collection.id === DEFAULT_COLLECTION);
  const { activeId: movedActiveId, damage, moved } = defaultRoot ? moveEnvironmentsFile(backend, defaultRoot.path) : { activeId: null };
  /** As chosen; an environment whose file is gone (or in a collection now closed) is not active, but comes back
   *  active with its file (a branch switched back). */
  let activeId = movedActiveId;
  const account = (environmentId: string, name: string) => `${environmentId}/${name}`;

  const find = (id: string | null): HeldEnvironment | undefined => (id === null ? undefined : files.read().held.find((held) => held.environment.id === id));
  const notFound = () => fail('NOT_FOUND', 'That environment no longer exists.', { hint: 'Its file may have been deleted or renamed outside Keypost, or its collection closed.' });

  /** The active environment's secret values that `names` needs, from the keychain. */
  async function secretsFor(environment: Environment, names: readonly string[]): Promise<Result<Map<string, string>>> {
    const values = new Map<string, string>();
    for (const variable of environment.variables) {
      if (!variable.secret || !variable.enabled || !names.includes(variable.name)) continue;
      const stored = await vault.get(account(environment.id, variable.name));
      if (!stored.ok) return stored;
      if (stored.value) values.set(variable.name, stored.value.reveal());
    }
    return ok(values);
  }

  /** Refuses an environment whose file would hold a secret as a plain value, naming the variables (never a value). */
  async function secretsRefused(environment: Environment): Promise<Result<void> | null> {
    const plain = environment.variables.filter((variable) => !variable.secret);
    const found = await findSecretsInValues(plain);
    if (found.length === 0) return null;
    const names = [...new Set(found.map(({ index }) => plain[index]!.name))];
    const what = found.map(({ index, kind }) => `the variable “${plain[index]!.name}” holds ${kind}`).join('; ');
    return fail('SECRET_IN_REQUEST', `“${environment.name.trim()}” was not saved: ${what}. An environment is a file in its collection, which a team may share, and a secret never goes into one.`, {
      hint: `Mark ${names.length === 1 ? 'it' : 'them'} secret: the value then goes to your keychain, and the file keeps only the name.`,
      variables: names,
    });
  }

  /** Plain variables in the files as they are that hold what looks like a secret (the guard's rules, as on save). */
  async function plainSecrets(held: HeldEnvironment[]): Promise<EnvironmentsState['flagged']> {
    const flagged: EnvironmentsState['flagged'] = [];
    for (const { environment, file } of held) {
      const plain = environment.variables.filter((variable) => !variable.secret);
      for (const { index, kind } of await findSecretsInValues(plain)) flagged.push({ collection: environment.collection, file, field: `variable “${plain[index]!.name}”`, kind });
    }
    return flagged;
  }

  function setActive(id: string | null): Result<void> {
    if (id !== null && !find(id)) return notFound();
    try {
      // The same atomic write as every store file (conf/electron-store: temporary file, fsync, rename).
      backend.store = id === null ? {} : { activeId: id };
    } catch (error) {
      return fail('STORE_WRITE_FAILED', 'Keypost could not note which environment is active.', {
        hint: `Check that the disk is not full and ${backend.path} is writable. Detail: ${(error as Error).message}`,
      });
    }
    activeId = id;
    return ok(undefined);
  }

  return {
    async state() {
      const keys = await keychain.list();
      if (!keys.ok) return keys;
      const { held, unread } = files.read();
      const environments = held.map((each) => each.environment);
      const storedSecrets: Record<string, string[]> = {};
      for (const environment of environments) {
        storedSecrets[environment.id] = environment.variables.filter((variable) => variable.secret && keys.value.includes(account(environment.id, variable.name))).map((variable) => variable.name);
      }
      return ok({
        environments,
        collections: collections().map(({ id, name }) => ({ id, name })),
        activeId: environments.some((environment) => environment.id === activeId) ? activeId : null,
        storedSecrets,
        unread,
        flagged: await plainSecrets(held),
        ...(damage ? { damage } : {}),
        ...(moved ? { moved } : {}),
      });
    },
    async save(environment) {
      const held = find(environment.id);
      const target = environment.collection ?? held?.environment.collection ?? DEFAULT_COLLECTION;
      const collection = collections().find((each) => each.id === target);
      if (!collection) return fail('NOT_FOUND', 'That collection is not open.', { hint: 'Open it again, or choose another collection.' });
      const refused = await secretsRefused(environment);
      if (refused) return refused;
      return files.write(environment, collection, held);
    },
    async remove(id) {
      const held = find(id);
      if (!held) return ok(undefined);
      for (const variable of held.environment.variables.filter((candidate) => candidate.secret)) {
        const deleted = await vault.delete(account(id, variable.name));
        if (!deleted.ok) return deleted;
      }
      const removed = files.remove(held);
      if (!removed.ok) return removed;
      return activeId === id ? setActive(null) : ok(undefined);
    },
    setActive,
    async setSecret(environmentId, name, value) {
      if (!find(environmentId)) return notFound();
      if (value === null) {
        const deleted = await vault.delete(account(environmentId, name));
        return deleted.ok ? ok(undefined) : deleted;
      }
      return vault.set(account(environmentId, name), new Secret(value));
    },
    async resolve(request) {
      const names = referencedVariables(request);
      if (names.length === 0) return ok({ request, secrets: [] });
      const environment = find(activeId)?.environment;
      const secrets = environment ? await secretsFor(environment, names) : ok(new Map<string, string>());
      if (!secrets.ok) return secrets;
      const values = new Map([...valuesOf(environment, secrets.value), ...(captured?.values() ?? [])]);
      const resolved = resolveVariables(request, values);
      const problem = variableProblem(resolved, environment);
      if (problem) return fail('UNRESOLVED_VARIABLE', problem, { hint: VARIABLE_HINT, variables: resolved.cycle ?? resolved.unresolved });
      const hidden = [...secrets.value.values()].filter((value) => value !== '').map((value) => new Secret(value));
      return ok({ request: resolved.request, secrets: [...hidden, ...(captured?.secrets() ?? [])] });
    },
  };
}
