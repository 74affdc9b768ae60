// The page is locked down (CSP), and what the server says about auth and redirects reaches the user.
import { startSelfSignedTlsServer } from '../fixtures/faultyServers';
import { displayedBody, expect, fillRequest, test } from './fixtures';

const TOKEN = 'kp-e2e-security-3c8d';

test('the renderer runs no inline script and cannot reach the network itself', async ({ app, server }) => {
  const { page } = app;
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("connect-src 'none'");

  const inlineRan = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
  });
  expect(inlineRan).toBe(false);

  const direct = await page.evaluate((url) => fetch(url, { method: 'POST' }).then(() => 'reached', () => 'blocked'), `${server.url}/echo`);
  expect(direct).toBe('blocked');
  expect(server.received).toHaveLength(0);
});

test('the page is served with the CSP header too', async ({ app }) => {
  const response = await app.fetchFromApp('/index.html');
  expect(response.status).toBe(200);
  expect(response.headers['content-security-policy']).toContain("default-src 'none'");
  expect(response.headers['x-content-type-options']).toBe('nosniff');
});

// Only real Electron answers the page's permission prompts with main's handlers (electron/hardening.ts). In the Chromium
// harness the answers would be the harness's own Playwright permissions, so there this says nothing about Keypost: the
// handlers themselves are checked through the built main in tests/unit/mainGlue.test.ts, for these permissions and more.
test('under Electron, the page cannot read the clipboard, and is refused notifications and geolocation', async ({ app }) => {
  test.skip(process.env.E2E_TARGET !== 'electron', 'The Chromium harness answers permissions itself; main’s handlers are covered by tests/unit/mainGlue.test.ts.');
  const { page } = app;
  const outcome = await page.evaluate(async () => {
    const settle = (promise: Promise<unknown>) => promise.then(() => 'allowed', () => 'refused');
    const geolocation = new Promise((resolve, reject) => navigator.geolocation.getCurrentPosition(resolve, reject, { timeout: 2000 }));
    return {
      read: await settle(navigator.clipboard.readText()),
      notifications: await Notification.requestPermission(),
      geolocation: await settle(geolocation),
    };
  });
  expect(outcome).toEqual({ read: 'refused', notifications: 'denied', geolocation: 'refused' });
});

test('a 401 names the credential and says what the server said about its token', async ({ app, server }) => {
  const { page } = app;
  const challenge = 'Bearer realm="test", error="invalid_token", error_description="The token was revoked"';
  await fillRequest(page, { url: `${server.url}/status?code=401&challenge=${encodeURIComponent(challenge)}`, token: TOKEN, body: '{}' });
  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('401 Unauthorized');
  const notice = page.getByTestId('auth-failure');
  await expect(notice).toHaveAttribute('data-likely', 'invalid');
  await expect(notice).toContainText('does not accept the token of credential “default”');
  await expect(notice).toContainText('The server says: “The token was revoked”');
});

test('a 403 with insufficient_scope says which scope the token lacks', async ({ app, server }) => {
  const { page } = app;
  const challenge = 'Bearer error="insufficient_scope", scope="orders:write"';
  await fillRequest(page, { url: `${server.url}/status?code=403&challenge=${encodeURIComponent(challenge)}`, token: TOKEN, body: '{}' });
  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('403 Forbidden');
  await expect(page.getByTestId('auth-failure')).toContainText('lacks permission (403). It needs the scope “orders:write”');
});

test('a redirect to another origin is shown and not followed, so the token stays home', async ({ app, server }) => {
  const { page } = app;
  const elsewhere = server.url.replace('127.0.0.1', 'localhost');
  await fillRequest(page, { url: `${server.url}/redirect?status=307&to=${encodeURIComponent(`${elsewhere}/echo`)}`, token: TOKEN, body: '{}' });
  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('307 Temporary Redirect');
  await expect(page.getByText('not followed')).toBeVisible();
  expect(server.received.map((request) => request.url)).toEqual([expect.stringMatching(/^\/redirect/)]);
});

test('a link inside a response body opens nothing when clicked', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/echo`, token: TOKEN, body: '{"next":"https://evil.example/steal"}' });
  await page.getByTestId('send').click();
  await expect.poll(() => displayedBody(page)).toContain('https://evil.example/steal');
  const before = page.url();
  // Whatever a click could start is recorded as it starts, during the click's own dispatch: a navigation of this page
  // (the Navigation API's navigate event), a window.open, or a link followed (a click on an anchor that nothing
  // prevented, which opens a tab). The window's click listener, added after the page's own, runs last: once it has
  // counted the click, the page has handled it, and any such attempt is in the record.
  await page.evaluate(() => {
    const seen = { clicks: 0, attempts: [] as string[] };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    const { navigation } = window as unknown as { navigation: EventTarget };
    navigation.addEventListener('navigate', (event) => seen.attempts.push(`navigate ${(event as unknown as { destination: { url: string } }).destination.url}`));
    const open = window.open.bind(window);
    window.open = (...args) => {
      seen.attempts.push(`window.open ${String(args[0])}`);
      return open(...args);
    };
    window.addEventListener('click', (event) => {
      seen.clicks++;
      const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.href !== '');
      if (link && !event.defaultPrevented) seen.attempts.push(`link ${link.href}`);
    });
  });
  const seen = () => page.evaluate(() => (window as unknown as { __seen: { clicks: number; attempts: string[] } }).__seen);
  await page.getByTestId('response-body').getByText('evil.example', { exact: false }).click({ modifiers: ['ControlOrMeta'] });
  await expect.poll(async () => (await seen()).clicks).toBe(1);
  expect((await seen()).attempts).toEqual([]);
  expect(page.url()).toBe(before);
  expect(app.page.context().pages()).toHaveLength(1);
});

test('a token over plain http to another host waits for an explicit opt-in', async ({ app }) => {
  const { page } = app;
  await fillRequest(page, { url: 'http://keypost-plain-http.invalid/items', token: TOKEN, body: '{}' });
  await page.getByTestId('send').click();
  await expect(page.getByTestId('error')).toContainText('unencrypted over plain http');
  await expect(page.getByTestId('opt-ins')).toHaveCount(0);

  await page.getByTestId('allow-plain-http').click();
  // Now it really goes out: this host does not exist, so the next answer is a DNS failure.
  await expect(page.getByTestId('error')).toContainText('could not be found');
  await expect(page.getByTestId('opt-ins')).toContainText('plain http');
});

test('a self-signed certificate is refused until the user accepts it for the request', async ({ app }) => {
  const tls = await startSelfSignedTlsServer();
  try {
    const { page } = app;
    await fillRequest(page, { url: `${tls.url}/`, token: TOKEN, body: '{}' });
    await page.getByTestId('send').click();
    await expect(page.getByTestId('error')).toContainText('certificate');
    expect(tls.authorizations).toEqual([]);

    await page.getByTestId('allow-self-signed').click();
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    expect(tls.authorizations).toEqual([`Bearer ${TOKEN}`]);
    await expect(page.getByTestId('opt-ins')).toContainText('Self-signed');
  } finally {
    await tls.close();
  }
});
