// The built main process and the one door it has to the system browser for sign-in: an OAuth 2.0 authorization-code
// credential set up in keypost-oauth.json, signed in through the page's IPC call. Main builds the sign-in URL from the
// saved settings and hands it to shell.openExternal; the "browser" (the stand-in's) then comes back to the loopback
// redirect as a user who signed in would. (Its own file: main.js loads once per process, see electronStandIn.ts.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { channels } from '../../shared/api';
import type { Result } from '../../shared/errors';
import type { OAuthConfig, OAuthTokenState } from '../../shared/oauth';
import { menuItems, type MenuItemTemplate } from '../../electron/core/shell/appMenu';
import { createVault } from '../../electron/core/credentials/vault';
import { builtGlue } from '../fixtures/builtGlue';
import { createElectronStandIn, installElectronStandIn, ipcEvent, loadAsNode, type ElectronStandIn } from '../fixtures/electronStandIn';

const FROM_APP = 'app://keypost/index.html';
const keychainService = `Keypost-unit-glue-oauth-${process.pid}`;
const AUTHORIZATION_URL = 'https://login.example/oauth2/authorize?prompt=login';
let electron: ElectronStandIn;
let tokenEndpoint: Server;
/** The form bodies the token endpoint received. */
const tokenRequests: URLSearchParams[] = [];

beforeAll(async () => {
  tokenEndpoint = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      tokenRequests.push(new URLSearchParams(body));
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      response.end(JSON.stringify({ access_token: 'glue-oauth-access-token', token_type: 'Bearer', expires_in: 3600 }));
    });
  });
  await new Promise<void>((resolve) => tokenEndpoint.listen(0, '127.0.0.1', resolve));
  const tokenUrl = `http://127.0.0.1:${(tokenEndpoint.address() as AddressInfo).port}/token`;

  const userDataDir = await mkdtemp(path.join(tmpdir(), 'keypost-glue-oauth-'));
  process.env.KEYPOST_USER_DATA_DIR = userDataDir;
  process.env.KEYPOST_KEYCHAIN_SERVICE = keychainService;
  // Set up as the credential dialog saves it (electron/core/credentials/oauthConfigFile.ts): nothing secret in this file.
  const corp: OAuthConfig = { flow: 'authorizationCode', authorizationUrl: AUTHORIZATION_URL, tokenUrl, clientId: 'keypost-glue', scope: 'read write', clientAuth: 'none' };
  await writeFile(path.join(userDataDir, 'keypost-oauth.json'), JSON.stringify({ credentials: { corp } }));

  electron = createElectronStandIn({ userData: await mkdtemp(path.join(tmpdir(), 'keypost-glue-oauth-default-')) });
  installElectronStandIn(electron);
  loadAsNode(builtGlue('main.js'));
  await electron.ready();
});

afterAll(async () => {
  await new Promise((resolve) => tokenEndpoint?.close(resolve));
  await createVault(keychainService).delete('corp');
});

const signIn = async (name: string) =>
  (await electron.ipcMain.handlers.get(channels.signInOAuth)!(ipcEvent(FROM_APP), name)) as Result<OAuthTokenState>;

it('opens the configured authorization URL in the system browser, and nothing else, when the page signs in', async () => {
  // The user in the browser: signs in, and the authorization server redirects to Keypost's loopback address.
  const redirects: Array<Promise<Response>> = [];
  electron.shell.browser = (url) => {
    const page = new URL(url);
    const callback = new URL(page.searchParams.get('redirect_uri')!);
    callback.searchParams.set('code', 'glue-code');
    callback.searchParams.set('state', page.searchParams.get('state')!);
    redirects.push(fetch(callback));
  };

  const signedIn = await signIn('corp');
  expect(signedIn).toEqual({ ok: true, value: { status: 'valid', expiresAt: expect.any(Number), hasRefreshToken: false } });

  expect(electron.shell.openedExternal).toHaveLength(1);
  const opened = new URL(electron.shell.openedExternal[0]!);
  const configured = new URL(AUTHORIZATION_URL);
  expect(`${opened.origin}${opened.pathname}`).toBe(`${configured.origin}${configured.pathname}`);
  const redirectUri = opened.searchParams.get('redirect_uri')!;
  expect(Object.fromEntries(opened.searchParams)).toEqual({
    prompt: 'login',
    response_type: 'code',
    client_id: 'keypost-glue',
    redirect_uri: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/callback$/),
    code_challenge: expect.any(String),
    code_challenge_method: 'S256',
    state: expect.any(String),
    scope: 'read write',
  });
  // The browser was told the sign-in worked; main exchanged the code, with its PKCE verifier, for the token.
  expect((await redirects[0]!).status).toBe(200);
  expect(Object.fromEntries(tokenRequests[0]!)).toMatchObject({ grant_type: 'authorization_code', code: 'glue-code', redirect_uri: redirectUri, client_id: 'keypost-glue' });
  expect(tokenRequests[0]!.get('code_verifier')).toBeTruthy();
});

it('opens nothing for a name that is not an OAuth 2.0 credential, or for a caller that is not the app page', async () => {
  const before = electron.shell.openedExternal.length;
  const unknown = await signIn('not-oauth');
  expect(unknown.ok || unknown.error.code).toBe('NOT_FOUND');
  const foreign = (await electron.ipcMain.handlers.get(channels.signInOAuth)!(ipcEvent('https://evil.example/'), 'corp')) as Result<unknown>;
  expect(foreign.ok || foreign.error.code).toBe('FORBIDDEN_SENDER');
  expect(electron.shell.openedExternal).toHaveLength(before);
});

it('opens a sign-in page only for a sign-in: the menu’s door refuses even the configured authorization URL', async () => {
  const before = electron.shell.openedExternal.length;
  // Any item's click is main's one menu handler: hand it the sign-in page's address.
  const newTab = [...menuItems(electron.Menu.applicationMenu!.template as MenuItemTemplate[])].find((item) => item.command === 'newTab')!;
  newTab.click!({ ...newTab, url: electron.shell.openedExternal[0] ?? AUTHORIZATION_URL });
  newTab.click!({ ...newTab, url: AUTHORIZATION_URL });
  await new Promise((resolve) => setImmediate(resolve));
  expect(electron.shell.openedExternal).toHaveLength(before);
});
