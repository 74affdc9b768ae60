// The environment calls: list, save, delete, choose the active one, and store a secret variable's value.
import type { KeypostApi } from '../../../shared/api';
import type { Environments } from './environments';

export function createEnvironmentApi({ environments }: { environments: Environments }): Pick<
  KeypostApi,
  'listEnvironments' | 'saveEnvironment' | 'deleteEnvironment' | 'setActiveEnvironment' | 'setEnvironmentSecret'
> {
  return {
    listEnvironments: () => environments.state(),
    saveEnvironment: async (environment) => environments.save(environment),
    deleteEnvironment: (id) => environments.remove(id),
    setActiveEnvironment: async (id) => environments.setActive(id),
    setEnvironmentSecret: (id, name, value) => environments.setSecret(id, name, value),
  };
}
