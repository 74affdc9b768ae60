// With no Secret Service reachable (a real fault, not a fake), nothing is sent and the user is told why.
// Vitest runs each file in its own process, so hiding the session bus here affects only this file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/api';
import { Secret } from '../../electron/core/credentials/secret';
import { createVault } from '../../electron/core/credentials/vault';
import { startTestServer, type TestServer } from '../fixtures/testServer';
import { sendCall } from '../fixtures/sendJson';
import { testCore } from '../fixtures/presetStore';

let server: TestServer;
let emptyRuntimeDir: string;
beforeAll(async () => {
  // GDBus (under libsecret) finds the session bus in this order: DBUS_SESSION_BUS_ADDRESS, then
  // $XDG_RUNTIME_DIR/bus (~/.cache/bus when unset), then X11 autolaunch (dbus-launch, only with DISPLAY).
  // On a desktop the second one is the user's own bus, so it points at an empty folder instead.
  // Set before keytar's first call: GLib reads these once per process.
  delete process.env.DBUS_SESSION_BUS_ADDRESS;
  delete process.env.DISPLAY;
  emptyRuntimeDir = mkdtempSync(path.join(tmpdir(), 'keypost-no-bus-'));
  process.env.XDG_RUNTIME_DIR = emptyRuntimeDir;
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
  rmSync(emptyRuntimeDir, { recursive: true, force: true });
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
