// The walking skeleton end to end: form -> preload API -> real handler -> keychain -> local server -> viewer.
import { closedPortUrl } from '../fixtures/testServer';
import { launchApp } from './harness';
import { displayedBody, expect, fillRequest, filesContaining, forgetKeychain, test } from './fixtures';

const TOKEN = 'kp-e2e-token-7f3a9c1e5b';

test('sends an authenticated JSON POST and shows the formatted echo', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/echo`, token: TOKEN, body: '{"name":"Ada","tags":[1,2]}' });
  await page.getByTestId('send').click();

  await expect(page.getByTestId('status')).toHaveText('200 OK');
  const received = server.received.at(-1)!;
  expect(received.method).toBe('POST');
  expect(received.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(received.headers['content-type']).toBe('application/json');
  expect(received.headers.accept).toBe('application/json');
  expect(received.body).toBe('{"name":"Ada","tags":[1,2]}');

  await expect(page.getByTestId('elapsed')).toHaveText(/\d+ ms|\d+\.\d+ s/);
  await expect(page.getByTestId('size')).toHaveText(/\d+ B/);
  await expect(page.getByTestId('response-headers')).toContainText('content-type');
  await expect.poll(() => displayedBody(page)).toContain('"method": "POST"');
  const shown = await displayedBody(page);
  expect(shown).toContain(`  "authorization": "Bearer ${TOKEN}",`);
  expect(shown).toContain('    "name": "Ada",');
});

test('Ctrl+Enter sends from the body editor', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/echo`, token: TOKEN, body: '{"via":"keyboard"}' });
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  expect(server.received.at(-1)!.body).toBe('{"via":"keyboard"}');
});

test('Format and Shift+Alt+F lay the JSON body out, keeping a big number exact, and that is what is sent', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/echo`, token: TOKEN, body: '{"id":12345678901234567890,"n":[1,2]}' });
  await page.getByTestId('body-format').click();
  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  expect(server.received.at(-1)!.body).toBe('{\n  "id": 12345678901234567890,\n  "n": [\n    1,\n    2\n  ]\n}');

  await fillRequest(page, { url: `${server.url}/echo`, body: '{"a":{"b":1}}' });
  await page.keyboard.press('Shift+Alt+F');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect.poll(() => server.received.length).toBe(2);
  expect(server.received.at(-1)!.body).toBe('{\n  "a": {\n    "b": 1\n  }\n}');
});

test('refuses invalid JSON without sending and says where the error is', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/echo`, token: TOKEN, body: '{\n  "a": 1,\n  "b": }' });
  await page.getByTestId('send').click();
  await expect(page.getByTestId('error')).toContainText('not valid JSON');
  await expect(page.getByTestId('error')).toContainText('line 3');
  expect(server.received).toHaveLength(0);
});

test('tells the user when the server is down', async ({ app }) => {
  const { page } = app;
  await fillRequest(page, { url: `${await closedPortUrl()}/echo`, token: TOKEN, body: '{}' });
  await page.getByTestId('send').click();
  await expect(page.getByTestId('error')).toContainText('connection was refused');
  await expect(page.getByTestId('send')).toBeEnabled();
});

test('rejects a URL that is not http or https', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: 'ftp://127.0.0.1/file', token: TOKEN, body: '{}' });
  await page.getByTestId('send').click();
  await expect(page.getByTestId('error')).toContainText('Only http and https');
  await fillRequest(page, { url: 'not a url' });
  await page.getByTestId('send').click();
  await expect(page.getByTestId('error')).toContainText('is not a valid URL');
  expect(server.received).toHaveLength(0);
});

test('Cancel stops a request the server never answers', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/hang`, token: TOKEN, body: '{}' });
  await page.getByTestId('send').click();
  await expect(page.getByTestId('send')).toHaveText(/Sending/);
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('error')).toContainText('cancelled');
  await expect(page.getByTestId('send')).toHaveText(/Send/);
});

test('shows an HTML response as text and runs none of it', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/html`, token: TOKEN, body: '{}' });
  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  await expect.poll(() => displayedBody(page)).toContain('<script>window.__pwned = true</script>');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  await expect(page.locator('#injected')).toHaveCount(0);
});

test('keeps the token in the keychain only, across a restart', async ({ server }) => {
  const first = await launchApp();
  try {
    await fillRequest(first.page, { url: `${server.url}/echo`, token: TOKEN, body: '{"n":1}' });
    await first.page.getByTestId('send').click();
    await expect(first.page.getByTestId('status')).toHaveText('200 OK');
    // Once saved, the secret leaves the page: the field is empty and says a token is stored.
    await expect(first.page.getByTestId('token')).toHaveValue('');
    await first.close();

    const second = await launchApp({ userDataDir: first.userDataDir });
    await expect(second.page.getByTestId('token')).toHaveAttribute('placeholder', /stored/);
    await expect(second.page.getByTestId('token')).toHaveValue('');
    await fillRequest(second.page, { url: `${server.url}/echo` });
    await second.page.getByTestId('send').click();
    await expect(second.page.getByTestId('status')).toHaveText('200 OK');
    expect(server.received.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);

    await second.page.getByTestId('token-reveal').click();
    await expect(second.page.getByTestId('token')).toHaveValue(TOKEN);
    await second.page.getByTestId('token-reveal').click();
    await expect(second.page.getByTestId('token')).toHaveValue('');
    await second.close();

    expect(await filesContaining(first.userDataDir, TOKEN)).toEqual([]);
  } finally {
    await forgetKeychain(first.keychainService);
  }
});
