// Environments in keypost-environments.json (names, plain values, which variables are secret, the active one) and
// secret variables' values in the keychain under their own service, so they never appear among the credentials.
// Main resolves a request's {{variables}} just before checking and sending it.
import { fail, ok, type Result } from '../../../shared/errors';
import {
  environmentSchema,
  referencedVariables,
  resolveVariables,
  valuesOf,
  VARIABLE_HINT,
  variableProblem,
  type Environment,
  type EnvironmentsState,
} from '../../../shared/environments';
import type { RequestDocument } from '../../../shared/request';
import { cachedVault } from '../credentials/cachedVault';
import { damageReport, isUnreadable, type StoreBackend } from '../storeFiles';
import { Secret } from '../credentials/secret';
import type { Vault } from '../credentials/vault';

export const ENVIRONMENTS_NAME = 'keypost-environments';

/** The keychain service of secret variables, beside the credentials' own (main: "Keypost environments"). */
export const environmentsService = (credentialsService: string) => `${credentialsService} environments`;

export interface Environments {
  state(): Promise<Result<EnvironmentsState>>;
  /** Adds or replaces one environment; secret variables' values are never written to the file. */
  save(environment: Environment): Result<void>;
  /** Removes it and its secret values from the keychain. */
  remove(id: string): Promise<Result<void>>;
  setActive(id: string | null): Result<void>;
  /** Stores (or, with null, deletes) a secret variable's value in the keychain. */
  setSecret(environmentId: string, name: string, value: string | null): Promise<Result<void>>;
  /** The request with the active environment's values in place of {{name}}, and the secret values used (to hide
   *  them wherever the page is shown a URL). Fails, naming them, when a variable is not defined. */
  resolve(request: RequestDocument): Promise<Result<{ request: RequestDocument; secrets: Secret[] }>>;
}

/** `vault`: a keychain service of their own (main: "Keypost environments"). */
export function createEnvironments(backend: StoreBackend, keychain: Vault): Environments {
  const vault = cachedVault(keychain);
  const raw = backend.store;
  const problems: string[] = [];
  if (isUnreadable(raw)) problems.push('The environments file was not valid JSON, so no environment could be read from it.');
  const entries: unknown[] = Array.isArray(raw.environments) ? raw.environments : [];
  const environments: Environment[] = entries.flatMap((entry): Environment[] => {
    const parsed = environmentSchema.safeParse(entry);
    return parsed.success ? [blankSecrets(parsed.data)] : [];
  });
  const dropped = entries.length - environments.length;
  if (dropped > 0) problems.push(`${dropped} environment${dropped === 1 ? '' : 's'} in the file could not be read and ${dropped === 1 ? 'was' : 'were'} left out; the others were kept.`);
  const damage = damageReport(backend, problems);
  let activeId = typeof raw.activeId === 'string' && environments.some((environment) => environment.id === raw.activeId) ? raw.activeId : null;
  const account = (environmentId: string, name: string) => `${environmentId}/${name}`;

  const write = (): Result<void> => {
    try {
      // The same atomic write as the presets (conf/electron-store: temporary file, fsync, rename).
      backend.store = { environments: environments.map(blankSecrets), activeId };
      return ok(undefined);
    } catch (error) {
      return fail('STORE_WRITE_FAILED', 'Keypost could not save your environments.', {
        hint: `Check that the disk is not full and ${backend.path} is writable. Detail: ${(error as Error).message}`,
      });
    }
  };
  const find = (id: string | null) => environments.find((environment) => environment.id === id);

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

  return {
    async state() {
      const keys = await keychain.list();
      if (!keys.ok) return keys;
      const storedSecrets: Record<string, string[]> = {};
      for (const environment of environments) {
        storedSecrets[environment.id] = environment.variables.filter((variable) => variable.secret && keys.value.includes(account(environment.id, variable.name))).map((variable) => variable.name);
      }
      return ok({ environments: environments.map(blankSecrets), activeId, storedSecrets, ...(damage ? { damage } : {}) });
    },
    save(environment) {
      const index = environments.findIndex((existing) => existing.id === environment.id);
      if (index === -1) environments.push(blankSecrets(environment));
      else environments[index] = blankSecrets(environment);
      return write();
    },
    async remove(id) {
      const environment = find(id);
      if (!environment) return ok(undefined);
      for (const variable of environment.variables.filter((candidate) => candidate.secret)) {
        const deleted = await vault.delete(account(id, variable.name));
        if (!deleted.ok) return deleted;
      }
      environments.splice(environments.indexOf(environment), 1);
      if (activeId === id) activeId = null;
      return write();
    },
    setActive(id) {
      if (id !== null && !find(id)) return fail('NOT_FOUND', 'That environment no longer exists.');
      activeId = id;
      return write();
    },
    async setSecret(environmentId, name, value) {
      if (!find(environmentId)) return fail('NOT_FOUND', 'That environment no longer exists.');
      if (value === null) {
        const deleted = await vault.delete(account(environmentId, name));
        return deleted.ok ? ok(undefined) : deleted;
      }
      return vault.set(account(environmentId, name), new Secret(value));
    },
    async resolve(request) {
      const names = referencedVariables(request);
      if (names.length === 0) return ok({ request, secrets: [] });
      const environment = find(activeId);
      const secrets = environment ? await secretsFor(environment, names) : ok(new Map<string, string>());
      if (!secrets.ok) return secrets;
      const resolved = resolveVariables(request, valuesOf(environment, secrets.value));
      const problem = variableProblem(resolved, environment);
      if (problem) return fail('UNRESOLVED_VARIABLE', problem, { hint: VARIABLE_HINT });
      return ok({ request: resolved.request, secrets: [...secrets.value.values()].filter((value) => value !== '').map((value) => new Secret(value)) });
    },
  };
}

/** The environment as it may be written or shown: secret variables without their value. */
const blankSecrets = (environment: Environment): Environment => ({
  ...environment,
  variables: environment.variables.map((variable) => (variable.secret ? { ...variable, value: '' } : variable)),
});
