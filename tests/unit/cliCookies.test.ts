// `keypost run` keeps one cookie jar for the run, in memory, as newman and bru do: a login's cookie serves the requests
// after it, and nothing is written. The built command as a subprocess, against a real server on 127.0.0.1.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDocument } from '../../shared/request';
import { cookieRoute, startCookieServer, type CookieServer } from '../fixtures/cookieServer';
import { keypostRun, requestFolder } from '../fixtures/keypostRun';

let server: CookieServer;
let dataDir: string;
beforeAll(async () => {
  server = await startCookieServer();
  dataDir = mkdtempSync(path.join(tmpdir(), 'keypost-cli-cookies-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (route: string, change: Partial<RequestDocument> = {}) => cookieRoute(server, route, change);

describe('keypost run', () => {
  it('carries a login’s cookie to the next request, says which cookies it did not keep, and writes no jar', async () => {
    const folder = requestFolder({
      '1 login.request.yaml': { name: 'Login', request: get('/login') },
      '2 me.request.yaml': { name: 'Me', request: get('/me') },
      '3 refused.request.yaml': { name: 'Refused', request: get('/bad') },
    });
    try {
      const run = await keypostRun([folder], { KEYPOST_USER_DATA_DIR: dataDir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(server.cookies.find((seen) => seen.path === '/me')?.cookie).toBe(`session=${server.session}`);
      expect(run.stdout).not.toContain(server.session);
      expect(run.stdout).toContain(`  Cookie “foreign” from ${new URL(server.url).host} was not kept: its Domain other.example is not 127.0.0.1 or a domain 127.0.0.1 belongs to.`);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
