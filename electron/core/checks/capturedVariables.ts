// Values captured from responses, kept in memory only (never in a file, the history or an export): for the session in
// the app (gone at restart), for the run in `keypost run`. When {{name}} resolves they win over the active environment.
import { Secret } from '../credentials/secret';
import type { CapturedValue } from './evaluateChecks';

export interface CapturedVariables {
  /** Keeps these values (a later capture of a name replaces the earlier one). */
  keep(values: readonly CapturedValue[]): void;
  /** Every captured name and its value, for resolving {{name}}. */
  values(): ReadonlyMap<string, string>;
  /** The values captured as secret (flagged, or looking like one): hidden wherever the page is shown a URL. */
  secrets(): Secret[];
}

export function createCapturedVariables(): CapturedVariables {
  const kept = new Map<string, { value: string; secret: boolean }>();
  return {
    keep(values) {
      for (const { variable, value, secret } of values) kept.set(variable, { value, secret });
    },
    values: () => new Map([...kept].map(([name, { value }]) => [name, value])),
    secrets: () => [...kept.values()].filter(({ secret, value }) => secret && value !== '').map(({ value }) => new Secret(value)),
  };
}
