// Navigation, new-window, webview and permission lock-down for every web contents and the session.
// Only Electron types are imported, so tests/unit/hardening.test.ts can check it without the binary.
import type { Session, WebContents } from 'electron';
import { isTrustedSender } from './core/handlers';

type Preventable = { preventDefault(): void };

/** The one permission Keypost uses: writing plain text to the clipboard (Copy value / path / body). */
const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

/** Every navigation the page itself could start; loadURL from main starts none of them. */
const REFUSED_NAVIGATIONS = ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'] as const;

export function hardenWebContents(contents: Pick<WebContents, 'setWindowOpenHandler'> & {
  on(event: (typeof REFUSED_NAVIGATIONS)[number], listener: (event: Preventable) => void): unknown;
}): void {
  // The app is one page: any navigation (a link in a response, a dropped file, a frame, a server redirect) would
  // replace it or load something else beside it; will-navigate alone misses subframes and redirects.
  for (const event of REFUSED_NAVIGATIONS) contents.on(event, (navigation) => navigation.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Refuses camera, microphone, notifications, geolocation, clipboard reading, …; allows only our own page's clipboard writes. */
export function limitPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  trustedOrigin: string,
): void {
  const allowed = (permission: string, origin: string | undefined) => permission === ALLOWED_PERMISSION && isTrustedSender(origin, trustedOrigin);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details?.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
}
