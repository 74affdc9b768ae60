// The body size limit: the temp file an over-limit body goes to (named so opening it is safe), opening it, and the
// user setting that sets the limit. Real local server, real keychain, real store files in temp dirs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendResult } from '../../shared/http';
import type { Result } from '../../shared/errors';
import { rendererSettingsPatchSchema } from '../../shared/settings';
import { STORE_NAME } from '../../electron/core/collections/presetStoreFile';
import { discardBody, removeSpooledBodies, type ReceivedBody } from '../../electron/core/body/responseBody';
import { Secret } from '../../electron/core/credentials/secret';
import { sendCall, sendJson } from '../fixtures/sendJson';
import { openSettings, testCore } from '../fixtures/presetStore';
import { itemsJson, startTestServer, type TestServer } from '../fixtures/testServer';
import { forgetKeychain } from '../fixtures/keychain';

const service = `Keypost-unit-body-limit-${process.pid}`;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  removeSpooledBodies();
  await server.close();
  await forgetKeychain(service);
});

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const codeOf = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);
const exists = (file: string) => access(file).then(() => true, () => false);

describe('the temp file of a body over the limit', () => {
  it.each([
    ['application/json; charset=utf-8', 'response-body.json'],
    ['text/html', 'response-body.txt'],
    ['image/svg+xml', 'response-body.txt'],
    ['application/xml', 'response-body.txt'],
    ['image/png', 'response-body.png'],
    ['image/jpeg', 'response-body.jpg'],
    ['application/octet-stream', 'response-body.bin'],
    ['', 'response-body.bin'],
  ])('is named for %j as %s (never .html or .svg, which a browser would run)', async (type, name) => {
    let received: ReceivedBody | undefined;
    const result = await sendJson({
      url: new URL(`/typed?type=${encodeURIComponent(type)}&bytes=4000`, server.url),
      method: 'GET',
      body: '',
      token: new Secret('kp-unit-token-limit'),
      timeoutMs: 10_000,
      maxBodyBytes: 1000,
      onBody: (body) => (received = body),
    });
    try {
      const savedFile = value(result).savedFile!;
      expect(path.basename(savedFile.path)).toBe(name);
      expect((await stat(savedFile.path)).size).toBe(4000);
    } finally {
      if (received) await discardBody(received);
    }
  });
});

describe('opening a body', () => {
  /** The app core with a stand-in for the OS "open": it records paths and answers what the test sets. */
  function core(answer: (file: string) => Promise<string> = async () => '') {
    const opened: string[] = [];
    const { call } = testCore({
      keychainService: service,
      host: {
        openPath: (file) => {
          opened.push(file);
          return answer(file);
        },
      },
    });
    const send = async (requestId: string, route: string, maxBodyBytes?: number) => {
      value(await call('setToken', 'default', 'kp-unit-token-open'));
      const request = sendCall({ requestId, url: `${server.url}${route}`, method: 'GET', body: '', timeoutMs: 10_000, maxBodyBytes });
      return value(await call<SendResult>('send', request));
    };
    return { call, send, opened };
  }

  it('opens a body that went to a temp file, at the path main chose, named .json for JSON', async () => {
    const { call, send, opened } = core();
    const result = await send('big', '/items?bytes=2000000', 1_000_000);
    const file = result.savedFile!.path;
    expect(value(await call('openBody', 'big'))).toBe(true);
    expect(opened).toEqual([file]);
    expect(file.endsWith('.json')).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(itemsJson(2_000_000));
  });

  it('refuses to open a body kept in memory, and opens nothing', async () => {
    const { call, send, opened } = core();
    const result = await send('small', '/doc');
    expect(result.savedFile).toBeUndefined();
    const answer = await call('openBody', 'small');
    expect(codeOf(answer)).toBe('INVALID_ARGUMENT');
    expect(!answer.ok && answer.error.message).toContain('over the size limit');
    expect(codeOf(await call('openBody', 'never-sent'))).toBe('INVALID_ARGUMENT');
    expect(opened).toEqual([]);
  });

  it('passes on why the system could not open the file', async () => {
    const { call, send } = core(async () => 'No application knows how to open this file.');
    await send('big', '/items?bytes=1500000', 1_000_000);
    const answer = await call('openBody', 'big');
    expect(codeOf(answer)).toBe('FILE_ERROR');
    expect(!answer.ok && answer.error.message).toContain('No application knows how to open this file.');

    const throwing = core(async () => {
      throw new Error('spawn xdg-open ENOENT');
    });
    await throwing.send('big', '/items?bytes=1500000', 1_000_000);
    const thrown = await throwing.call('openBody', 'big');
    expect(codeOf(thrown)).toBe('FILE_ERROR');
    expect(!thrown.ok && thrown.error.message).toContain('spawn xdg-open ENOENT');
  });

  it('drops the temp file when newer bodies replace it, and then refuses to open it', async () => {
    const { call, send, opened } = core();
    const first = await send('first', '/items?bytes=1500000', 1_000_000);
    // Main keeps the last few bodies (a few tabs' worth): six newer ones push the first out.
    for (const name of ['2', '3', '4', '5', '6', '7']) await send(name, '/doc');
    await expect.poll(() => exists(first.savedFile!.path)).toBe(false);
    expect(codeOf(await call('openBody', 'first'))).toBe('INVALID_ARGUMENT');
    expect(opened).toEqual([]);
  });
});

describe('the body size setting', () => {
  const tempDir = () => mkdtempSync(path.join(tmpdir(), 'keypost-limit-test-'));
  const storeFile = (dir: string) => path.join(dir, `${STORE_NAME}.json`);
  function settingsCalls(dir: string) {
    const { call } = testCore({ dir, keychainService: service });
    return (name: 'getSettings' | 'updateSettings', ...args: unknown[]) => call<{ bodyLimitMb: number }>(name, ...args);
  }

  it('is 100 MB by default, saved by the page, and still set after a restart', async () => {
    const dir = tempDir();
    const call = settingsCalls(dir);
    expect(value(await call('getSettings')).bodyLimitMb).toBe(100);
    expect(value(await call('updateSettings', { bodyLimitMb: 250 })).bodyLimitMb).toBe(250);
    expect(value(await call('getSettings')).bodyLimitMb).toBe(250);
    expect(value(await settingsCalls(dir)('getSettings')).bodyLimitMb).toBe(250);
  });

  it('loads settings written before the setting existed with the default, and nothing to repair', () => {
    const dir = tempDir();
    writeFileSync(
      storeFile(dir),
      JSON.stringify({ schemaVersion: 2, presets: [], settings: { lastPresetId: null, selectedCredential: 'staging', windowBounds: null } }),
    );
    const settings = openSettings(dir);
    expect(settings.get()).toMatchObject({ selectedCredential: 'staging', bodyLimitMb: 100 });
    expect(settings.problems()).toEqual([]);

    const v1 = tempDir();
    writeFileSync(storeFile(v1), JSON.stringify({ schemaVersion: 1, presets: [], lastPresetId: null }));
    expect(openSettings(v1).get().bodyLimitMb).toBe(100);
  });

  it('resets a hand-edited value out of range to the default and says so', () => {
    const dir = tempDir();
    writeFileSync(storeFile(dir), JSON.stringify({ schemaVersion: 2, presets: [], settings: { selectedCredential: 'staging', bodyLimitMb: 5000 } }));
    const settings = openSettings(dir);
    expect(settings.get()).toMatchObject({ selectedCredential: 'staging', bodyLimitMb: 100 });
    expect(settings.problems().join(' ')).toContain('bodyLimitMb');
  });

  it('refuses values outside 1–1024 whole MB, and keeps the saved one', async () => {
    const call = settingsCalls(tempDir());
    value(await call('updateSettings', { bodyLimitMb: 64 }));
    for (const bad of [0, -1, 1025, 5000, 1.5, Number.NaN, '100', '', null]) {
      expect(codeOf(await call('updateSettings', { bodyLimitMb: bad })), String(bad)).toBe('INVALID_ARGUMENT');
      expect(rendererSettingsPatchSchema.safeParse({ bodyLimitMb: bad }).success, String(bad)).toBe(false);
    }
    expect(value(await call('getSettings')).bodyLimitMb).toBe(64);
    expect(value(await call('updateSettings', { bodyLimitMb: 1 })).bodyLimitMb).toBe(1);
    expect(value(await call('updateSettings', { bodyLimitMb: 1024 })).bodyLimitMb).toBe(1024);
  });
});
