// Environments: {{variables}} resolved in main just before a send; a secret variable's value lives in the keychain
// only (never in the file, never in what the page is shown); an undefined variable stops the send, naming it.
import keytar from 'keytar';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referencedVariables, resolveVariables, valuesOf, variableProblem, type Environment, type EnvironmentsState } from '../../shared/environments';
import type { Result } from '../../shared/errors';
import type { SendResult } from '../../shared/http';
import { blankRequest, type RequestDocument } from '../../shared/request';
import { openEnvironments, testCore } from '../fixtures/presetStore';
import { textsUnder } from '../fixtures/collectionFiles';
import { environmentsService } from '../../electron/core/environments/environments';
import { startTestServer, type TestServer } from '../fixtures/testServer';

const service = `Keypost-unit-env-tokens-${process.pid}`;
// The service main gives secret variables: the credentials' own, with " environments" after it.
const envService = environmentsService(service);
const SECRET = 'kp-env-secret-value-4d1f9a';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  for (const each of [service, envService]) for (const { account } of await keytar.findCredentials(each)) await keytar.deletePassword(each, account);
});

describe('resolveVariables', () => {
  const request: RequestDocument = {
    ...blankRequest(),
    url: '{{ baseUrl }}/orders/{{id}}',
    query: [{ name: 'tenant', value: '{{tenant}}', enabled: true }, { name: '{{flag}}', value: null, enabled: true }],
    headers: [{ name: 'X-Tenant', value: 't-{{tenant}}', enabled: false }],
    body: { kind: 'json', text: '{"tenant":"{{tenant}}"}' },
    auth: { kind: 'basic', credential: 'default', username: '{{user}}' },
  };

  it('finds every reference, in the URL, query, headers (enabled or not), body and credential fields', () => {
    expect(referencedVariables(request).sort()).toEqual(['baseUrl', 'flag', 'id', 'tenant', 'user']);
  });

  it('replaces what is defined and names what is not, leaving those as typed', () => {
    const values = new Map([['baseUrl', 'https://api.example'], ['tenant', 'acme'], ['user', 'zoë'], ['flag', 'verbose']]);
    const { request: resolved, unresolved } = resolveVariables(request, values);
    expect(unresolved).toEqual(['id']);
    expect(resolved.url).toBe('https://api.example/orders/{{id}}');
    expect(resolved.query).toEqual([{ name: 'tenant', value: 'acme', enabled: true }, { name: 'verbose', value: null, enabled: true }]);
    expect(resolved.headers[0]!.value).toBe('t-acme');
    expect(resolved.body).toEqual({ kind: 'json', text: '{"tenant":"acme"}' });
    expect(resolved.auth).toEqual({ kind: 'basic', credential: 'default', username: 'zoë' });
  });
});

describe('values that use other variables', () => {
  const staging: Environment = {
    id: 'staging',
    name: 'Staging',
    variables: [
      { name: 'host', value: 'api.example', secret: false, enabled: true },
      { name: 'baseUrl', value: 'https://{{host}}/v1', secret: false, enabled: true },
      { name: 'loopA', value: '{{loopB}}', secret: false, enabled: true },
      { name: 'loopB', value: 'x{{loopA}}', secret: false, enabled: true },
      { name: 'token', value: '', secret: true, enabled: true },
    ],
  };
  const values = valuesOf(staging);
  const withUrl = (url: string): RequestDocument => ({ ...blankRequest(), url });

  it('expands a value that refers to another variable', () => {
    const resolved = resolveVariables(withUrl('{{baseUrl}}/orders'), values);
    expect([resolved.request.url, resolved.unresolved, resolved.cycle]).toEqual(['https://api.example/v1/orders', [], null]);
  });

  it('reports a loop instead of following it', () => {
    const resolved = resolveVariables(withUrl('{{loopA}}'), values);
    expect(resolved.cycle).toEqual(['loopA', 'loopB', 'loopA']);
    expect(variableProblem(resolved, staging)).toBe('The variable {{loopA}} refers to itself ({{loopA}} → {{loopB}} → {{loopA}}), so it has no value.');
  });

  it('names an undefined variable used inside another one, and a secret with no stored value as such', () => {
    const inner = resolveVariables(withUrl('{{outer}}'), new Map([['outer', 'a{{inner}}']]));
    expect(inner.unresolved).toEqual(['inner']);
    const missing = resolveVariables(withUrl('https://x/?t={{token}}'), values);
    expect(variableProblem(missing, staging)).toBe('The secret variable {{token}} of “Staging” has no value in the keychain.');
    expect(variableProblem(resolveVariables(withUrl('{{nope}}'), values), undefined)).toBe('The variable {{nope}} is not defined in an environment (none is active).');
  });
});

describe('a damaged environments file', () => {
  it('is kept aside byte for byte, the readable environments load, and the user is told where the copy is', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'keypost-env-damaged-'));
    const good = { id: 'ok', name: 'Fine', variables: [] };
    const text = JSON.stringify({ environments: [good, { id: '!!', name: '' }], activeId: 'ok' });
    writeFileSync(path.join(dir, 'keypost-environments.json'), text);
    const state = await openEnvironments(dir, envService).state();
    if (!state.ok) throw new Error(state.error.message);
    expect(state.value.environments).toEqual([good]);
    expect(state.value.damage!.problems).toEqual(['1 environment in the file could not be read and was left out; the others were kept.']);
    expect(readFileSync(state.value.damage!.backupPath!, 'utf8')).toBe(text);

    writeFileSync(path.join(dir, 'keypost-environments.json'), '{"environments": [');
    const unreadable = await openEnvironments(dir, envService).state();
    expect(unreadable.ok && unreadable.value.damage!.problems[0]).toMatch(/not valid JSON/);
  });
});

describe('environments through the real handlers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'keypost-env-test-'));
  const { call, flushed: flushHistory } = testCore({ dir, keychainService: service });
  const value = <T>(result: Result<T>): T => {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  const staging: Environment = {
    id: 'staging',
    name: 'Staging',
    variables: [
      { name: 'baseUrl', value: '', secret: false, enabled: true },
      { name: 'apiToken', value: 'typed-into-the-file-by-mistake', secret: true, enabled: true },
    ],
  };
  const request: RequestDocument = {
    ...blankRequest(),
    method: 'GET',
    url: '{{baseUrl}}/echo',
    query: [{ name: 'key', value: '{{apiToken}}', enabled: true }],
    headers: [{ name: 'X-Token', value: '{{apiToken}}', enabled: true }],
    auth: { kind: 'none' },
  };

  it('sends the resolved request, shows the page the URL with the secret hidden, and keeps the secret out of the file', async () => {
    const env = { ...staging, variables: [{ ...staging.variables[0]!, value: server.url }, staging.variables[1]!] };
    value(await call('saveEnvironment', env));
    value(await call('setEnvironmentSecret', 'staging', 'apiToken', SECRET));
    value(await call('setActiveEnvironment', 'staging'));

    const sent = value(await call<SendResult>('send', { requestId: 'env-1', request, timeoutMs: 5_000 }));
    const received = server.received.at(-1)!;
    expect([received.url, received.headers['x-token']]).toEqual([`/echo?key=${SECRET}`, SECRET]);
    expect(sent.url).toBe(`${server.url}/echo?key=[secret]`);
    expect(JSON.stringify(sent)).not.toContain(SECRET);

    const file = readFileSync(path.join(dir, 'keypost-environments.json'), 'utf8');
    expect(file).toContain(server.url);
    expect(file).not.toContain('typed-into-the-file-by-mistake');
    // Not in any file the app wrote: the environments, the history of this send, the store.
    await flushHistory();
    const written = Object.values(textsUnder(dir));
    expect(written.some((text) => text.includes('{{apiToken}}'))).toBe(true);
    expect(written.filter((text) => text.includes(SECRET))).toEqual([]);
    const state = value(await call<EnvironmentsState>('listEnvironments'));
    expect(state.activeId).toBe('staging');
    expect(state.storedSecrets).toEqual({ staging: ['apiToken'] });
    expect(state.environments[0]!.variables[1]).toEqual({ name: 'apiToken', value: '', secret: true, enabled: true });
  });

  it('stops a send whose variable is not defined, naming it, and sends nothing', async () => {
    const before = server.received.length;
    const result = await call('send', { requestId: 'env-2', request: { ...request, url: '{{baseUrl}}/{{missing}}' }, timeoutMs: 5_000 });
    expect(result.ok || result.error).toMatchObject({ code: 'UNRESOLVED_VARIABLE', message: 'The variable {{missing}} is not defined in the environment “Staging”.' });
    // A secret variable without a stored value is undefined too.
    value(await call('setEnvironmentSecret', 'staging', 'apiToken', null));
    const noSecret = await call('send', { requestId: 'env-3', request, timeoutMs: 5_000 });
    expect(noSecret.ok || noSecret.error.message).toContain('{{apiToken}}');
    expect(server.received.length).toBe(before);
  });

  it('deleting an environment removes its secret values from the keychain', async () => {
    value(await call('setEnvironmentSecret', 'staging', 'apiToken', SECRET));
    expect((await keytar.findCredentials(envService)).map((entry) => entry.account)).toEqual(['staging/apiToken']);
    value(await call('deleteEnvironment', 'staging'));
    expect(await keytar.findCredentials(envService)).toEqual([]);
    expect(value(await call<EnvironmentsState>('listEnvironments'))).toEqual({ environments: [], activeId: null, storedSecrets: {} });
    // The credentials' keychain service never listed them.
    expect((await keytar.findCredentials(service)).some((entry) => entry.account.includes('apiToken'))).toBe(false);
  });
});
