// The proxy setting end to end: Manual chosen in Settings (a bad address refused in words, a password refused), a send
// that goes through the real proxy and says so in the response's status line, then None going direct again.
import { startProxy, type RunningProxy } from '../fixtures/proxyServers';
import { expect, fillRequest, inSettings, test } from './fixtures';

const TOKEN = 'kp-e2e-proxy-token';
let proxy: RunningProxy;

test.beforeAll(async () => {
  proxy = await startProxy();
});
test.afterAll(async () => {
  await proxy.close();
});

test('a manual proxy chosen in Settings carries the send, and the response says which proxy', async ({ app, server }) => {
  const { page } = app;
  const proxyHost = new URL(proxy.url).host;
  await inSettings(page, async () => {
    await expect(page.getByTestId('proxy-mode')).toHaveValue('system');
    await page.getByTestId('proxy-mode').selectOption('manual');
    await expect(page.getByTestId('proxy-url-error')).toContainText('Type the proxy’s address');
    await page.getByTestId('proxy-url').fill('http://ada:secret@127.0.0.1:3128');
    await expect(page.getByTestId('proxy-url-error')).toContainText('A proxy password does not belong in the address');
    await page.getByTestId('proxy-url').fill(proxy.url);
    await expect(page.getByTestId('proxy-url-error')).toHaveCount(0);
  });

  await fillRequest(page, { url: `${server.url}/echo`, token: TOKEN, body: '{}' });
  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toContainText('200');
  await expect(page.getByTestId('via-proxy')).toHaveText(`via proxy ${proxyHost}`);
  expect(proxy.connects.map(({ target }) => target)).toEqual([new URL(server.url).host]);

  await inSettings(page, async () => void (await page.getByTestId('proxy-mode').selectOption('none')));
  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toContainText('200');
  await expect(page.getByTestId('via-proxy')).toHaveCount(0);
  expect(proxy.connects).toHaveLength(1);
});

test('a proxy that asks for a password is told so, and gets it once it is saved in the keychain from Settings', async ({ app, server }) => {
  const { page } = app;
  const guarded = await startProxy({ user: 'ada', password: 'kp-e2e-proxy-pw' });
  try {
    await inSettings(page, async () => {
      await page.getByTestId('proxy-mode').selectOption('manual');
      await page.getByTestId('proxy-url').fill(guarded.url.replace('http://', 'http://ada@'));
      await expect(page.getByTestId('proxy-password')).toBeVisible();
    });
    await fillRequest(page, { url: `${server.url}/echo`, token: TOKEN, body: '{}' });
    await page.getByTestId('send').click();
    await expect(page.getByTestId('error')).toContainText(`The proxy ${new URL(guarded.url).host} asked for authentication (407`);
    expect(server.received).toHaveLength(0);

    await inSettings(page, async () => {
      await page.getByTestId('proxy-password').fill('kp-e2e-proxy-pw');
      await page.getByTestId('proxy-password-save').click();
      await expect(page.getByTestId('proxy-password-note')).toHaveText('Password saved in the keychain.');
      await expect(page.getByTestId('proxy-password')).toHaveValue('');
    });
    await page.getByTestId('send').click();
    await expect(page.getByTestId('via-proxy')).toHaveText(`via proxy ${new URL(guarded.url).host}`);
    expect(guarded.connects.at(-1)?.target).toBe(new URL(server.url).host);
  } finally {
    await guarded.close();
  }
});
