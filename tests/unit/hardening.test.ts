// Navigation, new windows, webviews and permission requests are refused. Electron's WebContents and
// Session cannot exist without the binary, so they are stood in for by the smallest objects with the same calls.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { hardenWebContents, limitPermissions } from '../../electron/hardening';

describe('hardenWebContents', () => {
  const contents = Object.assign(new EventEmitter(), {
    windowOpenHandler: undefined as undefined | ((details: unknown) => unknown),
    setWindowOpenHandler(handler: (details: unknown) => unknown) {
      this.windowOpenHandler = handler;
    },
  });
  hardenWebContents(contents as never);

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    const event = { preventDefault: vi.fn() };
    contents.emit(name, event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open and target=_blank links', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('limitPermissions', () => {
  type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
  type CheckHandler = (contents: unknown, permission: string, origin: string) => boolean;
  let request: RequestHandler | undefined;
  let check: CheckHandler | undefined;
  limitPermissions(
    {
      setPermissionRequestHandler: (handler: RequestHandler) => (request = handler),
      setPermissionCheckHandler: (handler: CheckHandler) => (check = handler),
    } as never,
    'app://keypost',
  );
  const granted = (permission: string, url: string) => {
    const callback = vi.fn();
    request!(null, permission, callback, { requestingUrl: url });
    return callback.mock.calls[0]![0] as boolean;
  };

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'midi', 'fullscreen'])('refuses %s', (permission) => {
    expect(granted(permission, 'app://keypost/index.html')).toBe(false);
    expect(check!(null, permission, 'app://keypost')).toBe(false);
  });

  it('lets only the app page write plain text to the clipboard', () => {
    expect(granted('clipboard-sanitized-write', 'app://keypost/index.html')).toBe(true);
    expect(check!(null, 'clipboard-sanitized-write', 'app://keypost')).toBe(true);
    expect(granted('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(check!(null, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });
});
