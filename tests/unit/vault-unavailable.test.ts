// With no Secret Service reachable (a real fault, not a fake), nothing is sent and the user is told why.
// Vitest runs each file in its own process, so hiding the session bus here affects only this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/api';
import { Secret } from '../../electron/core/credentials/secret';
import { createVault } from '../../electron/core/credentials/vault';
import { startTestServer, type TestServer } from '../fixtures/testServer';
import { sendCall } from '../fixtures/sendJson';
import { testCore } from '../fixtures/presetStore';
import { hideSessionBus } from '../fixtures/keychain';

let server: TestServer;
let showSessionBus: () => void;
beforeAll(async () => {
  showSessionBus = hideSessionBus();
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
  showSessionBus();
});

describe('when the keychain is unavailable', () => {
  const vault = createVault(`Keypost-unit-unavailable-${process.pid}`);

  it('reports KEYCHAIN_UNAVAILABLE on read and write instead of throwing', async () => {
    const read = await vault.get('default');
    expect(read.ok || read.error.code).toBe('KEYCHAIN_UNAVAILABLE');
    const write = await vault.set('default', new Secret('never-stored'));
    expect(write.ok || write.error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringContaining('keychain') });
  });

  it('does not send the request', async () => {
    const dispatch = testCore({ keychainService: `Keypost-unit-unavailable-${process.pid}` }).dispatch;
    const request = sendCall({ requestId: 'r1', url: `${server.url}/echo`, body: '{}', timeoutMs: 2000 });
    const result = await dispatch(channels.send, [request], 'app://keypost/index.html');
    expect(result.ok || result.error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(server.received).toHaveLength(0);
  });
});
