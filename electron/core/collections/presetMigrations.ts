// Upgrades older store files to the current schema version, one step per version.
import { DEFAULT_CREDENTIAL } from '../../../shared/credentials';
import { splitUrl } from '../../../shared/urlQuery';

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;
type Entry = Record<string, unknown>;
const isEntry = (value: unknown): value is Entry => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A flat preset (store versions 1–2, export version 1: url, method, body, credential, opt-ins beside the name)
 * as the request document Keypost sent for it: a JSON body with the bearer token of its credential, the URL's
 * query as rows (split, not re-encoded, so the URL sent is the same text). Anything not a flat preset comes back
 * as it was, for validation to judge.
 */
export function fromFlatPreset(entry: unknown): unknown {
  if (!isEntry(entry) || 'request' in entry || typeof entry.url !== 'string') return entry;
  const { url, method, body, credential, allowPlainHttp, allowSelfSignedTls, ...rest } = entry;
  const options = Object.fromEntries(Object.entries({ allowPlainHttp, allowSelfSignedTls }).filter(([, on]) => on === true));
  return {
    ...rest,
    request: {
      method,
      ...splitUrl(url),
      headers: [],
      body: { kind: 'json', text: body },
      auth: { kind: 'bearer', credential: credential ?? DEFAULT_CREDENTIAL },
      options,
    },
  };
}

/**
 * migrations[n] turns a version-n file into a version-(n+1) file. Steps only reshape; validation runs after.
 * v1 (single-token era): presets had no credential and settings lived at the top level.
 * v2: flat presets (url, method, body, credential). v3: presets hold a request document.
 */
export const migrations: Record<number, Migration> = {
  1: (v1) => {
    const presets = Array.isArray(v1.presets) ? v1.presets : [];
    return {
      schemaVersion: 2,
      presets: presets.map((preset) => (isEntry(preset) ? { credential: DEFAULT_CREDENTIAL, updatedAt: 0, ...preset } : preset)),
      settings: { lastPresetId: v1.lastPresetId ?? null, selectedCredential: DEFAULT_CREDENTIAL, windowBounds: null },
    };
  },
  2: (v2) => ({ ...v2, schemaVersion: 3, presets: Array.isArray(v2.presets) ? v2.presets.map(fromFlatPreset) : v2.presets }),
};

/** Runs every step from `from` up to `to`; returns the data unchanged when there is nothing to do. */
export function migrate(data: Record<string, unknown>, from: number, to: number): Record<string, unknown> {
  let current = data;
  for (let version = from; version < to; version++) {
    const step = migrations[version];
    if (!step) throw new Error(`No migration from store version ${version}.`);
    current = step(current);
  }
  return current;
}
