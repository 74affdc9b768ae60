// An OAuth 2.0 credential end to end, against a real OpenID provider (oidc-provider) and an API that verifies its
// JWTs: set up in the credential manager, a token fetched at once (or signed in for through the browser: the harness's
// stand-in for the system browser signs in at the provider), sent, and refreshed once after a 401.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { clients, close, listen, RESOURCE_SCOPE, startProvider, startResourceServer, type ResourceServer, type TestProvider } from '../fixtures/oidcProvider';
import type { Page } from '@playwright/test';
import { displayedBody, expect, filesContaining, test } from './fixtures';

let provider: TestProvider;
let api: ResourceServer;

test.beforeEach(async () => {
  provider = await startProvider();
  api = await startResourceServer(provider);
});
test.afterEach(async () => {
  await api.close();
  await provider.close();
});

/** Adds a client-credentials credential in the credential manager (left open). */
async function addClientCredentials(page: Page, name: string, secret: string): Promise<void> {
  await page.getByTestId('credential-manage').click();
  await page.getByTestId('oauth-add-section').locator('summary').click();
  await page.getByTestId('oauth-new-name').fill(name);
  await page.getByTestId('oauth-token-url').fill(provider.tokenUrl);
  await page.getByTestId('oauth-client-id').fill(clients.machine.id);
  await page.getByTestId('oauth-client-secret').fill(secret);
  await page.getByTestId('oauth-scope').fill(RESOURCE_SCOPE);
  await page.getByTestId('oauth-add').click();
}

test('a client-credentials credential gets its token, sends it, and refreshes it once after a 401', async ({ app }) => {
  const { page } = app;
  await addClientCredentials(page, 'orders-api', clients.machine.secret);
  const row = page.locator('[data-testid="credential-row"][data-name="orders-api"]');
  await expect(row.getByTestId('credential-oauth')).toHaveAttribute('data-status', 'valid');
  expect(provider.grants).toEqual(['client_credentials']);
  await page.getByTestId('credential-close').click();

  await page.getByTestId('credential-select').selectOption('orders-api');
  // Nothing to type: the token field gives way to the token's state.
  await expect(page.getByTestId('token')).toHaveCount(0);
  await expect(page.getByTestId('oauth-state')).toContainText('token valid until');
  await page.getByTestId('method').selectOption('GET');
  await page.getByTestId('url').fill(`${api.url}/me`);
  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  await expect.poll(() => displayedBody(page)).toContain(`"client_id": "${clients.machine.id}"`);

  // The API's clock runs ahead: it refuses the token Keypost still holds as valid. One new token, one retry.
  provider.accessTokenTtl = 3_600;
  api.clockOffsetMs = 10 * 60_000;
  await page.getByTestId('send').click();
  // The previous answer was 200 too: wait for the new token, then for this send's answer.
  await expect.poll(() => provider.grants).toEqual(['client_credentials', 'client_credentials']);
  await expect(page.getByTestId('send')).not.toHaveText(/Sending/);
  await expect(page.getByTestId('status')).toHaveText('200 OK');

  // The client secret and the tokens are in the keychain only.
  expect(await filesContaining(app.userDataDir, clients.machine.secret)).toEqual([]);
});

test('after a refresh-and-retry the page shows the retry\'s body with its 200, never the refused attempt\'s', async ({ app }) => {
  const { page } = app;
  // Refuses the first token of each round with a body of its own (same request id, both bodies from offset 0), and
  // answers the refreshed one. The refused body comes 300 ms after its head, all at once: the page's first read of it
  // waits in main for those bytes, and its answer (over a megabyte, hardly compressible) is still on its way when the
  // retry's body starts. A transport that kept a read by request id and offset could answer the retry's first read
  // with it; reading part by part, as the preload does, cannot: each answer is what main holds when asked.
  const refused = new Set<string>();
  let refuseNext = false;
  const filler = (word: string) => JSON.stringify({ attempt: word, items: Array.from({ length: 40_000 }, () => randomBytes(16).toString('hex')) });
  const server = createServer((request, response) => {
    const token = request.headers.authorization ?? '';
    if (refuseNext || refused.has(token)) {
      refuseNext = false;
      refused.add(token);
      response.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      response.flushHeaders();
      return void setTimeout(() => response.end(filler('refused')), 300);
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(filler('accepted'));
  });
  const url = `http://127.0.0.1:${await listen(server)}/orders`;
  try {
    await addClientCredentials(page, 'orders-api', clients.machine.secret);
    await expect(page.locator('[data-testid="credential-row"][data-name="orders-api"]').getByTestId('credential-oauth')).toHaveAttribute('data-status', 'valid');
    await page.getByTestId('credential-close').click();
    await page.getByTestId('credential-select').selectOption('orders-api');
    await page.getByTestId('method').selectOption('GET');
    await page.getByTestId('url').fill(url);
    for (let round = 1; round <= 5; round++) {
      refuseNext = true;
      await page.getByTestId('send').click();
      await expect.poll(() => provider.grants.length).toBe(round + 1);
      await expect(page.getByTestId('send')).not.toHaveText(/Sending/);
      await expect(page.getByTestId('status')).toHaveText('200 OK');
      await expect.poll(() => displayedBody(page)).toContain('"attempt": "accepted"');
      expect(await displayedBody(page)).not.toContain('refused');
    }
  } finally {
    await close(server);
  }
});

test('a wrong client secret is said when the credential is added, and nothing is sent with it', async ({ app }) => {
  const { page } = app;
  await addClientCredentials(page, 'wrong-secret', 'not-the-secret');
  await expect(page.getByTestId('credential-error')).toContainText('getting its first token failed');
  await expect(page.getByTestId('credential-error')).toContainText('client');
  // Set up, but holding no token: nothing half-stored.
  const row = page.locator('[data-testid="credential-row"][data-name="wrong-secret"]');
  await expect(row.getByTestId('credential-oauth')).toHaveAttribute('data-status', 'missing');
  expect(provider.grants).toEqual([]);
});

test('an authorization-code credential signs in through the browser, and a request sends the token the provider issued', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('credential-manage').click();
  await page.getByTestId('oauth-add-section').locator('summary').click();
  await page.getByTestId('oauth-new-name').fill('sso');
  await page.getByTestId('oauth-flow').selectOption('authorizationCode');
  await page.getByTestId('oauth-authorization-url').fill(provider.authorizationUrl);
  await page.getByTestId('oauth-token-url').fill(provider.tokenUrl);
  await page.getByTestId('oauth-client-id').fill(clients.native.id);
  await expect(page.getByTestId('oauth-client-auth')).toHaveValue('none');
  await page.getByTestId('oauth-scope').fill(`openid ${RESOURCE_SCOPE}`);
  await page.getByTestId('oauth-add').click();
  // Added without a browser: no token until the user signs in.
  const row = page.locator('[data-testid="credential-row"][data-name="sso"]');
  await expect(row.getByTestId('credential-oauth')).toHaveAttribute('data-status', 'missing');
  expect(provider.grants).toEqual([]);
  await page.getByTestId('credential-close').click();

  await page.getByTestId('credential-select').selectOption('sso');
  await expect(page.getByTestId('oauth-state')).toContainText('no token yet');
  // Sign in…: main opens the provider's sign-in page in the "browser", where the user signs in as alice; the
  // provider redirects to Keypost's loopback address, and main exchanges the code for a token.
  await page.getByTestId('oauth-sign-in').click();
  await expect(page.getByTestId('oauth-state')).toContainText('token valid until');
  expect(provider.grants).toEqual(['authorization_code']);

  await page.getByTestId('method').selectOption('GET');
  await page.getByTestId('url').fill(`${api.url}/me`);
  await page.getByTestId('send').click();
  // The API accepted a JWT the provider signed for it, issued to this client for the user who signed in.
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  await expect.poll(() => displayedBody(page)).toContain('"sub": "alice"');
  expect(await displayedBody(page)).toContain(`"client_id": "${clients.native.id}"`);
});
