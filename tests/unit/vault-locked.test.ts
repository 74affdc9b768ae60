// A locked keychain (a real GNOME Keyring, locked over D-Bus) gives a clear error and sends nothing.
// This file starts its own D-Bus session and keyring, so locking it cannot disturb other test files.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../electron/core/credentials/secret';
import { createVault } from '../../electron/core/credentials/vault';
import { startTestServer, type TestServer } from '../fixtures/testServer';
import { testCore } from '../fixtures/presetStore';
import { sendCall } from '../fixtures/sendJson';

let server: TestServer;
let busPid: number;
const service = `Keypost-unit-locked-${process.pid}`;
const vault = createVault(service);

beforeAll(async () => {
  const [address, pid] = execFileSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  busPid = Number(pid);
  // Set before keytar first talks to D-Bus: libsecret reads the address from the environment.
  process.env.DBUS_SESSION_BUS_ADDRESS = address!;
  process.env.XDG_DATA_HOME = mkdtempSync(path.join(tmpdir(), 'keypost-locked-keyring-'));
  spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], { input: 'pw', env: process.env });
  // The daemon claims org.freedesktop.secrets a moment after --unlock returns (later still on a busy machine, as in
  // the full suite): wait for it as scripts/with-keychain.sh does, or the first write finds no keyring.
  const ownsSecrets = () =>
    spawnSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'], {
      encoding: 'utf8',
      env: process.env,
    }).stdout.includes('boolean true');
  for (const deadline = Date.now() + 10_000; !ownsSecrets(); ) {
    if (Date.now() > deadline) throw new Error('The test keyring did not start: nothing owns org.freedesktop.secrets on its bus after 10 s.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect((await vault.set('default', new Secret('stored-before-lock'))).ok).toBe(true);
  execFileSync('gdbus', [
    'call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets',
    '--method', 'org.freedesktop.Secret.Service.Lock', "['/org/freedesktop/secrets/collection/login']",
  ]);
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
  if (busPid) process.kill(busPid);
});

describe('when the keychain is locked', () => {
  it('reports KEYCHAIN_UNAVAILABLE instead of pretending no token is stored', async () => {
    const read = await vault.get('default');
    expect(read.ok || read.error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', hint: expect.stringContaining('locked') });
  });

  it('does not send the request', async () => {
    const request = sendCall({ requestId: 'r1', url: `${server.url}/echo`, body: '{}', timeoutMs: 2000 });
    const result = await testCore({ keychainService: service }).call('send', request);
    expect(result.ok || result.error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(server.received).toHaveLength(0);
  });
});
