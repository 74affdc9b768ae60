// Navigation, new-window, webview and permission lock-down for every web contents and the session.
// Only Electron types are imported, so tests/unit/hardening.test.ts can check it without the binary.
import type { Session, WebContents } from 'electron';
import { isTrustedSender } from './core/handlers';

type Preventable = { preventDefault(): void };

/** The one permission Keypost uses: writing plain text to the clipboard (Copy value / path / body). */
const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

export function hardenWebContents(contents: Pick<WebContents, 'setWindowOpenHandler'> & {
  on(event: 'will-navigate' | 'will-attach-webview', listener: (event: Preventable) => void): unknown;
}): void {
  // The app is one page: any navigation (a link in a response, a dropped file) would replace it.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
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
