// A credential goes only where it belongs: its first send binds it to that origin, and a send or Check anywhere else
// waits for the user's answer to main's question, through the real handlers, real local servers and the real keychain.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { credentialOriginSchema, type CredentialInfo } from '../../shared/credentials';
import type { CredentialCheck } from '../../shared/credentialCheck';
import type { Environment } from '../../shared/environments';
import type { Result } from '../../shared/errors';
import type { SendResult } from '../../shared/http';
import { allowedFor, originDialog, type OriginAnswer, type OriginQuestion } from '../../electron/core/credentials/originGate';
import { forgetKeychain } from '../fixtures/keychain';
import { clients, configsFor, startProvider, startResourceServer, type ResourceServer, type TestProvider } from '../fixtures/oidcProvider';
import { testCore } from '../fixtures/presetStore';
import { jsonDocument, sendCall } from '../fixtures/sendJson';
import { startTestServer, type TestServer } from '../fixtures/testServer';

const service = `Keypost-unit-origins-${process.pid}`;
let a: TestServer;
let b: TestServer;
const originOf = (server: { url: string }) => new URL(server.url).origin;

/** The host's question, as a test controls it: the next staged answer (cancel when none), each question recorded. */
const asked: OriginQuestion[] = [];
const answers: OriginAnswer[] = [];
const core = testCore({
  keychainService: service,
  host: {
    confirmCredentialOrigin: async (question) => {
      asked.push(question);
      return answers.shift() ?? 'cancel';
    },
  },
});
const { call } = core;

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
let sends = 0;
const send = (url: string, credential = 'prod') => call<SendResult>('send', sendCall({ requestId: `origins-${++sends}`, url, credential }));
const originsOf = async (name: string) => value(await call<CredentialInfo[]>('listCredentials')).find((credential) => credential.name === name)?.origins;

beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer(), startTestServer()]);
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  await forgetKeychain(service);
});
beforeEach(async () => {
  asked.length = 0;
  answers.length = 0;
  // A fresh credential each test: a deleted one starts unbound.
  value(await call('deleteToken', 'prod'));
  value(await call('setToken', 'prod', 'kp-origin-token'));
});

describe('binding a credential to origins', () => {
  it('binds the credential to the origin of its first send, without asking, in a file of its own', async () => {
    expect(await originsOf('prod')).toBeNull();
    expect(value(await send(`${a.url}/echo`)).status).toBe(200);
    expect(asked).toEqual([]);
    expect(await originsOf('prod')).toEqual([originOf(a)]);
    const file = JSON.parse(readFileSync(path.join(core.dir, 'keypost-credential-origins.json'), 'utf8'));
    expect(file).toEqual({ credentials: { prod: [originOf(a)] } });
    expect(JSON.stringify(file)).not.toContain('kp-origin-token');
  });

  it('asks before another origin, and on cancel sends it nothing and says why in Keypost’s words', async () => {
    value(await send(`${a.url}/echo`));
    const before = b.received.length;
    const sent = await send(`${b.url}/echo`);
    expect(sent).toEqual({
      ok: false,
      error: {
        code: 'ORIGIN_NOT_ALLOWED',
        message: `Not sent: the credential “prod” is allowed for ${originOf(a)} only; you cancelled sending it to ${originOf(b)}.`,
        hint: expect.stringContaining('Credentials → Manage'),
      },
    });
    expect(asked).toEqual([{ credential: 'prod', origin: originOf(b), allowed: [originOf(a)], purpose: 'send' }]);
    expect(b.received).toHaveLength(before);
    expect(await originsOf('prod')).toEqual([originOf(a)]);
  });

  it('sends once without adding the origin, so the next send asks again', async () => {
    value(await send(`${a.url}/echo`));
    answers.push('once');
    expect(value(await send(`${b.url}/echo?once`)).status).toBe(200);
    expect(b.received.at(-1)).toMatchObject({ url: '/echo?once', headers: { authorization: 'Bearer kp-origin-token' } });
    expect(await originsOf('prod')).toEqual([originOf(a)]);
    const before = b.received.length;
    expect(await send(`${b.url}/echo`)).toMatchObject({ ok: false, error: { code: 'ORIGIN_NOT_ALLOWED' } });
    expect(asked).toHaveLength(2);
    expect(b.received).toHaveLength(before);
  });

  it('allows an origin always: added, and never asked about again', async () => {
    value(await send(`${a.url}/echo`));
    answers.push('always');
    expect(value(await send(`${b.url}/echo`)).status).toBe(200);
    expect(await originsOf('prod')).toEqual([originOf(a), originOf(b)]);
    value(await send(`${b.url}/echo`));
    value(await send(`${a.url}/echo`));
    expect(asked).toHaveLength(1);
  });

  it('asks once for sends waiting on the same question, when the answer is to allow always', async () => {
    value(await send(`${a.url}/echo`));
    answers.push('always');
    const both = await Promise.all([send(`${b.url}/echo`), send(`${b.url}/echo`)]);
    expect(both.map((sent) => sent.ok)).toEqual([true, true]);
    expect(asked).toHaveLength(1);
  });

  it('asks about the origin a {{variable}} resolves to, which is where the request goes', async () => {
    value(await send(`${a.url}/echo`));
    const staging: Environment = { id: 'origins-env', name: 'Elsewhere', variables: [{ name: 'base', value: b.url, secret: false, enabled: true }] };
    value(await call('saveEnvironment', staging));
    value(await call('setActiveEnvironment', 'origins-env'));
    const before = b.received.length;
    try {
      expect(await send('{{base}}/echo')).toMatchObject({ ok: false, error: { code: 'ORIGIN_NOT_ALLOWED' } });
      expect(asked).toEqual([expect.objectContaining({ credential: 'prod', origin: originOf(b) })]);
      expect(b.received).toHaveLength(before);
    } finally {
      value(await call('setActiveEnvironment', null));
    }
  });

  it('asks on Check too, and checks nothing when cancelled', async () => {
    value(await send(`${a.url}/echo`));
    const before = b.received.length;
    const check = value(await call<CredentialCheck>('checkCredential', { request: jsonDocument({ url: `${b.url}/echo`, credential: 'prod' }), timeoutMs: 5_000 }));
    expect(check).toEqual({
      verdict: 'notSent',
      message: `Not sent: the credential “prod” is allowed for ${originOf(a)} only; you cancelled sending it to ${originOf(b)}. Try again to be asked again, or allow that origin under Credentials → Manage….`,
    });
    expect(asked).toEqual([expect.objectContaining({ origin: originOf(b) })]);
    expect(b.received).toHaveLength(before);
  });

  it('never follows a redirect to another origin, so no question arises and that origin gets nothing', async () => {
    value(await send(`${a.url}/echo`));
    const before = b.received.length;
    const sent = value(await send(`${a.url}/redirect?status=307&to=${encodeURIComponent(`${b.url}/echo`)}`));
    expect(sent.blockedRedirect).toBe(`${b.url}/echo`);
    expect([asked, b.received.length]).toEqual([[], before]);
  });

  it('sends nothing where no host can ask, and names the credential and the origin', async () => {
    value(await send(`${a.url}/echo`));
    // The same data folder, opened by a host that has no way to ask.
    const { call: unasked } = testCore({ keychainService: service, dir: core.dir });
    const before = b.received.length;
    const sent = await unasked<SendResult>('send', sendCall({ requestId: 'origins-unasked', url: `${b.url}/echo`, credential: 'prod' }));
    expect(sent).toMatchObject({
      ok: false,
      error: { code: 'ORIGIN_NOT_ALLOWED', message: `Not sent: the credential “prod” is allowed for ${originOf(a)} only, and Keypost cannot ask here whether to send it to ${originOf(b)}.` },
    });
    expect(b.received).toHaveLength(before);
  });

  it('sends nothing when the question cannot be shown', async () => {
    value(await send(`${a.url}/echo`));
    const { call: broken } = testCore({
      keychainService: service,
      dir: core.dir,
      host: { confirmCredentialOrigin: () => Promise.reject(new Error('no window')) },
    });
    const before = b.received.length;
    const sent = await broken<SendResult>('send', sendCall({ requestId: 'origins-broken', url: `${b.url}/echo`, credential: 'prod' }));
    expect(sent).toMatchObject({ ok: false, error: { message: expect.stringContaining('Keypost could not ask whether to send it to') } });
    expect(b.received).toHaveLength(before);
  });
});

describe('the origins in the credential manager', () => {
  it('renames a credential with its origins', async () => {
    value(await send(`${a.url}/echo`));
    value(await call('renameCredential', 'prod', 'production'));
    try {
      expect(await originsOf('production')).toEqual([originOf(a)]);
      expect(await originsOf('prod')).toBeUndefined();
      expect(value(await send(`${a.url}/echo`, 'production')).status).toBe(200);
      expect(await send(`${b.url}/echo`, 'production')).toMatchObject({ ok: false, error: { message: expect.stringContaining('“production”') } });
    } finally {
      value(await call('deleteToken', 'production'));
    }
  });

  it('forgets the origins of a deleted credential: a new token under its name is bound by its own first send', async () => {
    value(await send(`${a.url}/echo`));
    value(await call('deleteToken', 'prod'));
    expect(await originsOf('prod')).toBeUndefined();
    value(await call('setToken', 'prod', 'kp-origin-token-2'));
    expect(await originsOf('prod')).toBeNull();
    value(await send(`${b.url}/echo`));
    expect([asked, await originsOf('prod')]).toEqual([[], [originOf(b)]]);
  });

  it('adds an origin only once the user confirms it in main’s dialog, normalised', async () => {
    value(await send(`${a.url}/echo`));
    const typed = `${b.url}/`;
    expect(await call('allowCredentialOrigin', 'prod', typed)).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: `${originOf(b)} was not added: you cancelled allowing the credential “prod” there.` } });
    expect(asked).toEqual([{ credential: 'prod', origin: originOf(b), allowed: [originOf(a)], purpose: 'add' }]);
    answers.push('always');
    expect(value(await call('allowCredentialOrigin', 'prod', typed))).toEqual([originOf(a), originOf(b)]);
    value(await send(`${b.url}/echo`));
    expect(asked).toHaveLength(2);
  });

  it('refuses origins for a credential that does not exist, and arguments that are not origins', async () => {
    expect(await call('allowCredentialOrigin', 'nothing-here', 'https://api.example.com')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('allowCredentialOrigin', 'prod', 'https://api.example.com/v1')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(asked).toEqual([]);
  });

  it('removes an origin without asking; once all are removed every send asks, none binds again', async () => {
    value(await send(`${a.url}/echo`));
    expect(value(await call('removeCredentialOrigin', 'prod', originOf(a)))).toEqual([]);
    expect(await originsOf('prod')).toEqual([]);
    expect(await send(`${a.url}/echo`)).toMatchObject({
      ok: false,
      error: { message: `Not sent: the credential “prod” is allowed for no origin; you cancelled sending it to ${originOf(a)}.` },
    });
    expect(asked).toEqual([{ credential: 'prod', origin: originOf(a), allowed: [], purpose: 'send' }]);
  });
});

describe('an OAuth 2.0 credential', () => {
  let provider: TestProvider;
  let resource: ResourceServer;
  beforeAll(async () => {
    provider = await startProvider();
    resource = await startResourceServer(provider);
  });
  afterAll(async () => {
    await resource?.close();
    await provider?.close();
  });

  it('binds its access token like any other, while its token requests go to its own token URL', async () => {
    const { machine } = configsFor(provider);
    value(await call('saveOAuthCredential', 'oauth-api', machine, { clientSecret: clients.machine.secret }));
    try {
      expect(value(await send(`${resource.url}/me`, 'oauth-api')).status).toBe(200);
      expect(asked).toEqual([]);
      const before = b.received.length;
      expect(await originsOf('oauth-api')).toEqual([originOf(resource)]);
      expect(await send(`${b.url}/echo`, 'oauth-api')).toMatchObject({ ok: false, error: { code: 'ORIGIN_NOT_ALLOWED' } });
      expect(asked).toEqual([expect.objectContaining({ credential: 'oauth-api', origin: originOf(b) })]);
      expect(b.received).toHaveLength(before);
    } finally {
      value(await call('deleteToken', 'oauth-api'));
    }
  });

  it('keeps no token or client secret when its token URL moves to another origin', async () => {
    const { machine } = configsFor(provider);
    value(await call('saveOAuthCredential', 'oauth-moved', machine, { clientSecret: clients.machine.secret }));
    try {
      value(await call('signInOAuth', 'oauth-moved'));
      value(await call('saveOAuthCredential', 'oauth-moved', { ...machine, tokenUrl: `${b.url}/token` }, {}));
      expect(value(await call<{ stored: boolean }>('tokenStatus', 'oauth-moved')).stored).toBe(false);
      const before = b.received.length;
      await call('signInOAuth', 'oauth-moved');
      const secret = Buffer.from(`${clients.machine.id}:${clients.machine.secret}`).toString('base64');
      expect(b.received.slice(before).filter((request) => JSON.stringify(request).includes(secret) || request.body.includes(clients.machine.secret))).toEqual([]);
    } finally {
      value(await call('deleteToken', 'oauth-moved'));
    }
  });
});

describe('what an origin is', () => {
  const issue = (text: string) => {
    const parsed = credentialOriginSchema.safeParse(text);
    return parsed.success ? parsed.data : `! ${parsed.error.issues[0]!.message}`;
  };

  it('normalises an origin as URLs serialise it', () => {
    expect(issue(' HTTPS://API.Example.com:443/ ')).toBe('https://api.example.com');
    expect(issue('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  it.each([
    ['', 'Type an origin'],
    ['api.example.com', 'That is not an origin'],
    ['ftp://files.example.com', 'That is not an origin'],
    ['https://api.example.com/v1', 'leave out the user name, path, query and #fragment (here: https://api.example.com)'],
    ['https://me@api.example.com', 'leave out the user name'],
  ])('refuses “%s” in words', (text, words) => {
    expect(issue(text)).toContain(words);
  });

  it('words the question with the credential, the new origin and the ones allowed, Cancel first in line for Enter and Escape', () => {
    const { options, answerOf } = originDialog({ credential: 'prod', origin: 'https://evil.example', allowed: ['https://api.example.com'], purpose: 'send' });
    expect(options).toMatchObject({ message: 'Send the credential “prod” to https://evil.example?', buttons: ['Send once', 'Allow always', 'Cancel'], defaultId: 2, cancelId: 2 });
    expect(options.detail).toContain('Until now it is allowed for https://api.example.com only.');
    expect([0, 1, 2, 7].map(answerOf)).toEqual(['once', 'always', 'cancel', 'cancel']);
    const adding = originDialog({ credential: 'prod', origin: 'https://b.example', allowed: [], purpose: 'add' });
    expect([adding.options.buttons, adding.answerOf(0), adding.answerOf(1)]).toEqual([['Allow', 'Cancel'], 'always', 'cancel']);
    expect(allowedFor(['a', 'b', 'c', 'd', 'e'])).toBe('is allowed for a, b, c and 2 more only');
  });
});
