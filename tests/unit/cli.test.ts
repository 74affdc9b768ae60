// `keypost run` as a user runs it: the built command (npm run build, or build:cli) as a subprocess, over a collection
// written as files in a temp folder, against the local test server. Exit codes, the lines it prints, what the server
// received, and a token that goes on the wire but never on the screen.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { requestFileText } from '../../electron/core/collections/requestFile';
import { environmentFileText } from '../../electron/core/environments/environmentFile';
import type { RequestDocument } from '../../shared/request';
import { startTestServer, type TestServer } from '../fixtures/testServer';

const root = path.resolve(import.meta.dirname, '../..');
const node = path.join(root, 'node_modules/.bin/node');
const bin = path.join(root, 'bin/keypost.mjs');
const TOKEN = 'cli-test-token-7f3a9c';

let server: TestServer;
let folder: string;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.received.length = 0;
  rmSync(folder, { recursive: true, force: true });
});

/** `keypost run …args` with these environment variables (no KEYPOST_TOKEN unless given). */
function keypost(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { KEYPOST_TOKEN: _token, ...inherited } = process.env;
  const child = spawn(node, [bin, 'run', ...args], { env: { ...inherited, ...env }, cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const get = (url: string, auth: RequestDocument['auth'] = { kind: 'none' }): RequestDocument => ({
  method: 'GET',
  url,
  query: [],
  headers: [],
  body: { kind: 'none' },
  auth,
  options: {},
});

/** A collection folder with these request files (path inside → name and request) and environments. */
function collection(requests: Record<string, { name: string; request: RequestDocument }>, environments: Record<string, Record<string, string>> = {}): string {
  folder = mkdtempSync(path.join(tmpdir(), 'keypost-cli-'));
  for (const [file, { name, request }] of Object.entries(requests)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), requestFileText({ id: null, name, request }));
  }
  for (const [name, values] of Object.entries(environments)) {
    mkdirSync(path.join(folder, 'environments'), { recursive: true });
    const variables = Object.entries(values).map(([variable, value]) => ({ name: variable, value, secret: false, enabled: true }));
    writeFileSync(path.join(folder, 'environments', `${name}.env.yaml`), environmentFileText({ id: null, name, variables }));
  }
  return folder;
}

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
    expect(report).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="keypost run" tests="3" failures="1" skipped="1" time="[\d.]+">/);
    expect(report).toContain(`<testsuite name="${path.basename(dir)}" tests="3" failures="1" errors="0" skipped="1"`);
    expect(report).toContain(`<testcase name="GET A &lt;list&gt; &amp; more" classname="${path.basename(dir)}.orders" time="`);
    expect(report).toMatch(/<testcase name="GET B fail"[^>]*>\n\s*<failure message="503 Service Unavailable" type="status">503 Service Unavailable<\/failure>/);
    expect(report).toMatch(/<testcase name="GET C later"[^>]*>\n\s*<skipped message="not run: --bail stopped the run at an earlier failure"\/>/);
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
