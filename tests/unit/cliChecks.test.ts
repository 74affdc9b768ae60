// `keypost run` with assertions and captures (the built command as a subprocess, against the local test server): a
// value captured from one response is sent by the next request, a failed assertion fails the run with exit 1 and its
// words in the line and the reports, and a secret captured value is named, never printed.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDocument } from '../../shared/request';
import type { Assertion, Capture } from '../../shared/responseChecks';
import { keypostRun, requestFolder } from '../fixtures/keypostRun';
import { startTestServer, type TestServer } from '../fixtures/testServer';

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

const request = (method: string, url: string, checks: { assertions?: Assertion[]; captures?: Capture[] } = {}, headers: RequestDocument['headers'] = []): RequestDocument => ({
  method,
  url,
  query: [],
  headers,
  body: method === 'GET' ? { kind: 'none' } : { kind: 'json', text: '{"user":"ada"}' },
  auth: { kind: 'none' },
  options: {},
  ...checks,
});

describe('keypost run with assertions and captures', () => {
  it('captures the id a log-in returns and sends it in the next request, counting the assertions on each line', async () => {
    folder = requestFolder({
      '1 login.request.yaml': {
        name: 'Log in',
        request: request('POST', `${server.url}/login`, {
          assertions: [
            { check: 'status', equals: 201 },
            { check: 'header', name: 'Content-Type', matches: '^application/json' },
            { check: 'json', path: '$.id', type: 'string' },
          ],
          captures: [
            { variable: 'userId', json: '$.id' },
            { variable: 'session', header: 'X-Session', secret: true },
          ],
        }),
      },
      '2 me.request.yaml': { name: 'Me', request: request('GET', `${server.url}/echo?user={{userId}}`, {}, [{ name: 'X-Session', value: '{{session}}', enabled: true }]) },
      // A variable in an assertion's expected value: the id captured above.
      '3 own.request.yaml': {
        name: 'Own',
        request: { ...request('POST', `${server.url}/echo`, { assertions: [{ check: 'json', path: '$.body.owner', equals: '{{userId}}' }] }), body: { kind: 'json', text: '{"owner":"{{userId}}"}' } },
      },
    });
    const run = await keypostRun([folder]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^✓ POST Log in {2}201 Created {2}\d+ ms {2}\d+ B {2}3\/3 assertions$/),
      '  captured userId = user-42',
      '  captured session (secret, not shown)',
      expect.stringMatching(/^✓ GET Me {2}200 OK {2}\d+ ms {2}\d+ B$/),
      expect.stringMatching(/^✓ POST Own {2}200 OK {2}\d+ ms {2}\d+ B {2}1\/1 assertions$/),
      expect.stringMatching(/^3 requests: 3 passed, 0 failed in \d+ ms$/),
    ]);
    expect(server.received.map((received) => received.url)).toEqual(['/login', '/echo?user=user-42', '/echo']);
    expect(server.received[1]!.headers['x-session']).toBe('session-7');
    expect(run.stdout).not.toContain('session-7');
  });

  it('exits 1 when an assertion fails, with its words under the line and in the JUnit and JSON reports', async () => {
    folder = requestFolder({
      'login.request.yaml': {
        name: 'Log in',
        request: request('POST', `${server.url}/login`, { assertions: [{ check: 'status', equals: 201 }, { check: 'json', path: '$.name', equals: 'Grace' }] }),
      },
    });
    const output = path.join(folder, 'report.xml');
    const run = await keypostRun([folder, '--reporter', 'junit', '--output', output]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✗ POST Log in {2}201 Created {2}\d+ ms {2}\d+ B {2}1\/2 assertions\n {2}✗ \$\.name equals "Grace" — got "Ada"\n/);
    const report = readFileSync(output, 'utf8');
    expect(report).toContain('failures="1"');
    expect(report).toMatch(
      /<testcase name="POST Log in"[^>]*>\n\s*<failure message="✗ \$\.name equals &quot;Grace&quot; — got &quot;Ada&quot;" type="assertion">✓ status is 201\n✗ \$\.name equals &quot;Grace&quot; — got &quot;Ada&quot;<\/failure>/,
    );

    const json = await keypostRun([folder, '--reporter', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      failures: 1,
      requests: [
        {
          name: 'Log in',
          passed: false,
          failure: '✗ $.name equals "Grace" — got "Ada"',
          checks: { assertions: [{ words: 'status is 201', outcome: 'passed' }, { words: '$.name equals "Grace"', outcome: 'failed', detail: 'got "Ada"' }], captures: [] },
        },
      ],
    });
  });

  it('passes a 404 the request asserts, and fails a 200 it does not expect', async () => {
    folder = requestFolder({
      'a gone.request.yaml': { name: 'Gone', request: request('GET', `${server.url}/status?code=404`, { assertions: [{ check: 'status', equals: 404 }] }) },
      'b here.request.yaml': { name: 'Here', request: request('GET', `${server.url}/status?code=200`, { assertions: [{ check: 'status', equals: [201, 204] }] }) },
    });
    const run = await keypostRun([folder]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✓ GET Gone {2}404 Not Found .* 1\/1 assertions$/m);
    expect(run.stdout).toMatch(/^✗ GET Here {2}200 OK .* 0\/1 assertions\n {2}✗ status is one of 201, 204 — got 200 OK$/m);
  });

  it('refuses a request whose JSONPath does not read, naming the assertion, and sends nothing for it', async () => {
    folder = requestFolder({ 'a.request.yaml': { name: 'Broken', request: request('GET', `${server.url}/echo`, { assertions: [{ check: 'json', path: '$.items[', exists: true }] }) } });
    const run = await keypostRun([folder]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✗ GET Broken {2}not answered\n {2}Assertion 1 \(\$\.items\[ exists\): That is not a JSONPath \(RFC 9535\)/);
    expect(server.received).toEqual([]);
  });
});
