// Every error and notice an action reports, in one list the NoticeHost shows: errors, confirmations, a file that could
// not be read completely, what a cURL import left out. A tab's own send error stays on its tab (workspace.ts): it is
// that request's outcome, shown with it. Pure functions, tested in Node; the store and its two doors below.
import type { KeypostError } from '../../shared/errors';
import type { Preset } from '../../shared/presets';
import type { StoreDamage } from '../../shared/storeFile';
import type { CurlImportReport } from '../curl/CurlUnmappedNotice';
import { createStore } from '../state/store';

export type Notice =
  /** The last action that failed (one at a time: a newer failure replaces it). */
  | { id: 'error'; kind: 'error'; error: KeypostError }
  /** Something done or to know, under its own id so the same kind replaces itself ('info' for a confirmation). */
  | { id: string; kind: 'info'; text: string; testId?: string }
  /** A file that did not read completely at start: what was lost and where its original bytes are. */
  | { id: string; kind: 'damage'; damage: StoreDamage; file: 'presets' | 'open tabs' | 'environments'; testId: string }
  | { id: 'curl'; kind: 'curl'; report: CurlImportReport }
  /** A preset just deleted, with an Undo for a few seconds. */
  | { id: 'undo'; kind: 'undo'; preset: Preset };

/** Shown after the others; one of the same id is replaced, in place. */
export function noticeShown(notices: readonly Notice[], notice: Notice): Notice[] {
  const at = notices.findIndex((shown) => shown.id === notice.id);
  return at === -1 ? [...notices, notice] : notices.map((shown, index) => (index === at ? notice : shown));
}

export const noticeDismissed = (notices: readonly Notice[], id: string): readonly Notice[] =>
  notices.some((shown) => shown.id === id) ? notices.filter((shown) => shown.id !== id) : notices;

export const noticesStore = createStore<readonly Notice[]>([]);

/** An action's failure, in the words main or the page's checks gave it. */
export const reportError = (error: KeypostError) => noticesStore.update((notices) => noticeShown(notices, { id: 'error', kind: 'error', error }));

export const inform = (id: string, text: string, testId?: string) =>
  noticesStore.update((notices) => noticeShown(notices, { id, kind: 'info', text, ...(testId ? { testId } : {}) }));

export const dismissNotice = (id: string) => noticesStore.update((notices) => noticeDismissed(notices, id));
