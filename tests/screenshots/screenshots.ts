// `npm run screenshots` (scripts/screenshots.mjs runs this with tsx, after a build, under a private keychain): the
// README's screenshots, docs/screenshot-light.png and docs/screenshot-dark.png, taken from the app as it is. The E2E
// harness runs the built page in Debian Chromium at 1280×800 with the real core; the collection is written as files
// (folders, requests, an environment) before launch, and the response comes from a local server this script starts.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import type { Page } from '@playwright/test';
import { requestFileText } from '../../electron/core/collections/requestFile';
import { environmentFileText } from '../../electron/core/environments/environmentFile';
import { blankRequest, type RequestDocument } from '../../shared/request';
import type { ThemeSetting } from '../../shared/settings';
import { launchApp } from '../e2e/harness';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const THEMES = ['light', 'dark'] as const satisfies ThemeSetting[];

/** What the local API answers to GET /v1/users: a page of users, as a real API would. */
const USERS = {
  data: [
    { id: 1042, name: 'Ada Lovelace', email: 'ada@example.com', role: 'admin', active: true, teams: ['platform', 'billing'], created_at: '2025-03-14T09:26:53Z' },
    { id: 1043, name: 'Grace Hopper', email: 'grace@example.com', role: 'member', active: true, teams: ['compilers'], created_at: '2025-04-02T16:05:11Z' },
    { id: 1051, name: 'Alan Turing', email: 'alan@example.com', role: 'member', active: false, teams: [], created_at: '2025-06-21T08:44:30Z' },
  ],
  page: 1,
  per_page: 3,
  total: 37,
  next: '/v1/users?page=2&per_page=3',
};

const server = createServer((request, response) => {
  request.resume();
  const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (pathname === '/v1/users') {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req_7f3a9c21', 'cache-control': 'no-store' });
    response.end(JSON.stringify(USERS));
    return;
  }
  response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** A request with the defaults of a new one, then these fields. */
const request = (fields: Partial<RequestDocument>): RequestDocument => ({ ...blankRequest(), ...fields });
const getRequest = (url: string, fields: Partial<RequestDocument> = {}) => request({ method: 'GET', url, body: { kind: 'none' }, ...fields });

/** The saved requests, by their path in the collection (folders are folders on disk). */
const REQUESTS: Record<string, RequestDocument> = {
  'Health check': getRequest('{{baseUrl}}/health', { auth: { kind: 'none' } }),
  'Users/List users': getRequest('{{baseUrl}}/v1/users', {
    query: [
      { name: 'page', value: '1', enabled: true },
      { name: 'per_page', value: '3', enabled: true },
    ],
  }),
  'Users/Get a user': getRequest('{{baseUrl}}/v1/users/{{userId}}'),
  'Users/Create a user': request({
    url: '{{baseUrl}}/v1/users',
    body: { kind: 'json', text: '{\n  "name": "Katherine Johnson",\n  "email": "katherine@example.com",\n  "role": "member"\n}' },
  }),
  'Orders/List open orders': getRequest('{{baseUrl}}/v1/orders', { query: [{ name: 'status', value: 'open', enabled: true }] }),
  'Orders/Refunds/Refund an order': request({ url: '{{baseUrl}}/v1/orders/{{orderId}}/refunds', body: { kind: 'json', text: '{\n  "amount": 1250,\n  "reason": "damaged"\n}' } }),
  'Webhooks/Register a webhook': request({
    url: '{{baseUrl}}/v1/webhooks',
    body: { kind: 'json', text: '{\n  "url": "https://hooks.example.com/keypost",\n  "events": ["order.created"]\n}' },
  }),
};

/** The files the app finds on its first start: settings (the theme), the collection, two environments. */
async function writeDataFolder(userDataDir: string, theme: ThemeSetting): Promise<void> {
  await writeFile(path.join(userDataDir, 'keypost-settings.json'), JSON.stringify({ theme }));
  const collection = path.join(userDataDir, 'collection');
  for (const [where, document] of Object.entries(REQUESTS)) {
    const file = path.join(collection, `${where}.request.yaml`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, requestFileText({ id: null, name: path.basename(where), request: document }));
  }
  await mkdir(path.join(collection, 'environments'), { recursive: true });
  const variables = (baseUrl: string) => [
    { name: 'baseUrl', value: baseUrl, secret: false, enabled: true },
    { name: 'userId', value: '1042', secret: false, enabled: true },
    { name: 'orderId', value: 'ord_58213', secret: false, enabled: true },
  ];
  await writeFile(path.join(collection, 'environments', 'Local.env.yaml'), environmentFileText({ id: 'local', name: 'Local', variables: variables(apiUrl) }));
  await writeFile(path.join(collection, 'environments', 'Staging.env.yaml'), environmentFileText({ id: 'staging', name: 'Staging', variables: variables('https://staging.api.example.com') }));
}

/** A bearer token shaped like a real one, a JWT the app reads the expiry of (signed with a throwaway key). */
const demoToken = () =>
  new SignJWT({ scope: 'users:read orders:write' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('https://auth.example.com')
    .setAudience('https://api.example.com')
    .setIssuedAt()
    .setExpirationTime('3h')
    .sign(crypto.getRandomValues(new Uint8Array(32)));

const folder = (page: Page, name: string) => page.locator(`[data-testid="folder-row"][data-name="${name}"]`);
const savedRequest = (page: Page, name: string) => page.getByTestId('preset-item').filter({ hasText: name });

async function screenshot(theme: ThemeSetting, file: string): Promise<void> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'keypost-screenshots-'));
  try {
    await writeDataFolder(userDataDir, theme);
    const app = await launchApp({ userDataDir });
    try {
      const { page } = app;
      for (const name of ['Users', 'Orders', 'Refunds']) {
        await folder(page, name).click();
        await folder(page, name).and(page.locator('[aria-expanded="true"]')).waitFor();
      }
      // Two tabs: another request open beside the one sent (a saved request opens in a tab of its own).
      await savedRequest(page, 'Create a user').click();
      await savedRequest(page, 'List users').click();
      await page.getByTestId('request-section-query').click();
      await page.getByTestId('env-select').selectOption({ label: 'Local' });
      await page.getByTestId('token').fill(await demoToken());
      await page.getByTestId('send').click();
      await page.getByTestId('status').filter({ hasText: '200 OK' }).waitFor();
      await page.getByTestId('response-body').getByTestId('line').first().waitFor();
      // Nothing hovered or focused: the picture shows the app at rest.
      await page.mouse.move(1279, 799);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
      console.log(`${path.relative(projectRoot, file)}: ${theme} theme, 1280×800`);
    } finally {
      await app.close();
    }
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
}

try {
  for (const theme of THEMES) await screenshot(theme, path.join(projectRoot, 'docs', `screenshot-${theme}.png`));
} finally {
  server.close();
}
