// The cookie jar end to end: a login's cookie is kept and sent with the next request, the Cookies dialog (from the
// response pane and from the sidebar's collection row) lists it with its value masked until revealed, an edited value
// is what goes out, clearing the jar stops it being sent, and no file of the app holds its value.
import { expect, filesContaining, fillRequest, test } from './fixtures';
import { startCookieServer } from '../fixtures/cookieServer';

test('a login cookie is sent back, listed masked in the Cookies dialog, cleared, and then no longer sent', async ({ app }) => {
  const server = await startCookieServer();
  try {
    const { page } = app;
    await fillRequest(page, { url: `${server.url}/login`, token: 'kp-e2e-cookies-token' });
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toHaveText('200 OK');

    await page.getByTestId('url').fill(`${server.url}/me`);
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    expect(server.cookies.at(-1)).toEqual({ path: '/me', cookie: `session=${server.session}` });

    // Listed with its value masked; revealed only on request.
    await page.getByTestId('open-cookies').click();
    const dialog = page.getByTestId('cookies-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('cookies-storage')).toHaveText('On disk, encrypted with a key kept in your OS keychain.');
    const row = dialog.getByTestId('cookie-row');
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-name', 'session');
    await expect(row).toContainText('127.0.0.1');
    await expect(row).toContainText('HttpOnly');
    await expect(row.getByTestId('cookie-value')).not.toContainText(server.session);
    expect(await dialog.innerHTML()).not.toContain(server.session);
    await row.getByTestId('cookie-reveal').click();
    await expect(row.getByTestId('cookie-value')).toHaveText(server.session);

    // Edited by hand: the new value is what goes out.
    await row.getByTestId('cookie-edit').click();
    await row.getByTestId('cookie-edit-value').fill('edited-by-hand');
    await row.getByTestId('cookie-save').click();
    await expect(dialog.getByTestId('cookies-status')).toHaveText('Cookie “session” saved.');
    await dialog.getByTestId('cookies-close').click();
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toContainText('401');
    expect(server.cookies.at(-1)).toEqual({ path: '/me', cookie: 'session=edited-by-hand' });

    // Cleared: nothing goes out.
    await page.getByTestId('collection-cookies').click();
    await expect(dialog.getByTestId('cookie-row')).toHaveCount(1);
    await dialog.getByTestId('cookies-clear').click();
    await expect(dialog.getByTestId('cookie-row')).toHaveCount(0);
    await dialog.getByTestId('cookies-close').click();

    // The last answer was a 401 too: wait for this send to reach the server.
    const before = server.cookies.length;
    await page.getByTestId('send').click();
    await expect.poll(() => server.cookies.length).toBe(before + 1);
    await expect(page.getByTestId('status')).toContainText('401');
    expect(server.cookies.at(-1)).toEqual({ path: '/me', cookie: null });
    expect(await filesContaining(app.userDataDir, server.session)).toEqual([]);
  } finally {
    await server.close();
  }
});

test('the Cookies checkbox keeps a request out of the jar, and a cookie the jar refuses is said in the response', async ({ app }) => {
  const server = await startCookieServer();
  try {
    const { page } = app;
    const host = new URL(server.url).host;
    await fillRequest(page, { url: `${server.url}/bad`, token: 'kp-e2e-cookies-token' });
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    await expect(page.getByTestId('cookie-notices')).toContainText(
      `Cookie “foreign” from ${host} was not kept: its Domain other.example is not 127.0.0.1 or a domain 127.0.0.1 belongs to.`,
    );
    await expect(page.getByTestId('cookie-notices')).toContainText(`Cookie “huge” from ${host} was not kept: it is larger than 4096 bytes`);

    // Off for this request: the kept cookie "fine" is not sent, and the login's cookie is not kept.
    await page.getByTestId('cookies-opt').uncheck();
    await page.getByTestId('url').fill(`${server.url}/login`);
    const before = server.cookies.length;
    await page.getByTestId('send').click();
    await expect.poll(() => server.cookies.length).toBe(before + 1);
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    expect(server.cookies.at(-1)).toEqual({ path: '/login', cookie: null });
    await page.getByTestId('cookies-opt').check();
    await page.getByTestId('url').fill(`${server.url}/me`);
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toContainText('401');
    expect(server.cookies.at(-1)).toEqual({ path: '/me', cookie: 'fine=1' });
  } finally {
    await server.close();
  }
});
