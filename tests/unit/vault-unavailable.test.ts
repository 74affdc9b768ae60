// With no Secret Service reachable (a real fault, not a fake), nothing is sent and the user is told why.
// Vitest runs each file in its own process, so removing the bus address here affects only this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/api';
import { createDispatch } from '../../electron/core/handlers';
import { Secret } from '../../electron/core/secret';
import { createVault } from '../../electron/core/vault';
import { startTestServer, type TestServer } from '../fixtures/testServer';
import { presetDeps } from '../fixtures/presetStore';

let server: TestServer;
beforeAll(async () => {
  delete process.env.DBUS_SESSION_BUS_ADDRESS;
  delete process.env.DISPLAY;
  server = await startTestServer();
});
afterAll(() => server.close());

describe('when the keychain is unavailable', () => {
  const vault = createVault(`Keypost-unit-unavailable-${process.pid}`);

  it('reports KEYCHAIN_UNAVAILABLE on read and write instead of throwing', async () => {
    const read = await vault.get('default');
    expect(read.ok || read.error.code).toBe('KEYCHAIN_UNAVAILABLE');
    const write = await vault.set('default', new Secret('never-stored'));
    expect(write.ok || write.error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringContaining('keychain') });
  });

  it('does not send the request', async () => {
    const dispatch = createDispatch({ vault, trustedOrigin: 'app://keypost', emit: () => {}, ...presetDeps() });
    const request = { requestId: 'r1', url: `${server.url}/echo`, method: 'POST', body: '{}', credential: 'default', timeoutMs: 2000 };
    const result = await dispatch(channels.send, [request], 'app://keypost/index.html');
    expect(result.ok || result.error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(server.received).toHaveLength(0);
  });
});
