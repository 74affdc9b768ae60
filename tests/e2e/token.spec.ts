// The token's life in the UI: a typed token is never dropped silently (saving stores it, closing asks first).
import { SignJWT } from 'jose';
import { launchApp } from './harness';
import { expect, fillRequest, forgetKeychain, saveAsNew, test } from './fixtures';

const TOKEN = 'kp-e2e-typed-then-saved-5d1e';

test('a token typed and then saved with the preset (Ctrl+S) survives a restart and is sent', async ({ server }) => {
  const first = await launchApp();
  try {
    await fillRequest(first.page, { url: `${server.url}/echo`, token: TOKEN, body: '{"saved":true}' });
    await saveAsNew(first.page, 'Typed token');
    // Stored, so nothing is left to lose: the field shows the keychain badge, not the typed text.
    await expect(first.page.getByTestId('token')).toHaveValue('');
    await expect(first.page.getByText('Stored in keychain')).toBeVisible();
    await first.close();

    const second = await launchApp({ userDataDir: first.userDataDir });
    try {
      await expect(second.page.getByTestId('preset-current')).toHaveText('Typed token');
      await second.page.getByTestId('send').click();
      await expect(second.page.getByTestId('status')).toHaveText('200 OK');
      expect(server.received.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    } finally {
      await second.close();
    }
  } finally {
    await forgetKeychain(first.keychainService);
  }
});

test('closing the window with a typed but unstored token asks first, and cancelling keeps it', async ({ app }) => {
  test.skip(process.env.E2E_TARGET === 'electron', 'In Electron main asks with a native dialog (will-prevent-unload), covered by tests/unit/mainGlue.test.ts.');
  const { page } = app;
  await page.getByTestId('token').fill(TOKEN);
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  // Still open, the typed token still there.
  await expect(page.getByTestId('token')).toHaveValue(TOKEN);
  expect(page.isClosed()).toBe(false);

  // Once stored (Send stores it), closing needs no question.
  await page.getByTestId('url').fill('http://127.0.0.1:9/unused');
  await page.getByTestId('send').click();
  await expect(page.getByText('Stored in keychain')).toBeVisible();
  let askedAgain = false;
  page.on('dialog', (again) => {
    askedAgain = true;
    void again.accept();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(askedAgain).toBe(false);
});

const jwt = (claims: Record<string, unknown>) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('an-e2e-signing-key-of-32-bytes!!'));
const inHours = (hours: number) => Math.floor(Date.now() / 1000) + hours * 3600;

test('a JWT shows its expiry and issuer, and an expired one is sent only after Send anyway', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/echo`, token: await jwt({ iss: 'https://id.example', aud: 'orders', exp: inHours(3) + 60 }), body: '{}' });
  await expect(page.getByTestId('token-status')).toHaveText('JWT: expires in 3 h · issuer https://id.example · audience orders');

  const expired = await jwt({ exp: inHours(-1) });
  await page.getByTestId('token').fill(expired);
  await expect(page.getByTestId('token-status')).toHaveText('JWT: expired 1 h ago');
  await expect(page.getByTestId('token-status')).toHaveAttribute('data-state', 'expired');
  const before = server.received.length;
  await page.getByTestId('send').click();
  await expect(page.getByTestId('error')).toContainText('The token of credential “default” expired 1 h ago.');
  expect(server.received.length).toBe(before);

  await page.getByTestId('send-anyway').click();
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  expect(server.received.at(-1)!.headers.authorization).toBe(`Bearer ${expired}`);
  // Stored by that send, the token is described from the keychain now, as it will be after a restart.
  await expect(page.getByText('Stored in keychain')).toBeVisible();
  await expect(page.getByTestId('token-status')).toHaveText('JWT: expired 1 h ago');
});

test('Check sends the credential to the request’s URL or another, and tells accepted from rejected', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/echo`, token: TOKEN, body: '{"not":"sent"}' });
  await page.getByTestId('token-check').click();
  await expect(page.getByTestId('token-check-url')).toHaveValue(`${server.url}/echo`);
  await page.getByTestId('token-check-run').click();
  const result = page.getByTestId('token-check-result');
  await expect(result).toHaveAttribute('data-verdict', 'accepted');
  await expect(result).toContainText('Accepted: the server answered 200 OK');
  expect([server.received.at(-1)!.method, server.received.at(-1)!.headers.authorization, server.received.at(-1)!.body]).toEqual(['GET', `Bearer ${TOKEN}`, '']);
  // The typed token was stored to be checked, as Send stores it.
  await expect(page.getByText('Stored in keychain')).toBeVisible();

  const challenge = 'Bearer error="invalid_token", error_description="Signature expired"';
  await page.getByTestId('token-check-url').fill(`${server.url}/status?code=401&challenge=${encodeURIComponent(challenge)}`);
  await page.keyboard.press('Enter');
  await expect(result).toHaveAttribute('data-verdict', 'rejected');
  await expect(result).toContainText('The token of credential “default” has expired (401)');
  await expect(result).toContainText('“Signature expired”');
});

test('HTTP Basic: the user name in the request, the password in the keychain, sent as RFC 7617 says', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/echo`, body: '{}' });
  await page.getByTestId('auth-kind').selectOption('basic');
  await page.getByTestId('auth-username').fill('zoë');
  await expect(page.getByText('Password', { exact: true })).toBeVisible();
  await page.getByTestId('token').fill('pa:ss');
  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  expect(server.received.at(-1)!.headers.authorization).toBe(`Basic ${Buffer.from('zoë:pa:ss', 'utf8').toString('base64')}`);
  await expect(page.getByText('Stored in keychain')).toBeVisible();

  // A colon in the user name cannot be sent (it would move into the password).
  await page.getByTestId('auth-username').fill('a:b');
  await page.getByTestId('send').click();
  await expect(page.getByTestId('error')).toContainText('cannot contain a colon');
});
