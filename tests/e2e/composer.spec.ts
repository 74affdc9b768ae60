// The whole request in the composer: query and header tables, form bodies, tabs that send on their own, the theme,
// and a preset written by the previous version that still opens and sends as it did.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchApp } from './harness';
import { addRow, expect, filesContaining, fillRequest, forgetKeychain, test } from './fixtures';

const TOKEN = 'kp-e2e-composer-5e1a';

test('a GET with query rows and a custom header reaches the server exactly as shown', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/echo?page=2`, token: TOKEN });
  await page.getByTestId('method').selectOption('GET');
  await expect(page.getByTestId('body-not-sent')).toBeVisible();

  await page.getByTestId('request-section-query').click();
  await expect(page.getByTestId('query-table').getByTestId('kv-row')).toHaveCount(1);
  await addRow(page, 'query-table', 'q', 'a b&c');
  await expect(page.getByTestId('url')).toHaveValue(`${server.url}/echo?page=2&q=a b%26c`);

  await page.getByTestId('request-section-headers').click();
  // A GET sends no body, so no Content-Type is derived: Authorization, Accept, Accept-Encoding and User-Agent.
  await expect(page.getByTestId('headers-table').getByTestId('kv-derived')).toHaveCount(4);
  await addRow(page, 'headers-table', 'X-Trace', 'kp-1');
  await addRow(page, 'headers-table', 'accept', 'text/plain');
  const derivedAccept = page.getByTestId('headers-table').getByTestId('kv-derived').filter({ has: page.getByText('Accept', { exact: true }) });
  await expect(derivedAccept).toHaveAttribute('data-overridden', 'true');

  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  const received = server.received.at(-1)!;
  expect(received.method).toBe('GET');
  expect(received.url).toBe('/echo?page=2&q=a%20b%26c');
  expect(received.headers['x-trace']).toBe('kp-1');
  expect(received.headers.accept).toBe('text/plain');
  expect(received.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(received.headers['content-type']).toBeUndefined();
  expect(received.body).toBe('');
});

test('refuses a header name with a space, saying which, and sends nothing', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/echo`, token: TOKEN });
  await page.getByTestId('request-section-headers').click();
  await addRow(page, 'headers-table', 'X Bad', '1');
  await expect(page.getByTestId('headers-table').getByTestId('kv-problem')).toContainText('X Bad');
  await page.getByTestId('send').click();
  await expect(page.getByTestId('error')).toContainText('not a valid header name');
  expect(server.received).toHaveLength(0);
});

test('a PUT with a form body sends the fields urlencoded', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/echo`, token: TOKEN });
  await page.getByTestId('method').selectOption('PUT');
  await page.getByTestId('body-kind').selectOption('form');
  await addRow(page, 'form-table', 'name', 'Ada Lovelace');
  await addRow(page, 'form-table', 'lang', 'en&fr');
  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  const received = server.received.at(-1)!;
  expect([received.method, received.headers['content-type'], received.body]).toEqual([
    'PUT',
    'application/x-www-form-urlencoded',
    'name=Ada+Lovelace&lang=en%26fr',
  ]);
});

test('two tabs sending at once each show their own response, and a failed send marks the old response', async ({ app, server }) => {
  const { page } = app;
  // The server holds each request, unanswered, until the test releases it: the two sends overlap by construction.
  const [first, second] = [server.hold('first'), server.hold('second')];
  await fillRequest(page, { url: `${server.url}/status?code=202&hold=first`, token: TOKEN });
  await page.getByTestId('send').click();
  await page.keyboard.press('ControlOrMeta+T');
  await expect(page.getByTestId('tab')).toHaveCount(2);
  await fillRequest(page, { url: `${server.url}/status?code=201&hold=second` });
  await page.getByTestId('send').click();
  // Both requests reached the server before either got its answer.
  await expect.poll(() => server.received.map((request) => request.url).sort()).toEqual(['/status?code=201&hold=second', '/status?code=202&hold=first']);
  await Promise.all([first.reached, second.reached]);

  // The second answers first: its tab shows it while the first tab still waits for its own.
  second.release();
  await expect(page.getByTestId('status')).toHaveText('201 Created');
  await page.getByTestId('tab').first().getByRole('tab').click();
  await expect(page.getByTestId('send')).toHaveText(/Sending/);
  first.release();
  await expect(page.getByTestId('status')).toHaveText('202 Accepted');
  await page.getByTestId('tab').last().getByRole('tab').click();
  await expect(page.getByTestId('status')).toHaveText('201 Created');

  // The second tab now fails: its 201 stays visible, marked as belonging to the earlier request.
  await page.getByTestId('url').fill('http://127.0.0.1:9/nothing-listens');
  await page.getByTestId('send').click();
  await expect(page.getByTestId('error')).toBeVisible();
  await expect(page.getByTestId('response-old')).toContainText('earlier request');
});

test('the theme follows the OS colour scheme, and Settings can pin one', async ({ app }) => {
  const { page } = app;
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background();
  expect(light).not.toBe(dark);

  await page.keyboard.press('ControlOrMeta+,');
  await page.getByTestId('theme-select').selectOption('light');
  await expect.poll(background).toBe(light);
  await page.getByTestId('settings-close').click();
});

test('a preset saved by the previous version (store schema 2) opens and sends unchanged', async ({ server }) => {
  const first = await launchApp();
  const dir = first.userDataDir;
  await first.close();
  await mkdir(dir, { recursive: true });
  const v2 = {
    schemaVersion: 2,
    presets: [{ id: 'old-1', name: 'Old orders', url: `${server.url}/echo?status=open&page=1`, method: 'PATCH', body: '{"n": 1}', credential: 'default', updatedAt: 1 }],
    settings: { lastPresetId: 'old-1', selectedCredential: 'default', windowBounds: null, bodyLimitMb: 100 },
  };
  await writeFile(path.join(dir, 'keypost-store.json'), JSON.stringify(v2));
  await writeFile(path.join(dir, 'keypost-workspace.json'), '{}');
  const app = await launchApp({ userDataDir: dir });
  try {
    const { page } = app;
    await expect(page.getByTestId('preset-current')).toHaveText('Old orders');
    await expect(page.getByTestId('url')).toHaveValue(`${server.url}/echo?status=open&page=1`);
    await expect(page.getByTestId('method')).toHaveValue('PATCH');
    await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
    await page.getByTestId('token').fill(TOKEN);
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    const received = server.received.at(-1)!;
    expect([received.method, received.url, received.body, received.headers['content-type'], received.headers.authorization]).toEqual([
      'PATCH',
      '/echo?status=open&page=1',
      '{"n": 1}',
      'application/json',
      `Bearer ${TOKEN}`,
    ]);
  } finally {
    await app.close();
    await forgetKeychain(app.keychainService);
  }
});

test('a token typed into the headers table is sent, refused by a save, kept out of every file, and one click moves it to the keychain', async ({ server }) => {
  const secret = `kp-header-${Date.now().toString(36)}-Zq81`;
  const first = await launchApp();
  let second: Awaited<ReturnType<typeof launchApp>> | undefined;
  try {
    const { page } = first;
    await fillRequest(page, { url: `${server.url}/echo` });
    await page.getByTestId('credential-select').selectOption('');
    await page.getByTestId('request-section-headers').click();
    await addRow(page, 'headers-table', 'Authorization', `Bearer ${secret}`);
    await expect(page.getByTestId('secret-notice')).toContainText('Authorization');
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    expect(server.received.at(-1)!.headers.authorization).toBe(`Bearer ${secret}`);

    // A save would put it into a collection file: refused, naming the field, and nothing is written.
    await page.keyboard.press('ControlOrMeta+S');
    await page.getByTestId('preset-name').fill('header token');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('preset-name-error')).toContainText('the header "Authorization" holds');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('preset-item')).toHaveCount(0);
    expect(await filesContaining(first.userDataDir, secret)).toEqual([]);

    // Moved in one click: it now lives in the keychain as a credential, the save goes through, and it goes out from there.
    await page.getByTestId('secret-move').click();
    await expect(page.getByTestId('secret-notice')).toHaveCount(0);
    await expect(page.getByTestId('credential-select')).toHaveValue(/Authorization/);
    await page.keyboard.press('ControlOrMeta+S');
    await page.getByTestId('preset-name').fill('header token');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
    await page.getByTestId('preset-export').click();
    await expect(page.getByTestId('notice')).toContainText('Exported 1 preset');
    await first.close();

    second = await launchApp({ userDataDir: first.userDataDir });
    const again = second.page;
    await expect(again.getByTestId('preset-current')).toHaveText('header token');
    await expect(again.getByTestId('credential-select')).toHaveValue(/Authorization/);
    await again.getByTestId('send').click();
    await expect(again.getByTestId('status')).toHaveText('200 OK');
    expect(server.received).toHaveLength(2);
    expect(server.received.at(-1)!.headers.authorization).toBe(`Bearer ${secret}`);
    expect(await filesContaining(first.userDataDir, secret)).toEqual([]);
  } finally {
    await second?.close();
    await forgetKeychain(first.keychainService);
  }
});

test('a damaged open tabs file is kept aside, the page says where, and what was typed is in that copy', async ({ server }) => {
  const first = await launchApp();
  const dir = first.userDataDir;
  try {
    await first.page.getByTestId('url').fill(`${server.url}/typed-before-the-damage`);
    // The tabs are saved as the user types.
    await expect.poll(() => readFile(path.join(dir, 'keypost-workspace.json'), 'utf8').catch(() => '')).toContain('typed-before-the-damage');
  } finally {
    await first.close();
  }
  const file = path.join(dir, 'keypost-workspace.json');
  const text = await readFile(file, 'utf8');
  const damaged = text.slice(0, text.indexOf('typed-before-the-damage') + 10);
  await writeFile(file, damaged);

  const app = await launchApp({ userDataDir: dir });
  try {
    const { page } = app;
    const notice = page.getByTestId('workspace-notice');
    await expect(notice).toContainText('Your open tabs file could not be read completely');
    await expect(notice).toContainText('not valid JSON');
    const backupPath = (await notice.getByTestId('store-backup-path').textContent())!;
    expect(path.basename(backupPath)).toMatch(/^keypost-workspace\.corrupt-.*\.json$/);
    expect(await readFile(backupPath, 'utf8')).toBe(damaged);
    // The app goes on with a fresh tab; the notice goes when dismissed.
    await expect(page.getByTestId('url')).toHaveValue('');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  } finally {
    await app.close();
    await forgetKeychain(app.keychainService);
  }
});
