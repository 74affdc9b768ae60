// The "Collection settings" dialog's calls to main: the collection's CA file (in its keypost.collection.yaml) read,
// chosen through main's file dialog, or removed. Each answers a Result; the dialog shows a failure in its own words.
import type { CollectionCaFile } from '../../shared/collectionSettings';
import { fail, type Result } from '../../shared/errors';
import { api } from '../api';
import { openDialog } from '../dialogs/dialog';

const missing = () => fail('INTERNAL', 'Keypost’s bridge to the main process is missing; restart the app.');

export const openCollectionSettings = (collection: string) => openDialog({ kind: 'collectionSettings', collection });
export const getCollectionCaFile = (collection: string): Promise<Result<CollectionCaFile>> => api?.getCollectionCaFile(collection) ?? Promise.resolve(missing());
export const chooseCollectionCaFile = (collection: string): Promise<Result<CollectionCaFile | null>> => api?.chooseCollectionCaFile(collection) ?? Promise.resolve(missing());
export const removeCollectionCaFile = (collection: string): Promise<Result<CollectionCaFile>> => api?.removeCollectionCaFile(collection) ?? Promise.resolve(missing());
