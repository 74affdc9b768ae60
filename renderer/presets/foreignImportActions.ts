// Import of another tool's file (OpenAPI, Postman): main reads, converts and keeps it; the page shows the preview,
// then asks main to write it into a collection, following its progress, and lists what arrived.
import type { ForeignImportOutcome, ForeignPreview } from '../../shared/foreignImport';
import type { KeypostError } from '../../shared/errors';
import { api } from '../api';
import { refreshCredentials } from '../credentials/credentialActions';
import { closeDialog, openDialog } from '../dialogs/dialog';
import { refreshEnvironments } from '../environments/environmentActions';
import { inform } from '../notices/notices';
import { libraryStore, nodeToggled, placeRevealed } from './library';
import { folderKey } from './presetTree';
import { refreshPresets } from './presetActions';

export const askForeignImport = () => openDialog({ kind: 'foreignImport' });

/** Main's dialog picks the file: its preview, null when cancelled, or why it cannot be imported. */
export async function readForeignFile(): Promise<ForeignPreview | KeypostError | null> {
  const read = await api!.readForeignFile();
  return read.ok ? read.value : read.error;
}

export async function readForeignUrl(url: string): Promise<ForeignPreview | KeypostError> {
  const read = await api!.readForeignUrl(url);
  return read.ok ? read.value : read.error;
}

/** A preview the user left: main forgets the converted file. */
export const dropForeignImport = (id: string) => void api!.dropForeignImport(id);

/** Writes the import into `collection`, calling `progress` as main goes; once done, the sidebar shows the new folder. */
export async function importForeign(id: string, collection: string, progress: (done: number, total: number) => void): Promise<KeypostError | null> {
  const stop = api!.on('importProgress', (event) => {
    if (event.id === id) progress(event.done, event.total);
  });
  let done;
  try {
    done = await api!.importForeign(id, collection);
  } finally {
    stop();
  }
  if (!done.ok) return done.error;
  closeDialog();
  await Promise.all([refreshPresets(), refreshEnvironments(), refreshCredentials()]);
  // The new folder shown open and selected: its tag folders are what arrived.
  libraryStore.update((library) => nodeToggled(placeRevealed(library, { collection, folder: done.value.folder }), folderKey(collection, done.value.folder), true));
  inform('info', outcomeInWords(done.value), 'foreign-import-done');
  return null;
}

function outcomeInWords({ folder, requests, environment, credentialsAdded, credentialsKept, problems }: ForeignImportOutcome): string {
  const parts = [`Imported ${requests} request${requests === 1 ? '' : 's'} into “${folder}”`];
  if (environment) parts.push(`the environment “${environment}” holds baseUrl`);
  if (credentialsAdded.length > 0) parts.push(`OAuth settings for ${credentialsAdded.map((name) => `“${name}”`).join(', ')}`);
  if (credentialsKept.length > 0) parts.push(`your own ${credentialsKept.map((name) => `“${name}”`).join(', ')} kept as ${credentialsKept.length === 1 ? 'it was' : 'they were'}`);
  return `${parts.join('; ')}.${problems.length > 0 ? ` ${problems.join(' ')}` : ''}`;
}
