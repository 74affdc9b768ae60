// The one dialog open at a time, as plain data: which it is and what it needs. DialogHost.tsx renders it; actions open
// and close it.
import type { ImportPreview } from '../../shared/transfer';
import { createStore } from '../state/store';

export type Dialog =
  | { kind: 'closeTab'; tabId: string }
  | { kind: 'savePreset'; tabId: string; initialName: string }
  /** A save found the preset's file changed outside Keypost since the tab opened it. */
  | { kind: 'changedOnDisk'; tabId: string }
  | { kind: 'import'; preview: ImportPreview }
  | { kind: 'credentials' }
  | { kind: 'settings' }
  | { kind: 'environments' }
  | { kind: 'about' }
  | { kind: 'shortcuts' }
  | { kind: 'curlImport' }
  | { kind: 'code' };

export const dialogStore = createStore<Dialog | null>(null);

export const openDialog = (dialog: Dialog) => dialogStore.update(() => dialog);
export const closeDialog = () => dialogStore.update(() => null);
