// The "Collection settings" calls (the collection's CA file: shown, chosen through main's file dialog, removed) and
// the certificates each collection's requests trust, for the send path.
import type { KeypostApi } from '../../../shared/api';
import { type CollectionInfo, DEFAULT_COLLECTION } from '../../../shared/collections';
import type { CollectionCaFile } from '../../../shared/collectionSettings';
import { fail, ok, type Result } from '../../../shared/errors';
import type { TrustOptions } from '../send/trust';
import type { CollectionStore } from './collectionStore';
import { collectionCa, readCollectionSettings, trustForCollection, writeCollectionCaFile } from './collectionSettingsFile';

interface Deps {
  store: { collections(): CollectionInfo[]; folderOf: CollectionStore['folderOf'] };
  /** Main's file dialog for a PEM file (the one Settings uses); null: cancelled. */
  chooseCaFile?: () => Promise<string | null>;
  /** Tells the page the collection's problems may have changed (its ⚠). */
  changed: () => void;
}

type Calls = 'getCollectionCaFile' | 'chooseCollectionCaFile' | 'removeCollectionCaFile';

/** The certificates a request of `collectionId` (the default collection when none) trusts; every request's set for a
 *  collection no longer open. */
export function collectionTrustFor(store: Deps['store']) {
  return (collectionId: string | undefined): Result<TrustOptions | undefined> => {
    const info = store.folderOf(collectionId ?? DEFAULT_COLLECTION);
    if (!info || info.state === 'missing') return ok(undefined);
    return trustForCollection(info.path, info.name);
  };
}

export function createCollectionSettingsApi({ store, chooseCaFile, changed }: Deps): Pick<KeypostApi, Calls> {
  const rootOf = (id: string): Result<CollectionInfo> => {
    const info = store.collections().find((each) => each.id === id);
    return info ? ok(info) : fail('NOT_FOUND', 'That collection is no longer open.', { hint: 'Open its folder again.' });
  };
  const stateOf = (root: string): CollectionCaFile => {
    const settings = readCollectionSettings(root);
    const ca = collectionCa(root);
    return { caFile: settings.ok ? (settings.value?.network?.caFile ?? null) : null, problem: ca.ok ? null : ca.error.message };
  };
  return {
    getCollectionCaFile: async (id) => {
      const info = rootOf(id);
      return info.ok ? ok(stateOf(info.value.path)) : info;
    },
    chooseCollectionCaFile: async (id) => {
      const info = rootOf(id);
      if (!info.ok) return info;
      if (!chooseCaFile) return fail('INTERNAL', 'Choosing files is not available here.');
      const file = await chooseCaFile();
      if (file === null) return ok(null);
      const written = writeCollectionCaFile(info.value.path, file);
      if (!written.ok) return written;
      changed();
      return ok(stateOf(info.value.path));
    },
    removeCollectionCaFile: async (id) => {
      const info = rootOf(id);
      if (!info.ok) return info;
      const written = writeCollectionCaFile(info.value.path, null);
      if (!written.ok) return written;
      changed();
      return ok(stateOf(info.value.path));
    },
  };
}
