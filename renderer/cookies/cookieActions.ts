// The Cookies dialog's calls to main: a collection's cookies (no values), one value revealed when asked, an edit, a
// delete, clearing the jar. Each answers a Result; the dialog shows a failure in its own words.
import type { CookieEdit, CookieList, CookieRef } from '../../shared/cookies';
import { fail, type Result } from '../../shared/errors';
import { api } from '../api';
import { openDialog } from '../dialogs/dialog';

const missing = () => fail('INTERNAL', 'Keypost’s bridge to the main process is missing; restart the app.');

export const openCookies = (collection: string) => openDialog({ kind: 'cookies', collection });
export const listCookies = (collection: string): Promise<Result<CookieList>> => api?.listCookies(collection) ?? Promise.resolve(missing());
export const revealCookie = (collection: string, cookie: CookieRef): Promise<Result<string>> => api?.revealCookie(collection, cookie) ?? Promise.resolve(missing());
export const editCookie = (collection: string, cookie: CookieRef, edit: CookieEdit): Promise<Result<void>> =>
  api?.editCookie(collection, cookie, edit) ?? Promise.resolve(missing());
export const deleteCookie = (collection: string, cookie: CookieRef): Promise<Result<boolean>> => api?.deleteCookie(collection, cookie) ?? Promise.resolve(missing());
export const clearCookies = (collection: string): Promise<Result<void>> => api?.clearCookies(collection) ?? Promise.resolve(missing());
