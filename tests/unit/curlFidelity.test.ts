// cURL in, byte for byte: each form of data option run by the real curl binary and, imported by Keypost and sent
// unchanged through the send path (checkRequest → buildOutgoing → sendRequest), arrives at the local test server as
// the same method, path and query, body bytes and Content-Type (and Accept-Encoding where -H set it).
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { quote } from 'shlex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOutgoing } from '../../electron/core/send/outgoingRequest';
import { sendRequest } from '../../electron/core/send/send';
import { importCurl } from '../../shared/curl/curlImport';
import { checkRequest } from '../../shared/requestChecks';
import { startTestServer, type ReceivedRequest, type TestServer } from '../fixtures/testServer';

const run = promisify(execFile);
/** The curl scripts/setup.sh installs; without it the comparison cannot be made, and the test says so by failing. */
const CURL = '/usr/bin/curl';
const curlRuns = spawnSync(CURL, ['--version']).status === 0;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The arguments after `curl`, URL first; `{url}` is the test server's /echo. */
const cases: Array<{ name: string; args: (url: string) => string[]; acceptEncoding?: boolean }> = [
  { name: '-d with a space and an &, sent as written', args: (url) => [url, '-d', 'a=1&b=x y'] },
  { name: '--data with escapes and a plus, never re-encoded', args: (url) => [url, '--data', 'a=%20&b=+'] },
  { name: '--data-raw starting with @, which is not a file', args: (url) => [url, '--data-raw', '@not-a-file'] },
  { name: '--data-binary with a newline', args: (url) => [url, '--data-binary', 'line1\nline2'] },
  { name: '--data-urlencode name=content: the content encoded', args: (url) => [url, '--data-urlencode', 'q=a b&c'] },
  { name: '--data-urlencode =content and content: all of it encoded', args: (url) => [url, '--data-urlencode', '=x y', '--data-urlencode', "v!'()*~-._ é+%/?&:"] },
  { name: 'repeated -d, joined with &', args: (url) => [url, '-d', 'a=1', '-d', 'b=2'] },
  { name: 'a form curl encodes as Keypost’s table does', args: (url) => [url, '-d', 'a=1', '--data-urlencode', 'email=ada+test@example.com'] },
  { name: '-d mixed with --data-urlencode', args: (url) => [url, '-d', 'a=1', '--data-urlencode', 'b=x y'] },
  { name: '-G: the data appended to the query, before a #fragment', args: (url) => ['-G', `${url}?z=1#top`, '-d', 'a=1', '-d', 'b=x%20y', '--data-urlencode', 'q=a b&c'] },
  { name: 'a JSON body under -H Content-Type: application/json', args: (url) => [url, '-H', 'Content-Type: application/json', '-d', '{"name": "Ada", "n": 1}'] },
  { name: '-H Accept-Encoding wins over --compressed', args: (url) => [url, '-H', 'Accept-Encoding: identity', '--compressed'], acceptEncoding: true },
  { name: '-X PUT with -d', args: (url) => ['-X', 'PUT', url, '-d', 'a=1&b=[x]'] },
];

/** The request as compared: what the command decides, not the client's own headers (User-Agent, Host, Connection, Accept). */
const comparable = (received: ReceivedRequest, acceptEncoding: boolean) => ({
  method: received.method,
  url: received.url,
  body: received.body,
  contentType: received.headers['content-type'] ?? null,
  ...(acceptEncoding ? { acceptEncoding: received.headers['accept-encoding'] ?? null } : {}),
});

async function sentByCurl(args: string[]): Promise<ReceivedRequest> {
  const before = server.received.length;
  await run(CURL, ['--silent', '--show-error', '--output', '/dev/null', ...args], { timeout: 10_000 });
  expect(server.received.length).toBe(before + 1);
  return server.received.at(-1)!;
}

async function sentByKeypost(args: string[]): Promise<{ received: ReceivedRequest; bodyKind: string }> {
  const imported = importCurl(['curl', ...args].map(quote).join(' '), 'default');
  if (!imported.ok) throw new Error(imported.error.message);
  const document = imported.value.request;
  const checked = checkRequest(document);
  if (!checked.ok) throw new Error(checked.error.message);
  const before = server.received.length;
  const result = await sendRequest(buildOutgoing(checked.value, { token: null, files: new Map() }), { timeoutMs: 5_000 });
  if (!result.ok) throw new Error(result.error.message);
  expect(server.received.length).toBe(before + 1);
  return { received: server.received.at(-1)!, bodyKind: document.body.kind };
}

describe.skipIf(!curlRuns)('a pasted cURL command sends the bytes curl sends', () => {
  it.each(cases)('$name', async ({ args, acceptEncoding = false }) => {
    const url = `${server.url}/echo`;
    const expected = comparable(await sentByCurl(args(url)), acceptEncoding);
    const { received } = await sentByKeypost(args(url));
    expect(comparable(received, acceptEncoding)).toEqual(expected);
  });

  it('shows a form curl encodes as the table would in the table, and sends it unchanged as curl does', async () => {
    const args = cases.find((entry) => entry.name.startsWith('a form curl'))!.args(`${server.url}/echo`);
    const { bodyKind } = await sentByKeypost(args);
    expect(bodyKind).toBe('form');
  });
});

it.runIf(!curlRuns)('has the real curl to compare with', () => {
  throw new Error(`${CURL} does not run: scripts/setup.sh installs it; the cURL comparison was not made.`);
});
