// With no Secret Service reachable (a real fault: the session bus hidden, as vault-unavailable.test.ts does), the
// cookie jar has no key: its cookies still serve the session, in memory, the cookie list says so, and no file is written.
// Vitest runs each file in its own process, so hiding the bus here affects only this file.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookieList } from '../../shared/cookies';
import type { Result } from '../../shared/errors';
import type { SendResult } from '../../shared/http';
import type { RequestDocument } from '../../shared/request';
import { cookieRoute, startCookieServer, type CookieServer } from '../fixtures/cookieServer';
import { filesContaining } from '../fixtures/filesContaining';
import { testCore } from '../fixtures/presetStore';
import { hideSessionBus } from '../fixtures/keychain';

let server: CookieServer;
let showSessionBus: () => void;
beforeAll(async () => {
  showSessionBus = hideSessionBus();
  server = await startCookieServer();
});
afterAll(async () => {
  await server?.close();
  showSessionBus();
});

const get = (route: string, change: Partial<RequestDocument> = {}) => cookieRoute(server, route, change);

describe('cookies without a keychain', () => {
  it('serve the session from memory, the list says why, and nothing is written', async () => {
    const app = testCore({ keychainService: `Keypost-unit-cookies-nobus-${process.pid}` });
    try {
      const send = (route: string, requestId: string) => app.call<SendResult>('send', { requestId, request: get(route), timeoutMs: 5_000 });
      await send('/login', 'login');
      const me = await send('/me', 'me');
      expect(me.ok && me.value.status).toBe(200);
      const list = (await app.call<CookieList>('listCookies', 'default')) as Result<CookieList> & { ok: true };
      expect(list.value.cookies.map((cookie) => cookie.name)).toEqual(['session']);
      expect(list.value.storage).toBe(
        'In memory only, until Keypost quits: the OS keychain is unavailable or locked, so the cookies cannot be saved encrypted (they are never written in plain text).',
      );
      await app.flushed();
      expect(existsSync(path.join(app.dir, 'cookies'))).toBe(false);
      expect(await filesContaining(app.dir, server.session)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
