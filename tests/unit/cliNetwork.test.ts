// `keypost run` (the built command, npm run build:cli) on a company network: HTTP/2 said on the line and in the JSON
// report, an HTTP/2 body cut short said so, --http1.1 as curl spells it, and a SOCKS5 proxy from ALL_PROXY.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDocument } from '../../shared/request';
import { startHttp2Server, type Http2Server } from '../fixtures/http2Server';
import { keypostRun, requestFolder } from '../fixtures/keypostRun';
import { PROXY_SOURCE_ADDRESS, startSocksProxy, startTarget } from '../fixtures/proxyServers';

let server: Http2Server;
const dataDir = mkdtempSync(path.join(tmpdir(), 'keypost-cli-net-'));
beforeAll(async () => {
  server = await startHttp2Server();
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const keypost = (args: string[], env: Record<string, string> = {}) => keypostRun(args, { KEYPOST_USER_DATA_DIR: dataDir, ...env });
const get = (url: string): RequestDocument => ({ method: 'GET', url, query: [], headers: [], body: { kind: 'none' }, auth: { kind: 'none' }, options: { allowSelfSignedTls: true } });

describe('keypost run and HTTP/2', () => {
  it('says HTTP/2 on the line and in the JSON report, and speaks HTTP/1.1 with --http1.1', async () => {
    const dir = requestFolder({ 'a.request.yaml': { name: 'Items', request: get(`${server.url}/items`) } });
    try {
      const h2 = await keypost([dir, '--reporter', 'json']);
      expect(h2.code).toBe(0);
      expect(h2.stderr).toMatch(/^✓ GET Items {2}200 {2}\d+ ms {2}\d+ B {2}HTTP\/2$/m);
      expect(JSON.parse(h2.stdout).requests[0].httpVersion).toBe('2');
      expect(server.versions.at(-1)).toBe('2.0');

      const h1 = await keypost([dir, '--http1.1', '--reporter', 'json']);
      expect(h1.code).toBe(0);
      expect(h1.stderr).toMatch(/^✓ GET Items {2}200 OK {2}\d+ ms {2}\d+ B$/m);
      expect(JSON.parse(h1.stdout).requests[0].httpVersion).toBe('1.1');
      expect(server.versions.at(-1)).toBe('1.1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says a body the server cut short by resetting its stream did not arrive whole, and passes a whole one', async () => {
    const dir = requestFolder({ 'a.request.yaml': { name: 'Cut', request: get(`${server.url}/cut`) }, 'b.request.yaml': { name: 'Whole', request: get(`${server.url}/unsized`) } });
    try {
      const run = await keypost([dir]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`✗ GET Cut  not answered\n  ${new URL(server.url).host} cancelled this request on its HTTP/2 connection before answering it completely.`);
      expect(run.stdout).toMatch(/^✓ GET Whole {2}200 {2}\d+ ms {2}12\.0 kB {2}HTTP\/2$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('keypost run and a SOCKS5 proxy', () => {
  it('sends through ALL_PROXY=socks5h:// and names it on the line, printing no warning of undici’s', async () => {
    const [socks, target] = await Promise.all([startSocksProxy({ user: 'ada', password: 'pw-0c4' }), startTarget('https')]);
    const dir = requestFolder({ 'a.request.yaml': { name: 'Health', request: get(`${target.url}/health`) } });
    try {
      const run = await keypost([dir], { ALL_PROXY: socks.url.replace('socks5://', 'socks5h://ada:pw-0c4@') });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^✓ GET Health {2}200 OK {2}\\d+ ms {2}\\d+ B {2}via proxy socks5h://${new URL(socks.url).host}$`, 'm'));
      expect(target.seen.map(({ from }) => from)).toEqual([PROXY_SOURCE_ADDRESS]);
      expect(socks.connects).toEqual([new URL(target.url).host]);
      expect(run.stderr).not.toContain('Warning');
      expect(`${run.stdout}${run.stderr}`).not.toContain('pw-0c4');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await Promise.all([socks.close(), target.close()]);
    }
  });
});
