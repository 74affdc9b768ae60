// `keypost run` as a user runs it: the built command (npm run build, or build:cli) as a subprocess, over a collection
// written as files in a temp folder, against the local test server. Exit codes, the lines it prints, what the server
// received, and a token that goes on the wire but never on the screen.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDocument } from '../../shared/request';
import { clients, RESOURCE_SCOPE, startProvider, startResourceServer, type ResourceServer, type TestProvider } from '../fixtures/oidcProvider';
import { startTestServer, type TestServer } from '../fixtures/testServer';
import { keypostRun, requestFolder } from '../fixtures/keypostRun';
import { PROXY_SOURCE_ADDRESS, startProxy, startTarget } from '../fixtures/proxyServers';

const root = path.resolve(import.meta.dirname, '../..');
const node = path.join(root, 'node_modules/.bin/node');
const bin = path.join(root, 'bin/keypost.mjs');
const TOKEN = 'cli-test-token-7f3a9c';

const JUNIT_SCHEMA = path.join(root, 'tests/fixtures/junit/jenkins-junit.xsd');

let server: TestServer;
let folder: string;
/** The app's data folder the runs read (KEYPOST_USER_DATA_DIR): empty unless a test writes the app's files there. */
let dataDir: string;

beforeAll(async () => {
  server = await startTestServer();
  dataDir = mkdtempSync(path.join(tmpdir(), 'keypost-cli-data-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});
afterEach(() => {
  server.received.length = 0;
  rmSync(folder, { recursive: true, force: true });
  for (const file of readdirSync(dataDir)) rmSync(path.join(dataDir, file));
});

/** `keypost run …args` reading this test's data folder, with these environment variables (no KEYPOST_TOKEN unless given). */
const keypost = (args: string[], env: Record<string, string> = {}) => keypostRun(args, { KEYPOST_USER_DATA_DIR: dataDir, ...env });

const get = (url: string, auth: RequestDocument['auth'] = { kind: 'none' }): RequestDocument => ({
  method: 'GET',
  url,
  query: [],
  headers: [],
  body: { kind: 'none' },
  auth,
  options: {},
});

/** A collection folder (tests/fixtures/keypostRun.ts), removed after the test. */
const collection = (...args: Parameters<typeof requestFolder>) => (folder = requestFolder(...args));

describe('keypost run', () => {
  it('sends every request in the sidebar order with {{variables}} from --env and the token from KEYPOST_TOKEN, and exits 0', async () => {
    const bearer = { kind: 'bearer', credential: 'default' } as const;
    const dir = collection(
      {
        'b list.request.yaml': { name: 'List', request: get('{{base}}/echo?n=3', bearer) },
        'a first.request.yaml': { name: 'Ask', request: get('{{base}}/echo?n=2', bearer) },
        'users/one.request.yaml': { name: 'One user', request: get('{{base}}/echo?n=1', bearer) },
      },
      { Local: { base: server.url }, Staging: { base: 'https://staging.invalid' } },
    );
    const run = await keypost([dir, '--env', 'local'], { KEYPOST_TOKEN: TOKEN });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^✓ GET One user {2}200 OK {2}\d+ ms {2}\d+ B$/),
      expect.stringMatching(/^✓ GET Ask {2}200 OK/),
      expect.stringMatching(/^✓ GET List {2}200 OK/),
      expect.stringMatching(/^3 requests: 3 passed, 0 failed in \d+ ms$/),
    ]);
    // Folders first, then by name; the token on the wire, never on the screen.
    expect(server.received.map((request) => request.url)).toEqual(['/echo?n=1', '/echo?n=2', '/echo?n=3']);
    expect(server.received.map((request) => request.headers.authorization)).toEqual(Array(3).fill(`Bearer ${TOKEN}`));
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('exits 1 when a request answers 500, and with --bail sends nothing after it', async () => {
    const dir = collection({
      '1.request.yaml': { name: 'Create', request: get(`${server.url}/status?code=500`) },
      '2.request.yaml': { name: 'Read', request: get(`${server.url}/echo?after`) },
    });
    const all = await keypost([dir]);
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/^✗ GET Create {2}500 Internal Server Error/m);
    expect(all.stdout).toMatch(/^✓ GET Read {2}200 OK/m);
    expect(all.stdout).toMatch(/^2 requests: 1 passed, 1 failed/m);
    server.received.length = 0;

    const bailed = await keypost([dir, '--bail']);
    expect(bailed.code).toBe(1);
    expect(bailed.stdout).not.toContain('Read');
    expect(bailed.stdout).toMatch(/^2 requests: 0 passed, 1 failed, 1 not run \(--bail\)/m);
    expect(server.received.map((request) => request.url)).toEqual(['/status?code=500']);
  });

  it('fails a request whose credential has no token, in the app\'s words, naming the variable to set', async () => {
    const dir = collection({ 'x.request.yaml': { name: 'Needs a token', request: get(`${server.url}/echo`, { kind: 'bearer', credential: 'staging' }) } });
    const run = await keypost([dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ GET Needs a token  not answered');
    expect(run.stdout).toContain('No token is stored yet. Set KEYPOST_TOKEN_STAGING to the token of the credential “staging”');
    expect(run.stdout).toContain('KEYPOST_TOKEN_STAGING');
    expect(server.received).toEqual([]);
  });

  it('never sends a credential to a second origin in one run, naming the credential and the origin', async () => {
    const other = server.url.replace('127.0.0.1', 'localhost');
    const bearer = { kind: 'bearer', credential: 'default' } as const;
    const dir = collection({
      'a.request.yaml': { name: 'A here', request: get(`${server.url}/echo`, bearer) },
      'b.request.yaml': { name: 'B elsewhere', request: get(`${other}/echo`, bearer) },
    });
    const run = await keypost([dir], { KEYPOST_TOKEN: TOKEN });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`the credential “default” is allowed for ${server.url} only`);
    expect(run.stdout).toContain(new URL(other).origin);
    expect(server.received).toHaveLength(1);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it('exits 2, saying what and where, for a missing folder, an unreadable request file and an unknown --env', async () => {
    const missing = await keypost([path.join(tmpdir(), 'keypost-no-such-folder')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`There is no folder or file at ${path.join(tmpdir(), 'keypost-no-such-folder')}.`);

    const dir = collection({ 'ok.request.yaml': { name: 'Fine', request: get(`${server.url}/echo`) } }, { Local: { base: server.url }, Staging: { base: server.url } });
    writeFileSync(path.join(dir, 'broken.request.yaml'), 'keypost: 1\nname: [unclosed\n');
    const broken = await keypost([dir]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`${path.join(dir, 'broken.request.yaml')} could not be read:`);
    rmSync(path.join(dir, 'broken.request.yaml'));

    const unknown = await keypost([dir, '--env', 'Prod']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`There is no environment “Prod” in ${path.join(dir, 'environments')}: the names there are Local, Staging.`);

    const usage = await keypost([dir, '--timeout', 'soon']);
    expect(usage.code).toBe(2);
    expect(server.received).toEqual([]);
  });

  it('writes a JUnit report CI systems read: a test case per request, the failure in words, the skipped after --bail, no token', async () => {
    const bearer = { kind: 'bearer', credential: 'default' } as const;
    const dir = collection({
      'orders/1 list.request.yaml': { name: 'A <list> & more', request: get(`${server.url}/echo`, bearer) },
      'orders/2 fail.request.yaml': { name: 'B fail', request: get(`${server.url}/status?code=503`, bearer) },
      'orders/3 later.request.yaml': { name: 'C later', request: get(`${server.url}/echo?later`, bearer) },
    });
    const output = path.join(dir, 'report.xml');
    const run = await keypost([dir, '--reporter', 'junit', '--output', output, '--bail'], { KEYPOST_TOKEN: TOKEN });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`The JUnit report is in ${output}.`);
    const report = readFileSync(output, 'utf8');
    expect(report).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="keypost run" tests="3" failures="1" errors="0" time="[\d.]+">/);
    expect(report).toContain(`<testsuite name="${path.basename(dir)}" tests="3" failures="1" errors="0" skipped="1"`);
    expect(report).toContain(`<testcase name="GET A &lt;list&gt; &amp; more" classname="${path.basename(dir)}.orders" time="`);
    expect(report).toMatch(/<testcase name="GET B fail"[^>]*>\n\s*<failure message="503 Service Unavailable" type="status">503 Service Unavailable<\/failure>/);
    expect(report).toMatch(/<testcase name="GET C later"[^>]*>\n\s*<skipped>not run: --bail stopped the run at an earlier failure<\/skipped>/);
    expect(report).not.toContain(TOKEN);
  });

  it('writes the JSON report to standard output, with the lines on standard error so it parses as it is', async () => {
    const dir = collection({ 'a.request.yaml': { name: 'Health', request: get(`${server.url}/echo`) } });
    const run = await keypost([dir, '--reporter', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^✓ GET Health {2}200 OK/);
    const report = JSON.parse(run.stdout) as { tests: number; failures: number; requests: Array<{ name: string; status: number; passed: boolean }> };
    expect(report).toMatchObject({ collection: path.basename(dir), tests: 1, failures: 0, skipped: 0, requests: [{ name: 'Health', file: 'a.request.yaml', method: 'GET', status: 200, passed: true, failure: null }] });
  });

  it('refuses an unknown reporter, and --output without one, with exit 2', async () => {
    const dir = collection({ 'a.request.yaml': { name: 'Health', request: get(`${server.url}/echo`) } });
    const unknown = await keypost([dir, '--reporter', 'xml']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('choose junit or json');
    const alone = await keypost([dir, '--output', path.join(dir, 'x.json')]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--output names where a report goes');
    expect(server.received).toEqual([]);
  });
});

describe('keypost run: proxies from the environment, as curl reads them', () => {
  it('sends an https request through HTTPS_PROXY, and directly to a host NO_PROXY names', async () => {
    const [proxy, target] = await Promise.all([startProxy(), startTarget('https')]);
    try {
      const dir = collection({ 'a.request.yaml': { name: 'Health', request: { ...get(`${target.url}/health`), options: { allowSelfSignedTls: true } } } });
      const through = await keypost([dir], { HTTPS_PROXY: proxy.url });
      expect(through.stdout).toMatch(new RegExp(`^✓ GET Health {2}200 OK {2}\\d+ ms {2}\\d+ B {2}via proxy ${new URL(proxy.url).host}$`, 'm'));
      expect(proxy.connects.map(({ target: host }) => host)).toEqual([new URL(target.url).host]);
      expect(target.seen.map(({ from }) => from)).toEqual([PROXY_SOURCE_ADDRESS]);

      const direct = await keypost([dir], { HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' });
      expect(direct.code).toBe(0);
      expect(direct.stdout).not.toContain('via proxy');
      expect(proxy.connects).toHaveLength(1);
      expect(target.seen.at(-1)?.from).toBe('127.0.0.1');
    } finally {
      await Promise.all([proxy.close(), target.close()]);
    }
  });

  it('names the proxy when it is not running', async () => {
    const dir = collection({ 'a.request.yaml': { name: 'Health', request: get(`${server.url}/echo`) } });
    const run = await keypost([dir], { http_proxy: 'http://127.0.0.1:9' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Could not connect to the proxy 127.0.0.1:9: the connection was refused.');
    expect(server.received).toEqual([]);
  });
});

/** Whether the report at `file` is valid against the committed JUnit schema, with xmllint's words when not. */
function junitValid(file: string): { valid: boolean; words: string } {
  const lint = spawnSync('xmllint', ['--noout', '--schema', JUNIT_SCHEMA, file], { encoding: 'utf8' });
  if (lint.error) throw new Error(`xmllint did not run (scripts/setup.sh installs libxml2-utils): ${lint.error.message}`);
  return { valid: lint.status === 0, words: lint.stderr.trim() };
}

describe('keypost run: secrets from environment variables', () => {
  const SECRET_VALUE = 'env-secret-value-4e1d';
  const withKey = (url: string): RequestDocument => ({ ...get(url), headers: [{ name: 'X-Api-Key', value: '{{apiKey}}', enabled: true }] });

  it('sends a secret environment variable from KEYPOST_SECRET_<NAME>, and names that variable when it is not set', async () => {
    const dir = collection({ 'a.request.yaml': { name: 'Keyed', request: withKey(`${server.url}/echo`) } }, { Local: { base: server.url } }, ['apiKey']);
    const run = await keypost([dir, '--env', 'Local'], { KEYPOST_SECRET_APIKEY: SECRET_VALUE });
    expect(run.code).toBe(0);
    expect(server.received.map((request) => request.headers['x-api-key'])).toEqual([SECRET_VALUE]);
    expect(run.stdout + run.stderr).not.toContain(SECRET_VALUE);
    server.received.length = 0;

    const unset = await keypost([dir, '--env', 'Local']);
    expect(unset.code).toBe(1);
    expect(unset.stdout).toContain('The secret variable {{apiKey}} of “Local” has no value in the keychain. Set KEYPOST_SECRET_APIKEY to its value, or store it in Keypost on this machine.');
    expect(server.received).toEqual([]);
  });

  describe('with a real OAuth 2.0 provider', () => {
    let provider: TestProvider;
    let api: ResourceServer;
    beforeAll(async () => {
      provider = await startProvider();
      api = await startResourceServer(provider);
    });
    afterAll(async () => {
      await api.close();
      await provider.close();
    });

    const oauthRequest = () => ({ 'me.request.yaml': { name: 'Me', request: get(`${api.url}/me`, { kind: 'bearer', credential: 'machine' }) } });

    it('runs the client-credentials flow itself in CI: settings and the client secret from KEYPOST_OAUTH_… variables', async () => {
      const dir = collection(oauthRequest());
      const grantsBefore = provider.grants.length;
      const run = await keypost([dir], {
        KEYPOST_OAUTH_TOKEN_URL_MACHINE: provider.tokenUrl,
        KEYPOST_OAUTH_CLIENT_ID_MACHINE: clients.machine.id,
        KEYPOST_OAUTH_SCOPE_MACHINE: RESOURCE_SCOPE,
        KEYPOST_OAUTH_CLIENT_SECRET_MACHINE: clients.machine.secret,
      });
      // The resource server answers 200 only to a valid access token the provider issued.
      expect(run.stdout).toMatch(/^✓ GET Me {2}200 OK/m);
      expect(run.code).toBe(0);
      expect(provider.grants.slice(grantsBefore)).toEqual(['client_credentials']);
      expect(run.stdout + run.stderr).not.toContain(clients.machine.secret);
    });

    it('reads the OAuth settings from the app\'s data folder on a desktop, with the client secret from its variable', async () => {
      writeFileSync(
        path.join(dataDir, 'keypost-oauth.json'),
        JSON.stringify({ credentials: { machine: { flow: 'clientCredentials', tokenUrl: provider.tokenUrl, clientId: clients.machinePost.id, scope: RESOURCE_SCOPE, clientAuth: 'post' } } }),
      );
      const dir = collection(oauthRequest());
      const run = await keypost([dir], { KEYPOST_OAUTH_CLIENT_SECRET_MACHINE: clients.machinePost.secret });
      expect(run.stdout).toMatch(/^✓ GET Me {2}200 OK/m);
      expect(run.code).toBe(0);

      const wrong = await keypost([dir], { KEYPOST_OAUTH_CLIENT_SECRET_MACHINE: 'not-the-secret-31b7' });
      expect(wrong.code).toBe(1);
      expect(wrong.stdout).toContain('✗ GET Me  not answered');
      expect(wrong.stdout + wrong.stderr).not.toContain('not-the-secret-31b7');
    });

    it('exits 2 before sending when the OAuth variables are half set or invalid, naming the variable', async () => {
      const dir = collection(oauthRequest());
      const tokenRequests = provider.tokenRequests;
      const half = await keypost([dir], { KEYPOST_OAUTH_TOKEN_URL_MACHINE: provider.tokenUrl });
      expect(half.code).toBe(2);
      expect(half.stderr).toContain('KEYPOST_OAUTH_TOKEN_URL_MACHINE is set, but not KEYPOST_OAUTH_CLIENT_ID_MACHINE');
      const plainHttp = await keypost([dir], { KEYPOST_OAUTH_TOKEN_URL_MACHINE: 'http://auth.example.com/token', KEYPOST_OAUTH_CLIENT_ID_MACHINE: 'x' });
      expect(plainHttp.code).toBe(2);
      expect(plainHttp.stderr).toContain('KEYPOST_OAUTH_TOKEN_URL_MACHINE does not hold a setting Keypost can use for the credential “machine”: The token URL must be an https:// URL');
      const secretAlone = await keypost([dir], { KEYPOST_OAUTH_CLIENT_SECRET_MACHINE: 'lonely-secret-8c2e' });
      expect(secretAlone.code).toBe(2);
      expect(secretAlone.stderr).toContain('KEYPOST_OAUTH_CLIENT_SECRET_MACHINE is set, but the credential “machine” has no OAuth 2.0 settings');
      expect(secretAlone.stderr).not.toContain('lonely-secret-8c2e');
      expect(provider.tokenRequests).toBe(tokenRequests);
    });

    it('never prints a secret, with any flag, in any report or error', async () => {
      const wrongSecret = 'wrong-client-secret-a9f0';
      const bearer = { kind: 'bearer', credential: 'default' } as const;
      const dir = collection(
        {
          '1.request.yaml': { name: 'Token and key', request: { ...withKey(`{{base}}/echo?key={{apiKey}}`), auth: bearer } },
          '2.request.yaml': { name: 'Fails', request: { ...withKey(`{{base}}/status?code=500&key={{apiKey}}`), auth: bearer } },
          '3.request.yaml': { name: 'OAuth', request: get(`${api.url}/me`, { kind: 'bearer', credential: 'machine' }) },
        },
        { Local: { base: server.url } },
        ['apiKey'],
      );
      const secrets = {
        KEYPOST_TOKEN: TOKEN,
        KEYPOST_SECRET_APIKEY: SECRET_VALUE,
        KEYPOST_OAUTH_TOKEN_URL_MACHINE: provider.tokenUrl,
        KEYPOST_OAUTH_CLIENT_ID_MACHINE: clients.machine.id,
        KEYPOST_OAUTH_CLIENT_SECRET_MACHINE: wrongSecret,
      };
      const junit = path.join(dir, 'report.xml');
      const runs = [
        await keypost([dir, '--env', 'Local', '--reporter', 'junit', '--output', junit, '--timeout', '5', '--allow-origin', server.url], secrets),
        await keypost([dir, '--env', 'Local', '--reporter', 'json', '--bail'], secrets),
        await keypost([dir, '--env', 'Local', '--allow-origin', 'ftp://nowhere'], secrets),
      ];
      expect(runs.map((run) => run.code)).toEqual([1, 1, 2]);
      // The run got as far as the token endpoint, which refused the wrong client secret.
      expect(runs[0]!.stdout).toContain('✗ GET OAuth  not answered');
      expect(server.received.filter((request) => request.headers['x-api-key'] === SECRET_VALUE)).toHaveLength(3);
      const printed = [...runs.flatMap((run) => [run.stdout, run.stderr]), readFileSync(junit, 'utf8')].join('\n');
      for (const secret of [TOKEN, SECRET_VALUE, wrongSecret, encodeURIComponent(SECRET_VALUE)]) expect(printed).not.toContain(secret);
    });
  });
});

describe('keypost run --allow-origin', () => {
  const bearer = { kind: 'bearer', credential: 'default' } as const;
  const other = () => server.url.replace('127.0.0.1', 'localhost');
  const twoOrigins = () =>
    collection({
      'a.request.yaml': { name: 'A here', request: get(`${server.url}/echo`, bearer) },
      'b.request.yaml': { name: 'B elsewhere', request: get(`${other()}/echo`, bearer) },
    });

  it('refuses a second origin, telling the user about --allow-origin, and sends there once it is named', async () => {
    const dir = twoOrigins();
    const refused = await keypost([dir], { KEYPOST_TOKEN: TOKEN });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`Add --allow-origin ${other()} to send it there.`);

    server.received.length = 0;
    const allowed = await keypost([dir, '--allow-origin', server.url, '--allow-origin', `${other()}/`], { KEYPOST_TOKEN: TOKEN });
    expect(allowed.code).toBe(0);
    expect(server.received.map((request) => request.headers.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  });

  it('sends a credential only to the origins named, once the run names any', async () => {
    const dir = twoOrigins();
    const run = await keypost([dir, '--allow-origin', other()], { KEYPOST_TOKEN: TOKEN });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Not sent: the credential “default” is allowed for ${other()} only, and this run does not name ${server.url}.`);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.headers.host).toBe(new URL(other()).host);
  });

  it('keeps the origins the app bound a credential to on this machine', async () => {
    writeFileSync(path.join(dataDir, 'keypost-credential-origins.json'), JSON.stringify({ credentials: { default: [other()] } }));
    const dir = collection({ 'a.request.yaml': { name: 'A here', request: get(`${server.url}/echo`, bearer) } });
    const run = await keypost([dir], { KEYPOST_TOKEN: TOKEN });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`is allowed for ${other()} only`);
    expect(server.received).toEqual([]);
  });

  it('exits 2 with a sentence for an origin that is not one, sending nothing', async () => {
    const dir = twoOrigins();
    const run = await keypost([dir, '--allow-origin', `${server.url}/path`], { KEYPOST_TOKEN: TOKEN });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('An origin is only scheme://host:port: leave out the user name, path, query and #fragment');
    expect(server.received).toEqual([]);
  });
});

describe('keypost run: the JUnit report against a JUnit XML schema', () => {
  it('writes a report the Jenkins JUnit schema accepts, which a broken report fails', async () => {
    const dir = collection({
      '1.request.yaml': { name: 'Passes <&>', request: get(`${server.url}/echo`) },
      '2.request.yaml': { name: 'Fails', request: get(`${server.url}/status?code=500`) },
      '3.request.yaml': { name: 'Not run', request: get(`${server.url}/echo?later`) },
    });
    const output = path.join(dir, 'report.xml');
    const run = await keypost([dir, '--reporter', 'junit', '--output', output, '--bail']);
    expect(run.code).toBe(1);
    expect(junitValid(output)).toEqual({ valid: true, words: `${output} validates` });

    // The check can fail: a test case without its required name.
    writeFileSync(output, readFileSync(output, 'utf8').replace('<testcase name="GET Fails"', '<testcase'));
    const broken = junitValid(output);
    expect(broken.valid).toBe(false);
    expect(broken.words).toContain("The attribute 'name' is required but missing");
  });
});

/** `keypost run dir` on a pseudo-terminal (script(1)): what a user's terminal receives, both streams in one. */
function onTerminal(dir: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  const { CI: _ci, ...inherited } = process.env;
  const command = [node, bin, 'run', dir].map((word) => `'${word}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...inherited, KEYPOST_USER_DATA_DIR: dataDir, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('keypost run: the progress line', () => {
  it('prints no progress line when standard error is not a terminal', async () => {
    const dir = collection({ 'a.request.yaml': { name: 'Health', request: get(`${server.url}/echo`) } });
    const run = await keypost([dir]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toMatch(/\r|\u001b|\[1\/1\]/);
  });

  it('shows [n/total] METHOD name… on a terminal, erased before each result line and gone at the end', async () => {
    const dir = collection({
      'a.request.yaml': { name: 'First', request: get(`${server.url}/echo`) },
      'b.request.yaml': { name: 'Second', request: { ...get(`${server.url}/echo`), method: 'POST' } },
    });
    const terminal = await onTerminal(dir, {});
    expect(terminal.code).toBe(0);
    const erase = '\r\u001b[K';
    expect(terminal.stdout).toContain(`${erase}[1/2] GET First…${erase}✓ GET First`);
    expect(terminal.stdout).toContain(`${erase}[2/2] POST Second…${erase}✓ POST Second`);
    // Nothing after the summary: the line is gone.
    expect(terminal.stdout.replace(/\r\n/g, '\n').trimEnd()).toMatch(/\n2 requests: 2 passed, 0 failed in \d+ ms$/);

    const inCi = await onTerminal(dir, { CI: 'true' });
    expect(inCi.code).toBe(0);
    expect(inCi.stdout).not.toContain('[1/2]');
  });
});
