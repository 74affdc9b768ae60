// The keychain is read once per credential while the app runs; a token replaced or deleted takes effect at once.
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/api';
import { createVault, type Vault } from '../../electron/core/credentials/vault';
import { startTestServer, type TestServer } from '../fixtures/testServer';
import { testCore } from '../fixtures/presetStore';
import { sendCall } from '../fixtures/sendJson';
import { forgetKeychain } from '../fixtures/keychain';

const FROM_APP = 'app://keypost/index.html';
const service = `Keypost-unit-cache-${process.pid}`;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await forgetKeychain(service);
});

/** The real keychain vault of the credentials, with its reads counted (the other services, such as the cookie jars' key, are not counted). */
function countingVault(): { vault: Vault; reads: () => number } {
  const real = createVault(service);
  let reads = 0;
  return {
    vault: { ...real, get: (credential) => ((reads += 1), real.get(credential)) },
    reads: () => reads,
  };
}

describe('the keychain read once per credential', () => {
  it('sends many times on one read, and a replaced or deleted token takes effect at once', async () => {
    const { vault, reads } = countingVault();
    const dispatch = testCore({ keychainService: service, openVault: (name) => (name === service ? vault : createVault(name)) }).dispatch;
    const send = async () => dispatch(channels.send, [sendCall({ url: `${server.url}/echo`, body: '{}' })], FROM_APP);
    await dispatch(channels.setToken, ['default', 'first-token'], FROM_APP);
    for (let i = 0; i < 3; i++) expect((await send()).ok).toBe(true);
    expect(server.received.slice(-3).map((request) => request.headers.authorization)).toEqual(Array(3).fill('Bearer first-token'));
    // setToken put the token in the cache as it stored it: no send read the keychain.
    expect(reads()).toBe(0);

    await dispatch(channels.setToken, ['default', 'second-token'], FROM_APP);
    await send();
    expect(server.received.at(-1)!.headers.authorization).toBe('Bearer second-token');

    await dispatch(channels.deleteToken, ['default'], FROM_APP);
    expect(await send()).toMatchObject({ ok: false, error: { code: 'NO_TOKEN' } });
    expect(reads()).toBe(1);
  });

  it('reads a token stored before the app started once, then serves it from memory', async () => {
    await keytar.setPassword(service, 'earlier', 'stored-before-start');
    const { vault, reads } = countingVault();
    const dispatch = testCore({ keychainService: service, openVault: (name) => (name === service ? vault : createVault(name)) }).dispatch;
    for (let i = 0; i < 2; i++) {
      const sent = await dispatch(channels.send, [sendCall({ url: `${server.url}/echo`, body: '{}', credential: 'earlier' })], FROM_APP);
      expect(sent.ok).toBe(true);
    }
    expect(server.received.at(-1)!.headers.authorization).toBe('Bearer stored-before-start');
    expect(reads()).toBe(1);
  });
});
