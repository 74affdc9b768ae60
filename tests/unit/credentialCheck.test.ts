// The Check action through the real handler: each outcome told apart in words, against real local servers.
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/api';
import type { CredentialCheck } from '../../shared/credentialCheck';
import type { Result } from '../../shared/errors';
import { startSelfSignedTlsServer, type RunningServer } from '../fixtures/faultyServers';
import { testCore } from '../fixtures/presetStore';
import { jsonDocument } from '../fixtures/sendJson';
import { startTestServer, type TestServer } from '../fixtures/testServer';
import { forgetKeychain } from '../fixtures/keychain';

const FROM_APP = 'app://keypost/index.html';
const service = `Keypost-unit-check-${process.pid}`;
// The user lets the credential go once to each host these checks reach (where it may go is credentialOrigins.test.ts's).
const dispatch = testCore({ keychainService: service, host: { confirmCredentialOrigin: async () => 'once' } }).dispatch;
let server: TestServer;
let tls: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
  tls = await startSelfSignedTlsServer();
  await dispatch(channels.setToken, ['default', 'kp-check-token'], FROM_APP);
});
afterAll(async () => {
  await server.close();
  await tls.close();
  await forgetKeychain(service);
});

async function check(url: string, { credential = 'default', timeoutMs = 5_000 }: { credential?: string; timeoutMs?: number } = {}): Promise<CredentialCheck> {
  const result = (await dispatch(channels.checkCredential, [{ request: jsonDocument({ url, credential }), timeoutMs }], FROM_APP)) as Result<CredentialCheck>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('checkCredential', () => {
  it('sends the token as a GET without a body, and reports it accepted', async () => {
    const outcome = await check(`${server.url}/echo`);
    expect(outcome).toMatchObject({ verdict: 'accepted', status: 200, message: expect.stringContaining('credential “default”') });
    const received = server.received.at(-1)!;
    expect([received.method, received.headers.authorization, received.body]).toEqual(['GET', 'Bearer kp-check-token', '']);
  });

  it.each([
    ['rejected', '/status?code=401', 'does not accept the token'],
    ['forbidden', `/status?code=403&challenge=${encodeURIComponent('Bearer error="insufficient_scope", scope="admin"')}`, 'needs the scope “admin”'],
    ['answered', '/status?code=404', 'cannot tell whether the token is valid'],
  ])('tells %s apart', async (verdict, path, words) => {
    const outcome = await check(`${server.url}${path}`);
    expect(outcome.verdict).toBe(verdict);
    expect(outcome.message).toContain(words);
  });

  it('tells a refused connection, an unknown host, a TLS problem and a timeout apart', async () => {
    expect(await check(`http://127.0.0.1:${await closedPort()}/`)).toMatchObject({ verdict: 'refused', message: expect.stringContaining('refused') });
    expect(await check('https://no-such-host.invalid/')).toMatchObject({ verdict: 'dnsFailure', message: expect.stringContaining('could not be found') });
    expect(await check(`${tls.url}/`)).toMatchObject({ verdict: 'tls', message: expect.stringContaining('certificate') });
    expect(await check(`${server.url}/hang`, { timeoutMs: 300 })).toMatchObject({ verdict: 'timeout' });
  });

  it('says so when there is no token to check', async () => {
    const before = server.received.length;
    expect(await check(`${server.url}/echo`, { credential: 'nothing-stored' })).toMatchObject({ verdict: 'notSent', message: expect.stringContaining('No token is stored') });
    expect(server.received.length).toBe(before);
  });
});
