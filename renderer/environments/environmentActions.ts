// What the page does with environments: list them, choose the active one, save, delete, and store a secret's value.
import type { Environment } from '../../shared/environments';
import type { KeypostError, Result } from '../../shared/errors';
import { api } from '../api';
import { reportError } from '../notices/notices';
import { environmentActivated, environmentsListed, environmentsStore } from './environmentsState';

export async function refreshEnvironments(): Promise<void> {
  const listed = await api!.listEnvironments();
  if (listed.ok) environmentsStore.update((state) => environmentsListed(state, listed.value));
  else reportError(listed.error);
}

/** Follows main's word that the environments may have changed (their files, outside Keypost; a collection opened or
 *  closed); answers the function that stops following. */
export const followEnvironments = (): (() => void) => api?.on('environmentsChanged', () => void refreshEnvironments()) ?? (() => {});

/** Runs a call, reports its failure, and re-reads the state either way; answers whether it worked. */
async function change(run: () => Promise<Result<unknown>>): Promise<boolean> {
  const result = await run();
  if (!result.ok) reportError(result.error);
  await refreshEnvironments();
  return result.ok;
}

export function activateEnvironment(id: string | null): Promise<boolean> {
  environmentsStore.update((state) => environmentActivated(state, id));
  return change(() => api!.setActiveEnvironment(id));
}
/** Saves it; answers null when saved, else the failure. A refusal naming variables whose plain value is a secret is the
 *  dialog's to show (it offers to mark them secret); any other failure is reported. */
export async function saveEnvironment(environment: Environment): Promise<KeypostError | null> {
  const saved = await api!.saveEnvironment(environment);
  if (!saved.ok && !saved.error.variables) reportError(saved.error);
  await refreshEnvironments();
  return saved.ok ? null : saved.error;
}
export const deleteEnvironment = (id: string) => change(() => api!.deleteEnvironment(id));
export const setEnvironmentSecret = (environmentId: string, name: string, value: string | null) =>
  change(() => api!.setEnvironmentSecret(environmentId, name, value));
