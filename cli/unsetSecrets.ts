// What a run says when a secret environment variable has no value: the environment variable to set (the scheme of
// shared/secretVariables.ts), where the app would point at its Environments dialog, which a run does not have.
import type { Environment } from '../shared/environments';
import type { KeypostError } from '../shared/errors';
import { secretVariable } from '../shared/secretVariables';

/** The words for a send stopped by secret variables with no value in `environment`, or null for any other failure. */
export function unsetSecretWords(error: KeypostError, environment: Environment | undefined): string | null {
  if (error.code !== 'UNRESOLVED_VARIABLE' || !environment) return null;
  const secret = (error.variables ?? []).filter((name) => environment.variables.some((variable) => variable.secret && variable.enabled && variable.name === name));
  if (secret.length === 0) return null;
  const variables = secret.map((name) => secretVariable(name));
  const listed = variables.length === 1 ? variables[0] : `${variables.slice(0, -1).join(', ')} and ${variables.at(-1)}`;
  return `${error.message} Set ${listed} to ${secret.length === 1 ? 'its value' : 'their values'}, or store ${secret.length === 1 ? 'it' : 'them'} in Keypost on this machine.`;
}
