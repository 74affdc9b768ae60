// The IPC dispatch: sender check, channel lookup, argument validation, and the send path with the real keychain.
import { SignJWT } from 'jose';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/api';
import type { SendResult } from '../../shared/http';
import { isTrustedSender } from '../../electron/core/handlers';
import { startTestServer, type TestServer } from '../fixtures/testServer';
import { testCore } from '../fixtures/presetStore';
import { sendCall } from '../fixtures/sendJson';
import { forgetKeychain } from '../fixtures/keychain';

const ORIGIN = 'app://keypost';
const FROM_APP = 'app://keypost/index.html';
const service = `Keypost-unit-handlers-${process.pid}`;
const dispatch = testCore({ keychainService: service }).dispatch;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await forgetKeychain(service);
});

const sendArgs = (extra: Parameters<typeof sendCall>[0] | object = {}) =>
  // Collected before beforeAll runs (it.each), so fall back to a placeholder that is never contacted.
  sendCall({ url: `${server?.url ?? 'http://127.0.0.1:9'}/echo`, body: '{"x":1}', ...extra });
const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code);

describe('isTrustedSender', () => {
  it('accepts only the app origin', () => {
    expect(isTrustedSender(FROM_APP, ORIGIN)).toBe(true);
    expect(isTrustedSender('app://keypost/deep/page.html#x', ORIGIN)).toBe(true);
    expect(isTrustedSender('app://evil/index.html', ORIGIN)).toBe(false);
    expect(isTrustedSender('https://keypost/index.html', ORIGIN)).toBe(false);
    expect(isTrustedSender('file:///index.html', ORIGIN)).toBe(false);
    expect(isTrustedSender(undefined, ORIGIN)).toBe(false);
    expect(isTrustedSender('::::', ORIGIN)).toBe(false);
  });
});

describe('dispatch', () => {
  it('refuses calls from another origin before looking at them', async () => {
    expect(codeOf(await dispatch(channels.tokenStatus, ['default'], 'https://evil.example/'))).toBe('FORBIDDEN_SENDER');
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    expect(codeOf(await dispatch('keypost:format-disk', [], FROM_APP))).toBe('UNKNOWN_CHANNEL');
  });

  it.each([
    ['no arguments', []],
    ['a string instead of an object', ['https://example.com']],
    ['an unknown field', [{ ...sendArgs(), extra: true }]],
    ['a method fetch cannot send', [sendArgs({ method: 'TRACE' })]],
    ['a method with a space', [sendArgs({ method: 'GET X' })]],
    ['an unknown field in the request (a token, say)', [{ ...sendArgs(), request: { ...sendArgs().request, token: 'x' } }]],
    ['a negative timeout', [{ ...sendArgs(), timeoutMs: -1 }]],
    ['a credential name with a slash', [sendArgs({ credential: '../etc' })]],
    ['too many arguments', [sendArgs(), 'extra']],
    ['a body size limit of 4 GB (main would hold it in memory)', [{ ...sendArgs(), maxBodyBytes: 4 * 1024 ** 3 }]],
  ])('rejects send with %s as INVALID_ARGUMENT', async (_label, args) => {
    expect(codeOf(await dispatch(channels.send, args as unknown[], FROM_APP))).toBe('INVALID_ARGUMENT');
  });

  it('never echoes argument values in validation messages', async () => {
    const result = await dispatch(channels.setToken, ['default', 'x'.repeat(20_000)], FROM_APP);
    expect(codeOf(result)).toBe('INVALID_ARGUMENT');
    expect(JSON.stringify(result)).not.toContain('x'.repeat(50));
  });

  it('says NO_TOKEN when none is stored, and sends nothing', async () => {
    const before = server.received.length;
    expect(codeOf(await dispatch(channels.send, [sendArgs({ credential: 'empty' })], FROM_APP))).toBe('NO_TOKEN');
    expect(server.received.length).toBe(before);
  });

  it('refuses a token with a line break (header injection)', async () => {
    expect(codeOf(await dispatch(channels.setToken, ['default', 'abc\r\nX-Admin: 1'], FROM_APP))).toBe('HEADER_INJECTION');
  });

  it('stores a token, reports it stored, and sends it from the keychain', async () => {
    expect(await dispatch(channels.setToken, ['default', 'tok-handlers-1'], FROM_APP)).toEqual({ ok: true, value: undefined });
    expect(await dispatch(channels.tokenStatus, ['default'], FROM_APP)).toEqual({ ok: true, value: { stored: true, facts: { kind: 'opaque' } } });
    expect(await keytar.getPassword(service, 'default')).toBe('tok-handlers-1');

    const result = await dispatch(channels.send, [sendArgs()], FROM_APP);
    expect(codeOf(result)).toBe('ok');
    expect(server.received.at(-1)!.headers.authorization).toBe('Bearer tok-handlers-1');
    expect(await dispatch(channels.revealToken, ['default'], FROM_APP)).toEqual({ ok: true, value: 'tok-handlers-1' });
  });

  it('refuses invalid JSON and bad URLs in main too (the renderer is not trusted)', async () => {
    await dispatch(channels.setToken, ['default', 'tok'], FROM_APP);
    const before = server.received.length;
    expect(codeOf(await dispatch(channels.send, [sendArgs({ body: '{oops' })], FROM_APP))).toBe('INVALID_JSON');
    expect(codeOf(await dispatch(channels.send, [sendArgs({ url: 'file:///etc/passwd' })], FROM_APP))).toBe('UNSUPPORTED_SCHEME');
    expect(server.received.length).toBe(before);
  });

  it('cancels an in-flight request by id', async () => {
    await dispatch(channels.setToken, ['default', 'tok'], FROM_APP);
    // The server says when the request has arrived, and holds its answer: the Cancel below finds it in flight.
    const held = server.hold('cancel-in-flight');
    const pending = dispatch(channels.send, [sendArgs({ requestId: 'slow', url: `${server.url}/echo?hold=cancel-in-flight` })], FROM_APP);
    await held.reached;
    expect(await dispatch(channels.cancel, ['slow'], FROM_APP)).toEqual({ ok: true, value: true });
    // Then the server answers: a Cancel that did not stop the request would get this 200.
    held.release();
    expect(codeOf(await pending)).toBe('CANCELLED');
    expect(await dispatch(channels.cancel, ['slow'], FROM_APP)).toEqual({ ok: true, value: false });
  });

  it('a Cancel that arrives while main is still reading the token from the keychain stops the request', async () => {
    await dispatch(channels.setToken, ['default', 'tok'], FROM_APP);
    const before = server.received.length;
    // Not awaited: the cancel is dispatched while send waits for the keychain, as a quick click does.
    const pending = dispatch(channels.send, [sendArgs({ requestId: 'early', url: `${server.url}/hang` })], FROM_APP);
    expect(await dispatch(channels.cancel, ['early'], FROM_APP)).toEqual({ ok: true, value: true });
    expect(codeOf(await pending)).toBe('CANCELLED');
    expect(server.received.length).toBe(before);
  });

  it('says a refused JWT has expired when the token says so, though the server gives no reason', async () => {
    const key = new TextEncoder().encode('a-test-signing-key-of-32-bytes!!');
    const expired = await new SignJWT({ sub: 'ada' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(Math.floor(Date.now() / 1000) - 3600).sign(key);
    await dispatch(channels.setToken, ['default', expired], FROM_APP);
    const refused = await dispatch(channels.send, [sendArgs({ url: `${server.url}/status?code=401&challenge=none` })], FROM_APP);
    expect(refused).toMatchObject({ ok: true, value: { status: 401, authFailure: { likely: 'expired' } } });
    expect((refused as { value: SendResult }).value.authFailure!.message).toContain('has expired');
    // A 200 with the same token carries no explanation.
    const accepted = await dispatch(channels.send, [sendArgs()], FROM_APP);
    expect(accepted).toMatchObject({ ok: true, value: { status: 200 } });
    expect((accepted as { value: SendResult }).value.authFailure).toBeUndefined();
  });
});
