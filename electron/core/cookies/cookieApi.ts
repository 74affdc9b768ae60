// The Cookies dialog's calls: a collection's cookies listed without their values, one value revealed on request, one
// cookie edited or deleted, the jar cleared (cookieJars.ts does the work).
import type { KeypostApi } from '../../../shared/api';
import { ok } from '../../../shared/errors';
import type { CookieJars } from './cookieJars';

type CookieCalls = 'listCookies' | 'revealCookie' | 'editCookie' | 'deleteCookie' | 'clearCookies';

export function createCookieApi({ cookieJars }: { cookieJars: CookieJars }): Pick<KeypostApi, CookieCalls> {
  return {
    listCookies: async (collectionId) => ok(await cookieJars.list(collectionId)),
    revealCookie: (collectionId, ref) => cookieJars.reveal(collectionId, ref),
    editCookie: (collectionId, ref, edit) => cookieJars.edit(collectionId, ref, edit),
    deleteCookie: (collectionId, ref) => cookieJars.remove(collectionId, ref),
    clearCookies: async (collectionId) => ok(await cookieJars.clear(collectionId)),
  };
}
