// Environments end to end: variables in the URL and query, a secret one kept in the keychain only, the URL resolved
// on hover, and an undefined variable flagged as you type and refused on Send.
import { addEnvironment, expect, filesContaining, test } from './fixtures';

const SECRET = 'kp-e2e-env-secret-8c2e71';

test('switching the environment changes the URL actually requested', async ({ app, server }) => {
  const { page } = app;
  await addEnvironment(page, 'Acme', [{ name: 'baseUrl', value: server.url }, { name: 'tenant', value: 'acme' }]);
  await addEnvironment(page, 'Globex', [{ name: 'baseUrl', value: server.url.replace('127.0.0.1', 'localhost') }, { name: 'tenant', value: 'globex' }]);
  await page.getByTestId('credential-select').selectOption('');
  await page.getByTestId('url').fill('{{baseUrl}}/echo?tenant={{tenant}}');
  for (const [environment, host, tenant] of [['Acme', '127.0.0.1', 'acme'], ['Globex', 'localhost', 'globex']]) {
    await page.getByTestId('env-select').selectOption({ label: environment! });
    const before = server.received.length;
    await page.getByTestId('send').click();
    // The previous answer is 200 too: wait for this send's request.
    await expect.poll(() => server.received.length).toBe(before + 1);
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    const received = server.received.at(-1)!;
    expect([received.url, received.headers.host?.split(':')[0]]).toEqual([`/echo?tenant=${tenant}`, host]);
  }
});

test('a secret variable is sent but kept out of every file; an undefined one is flagged and stops Send', async ({ app, server }) => {
  const { page } = app;
  await addEnvironment(page, 'Staging', [{ name: 'baseUrl', value: server.url }, { name: 'apiToken', value: SECRET, secret: true }]);
  await page.getByTestId('env-manage').click();
  await expect(page.getByTestId('env-var-row').nth(1).getByTestId('env-var-value')).toHaveAttribute('placeholder', /stored in keychain/);
  await page.getByTestId('env-close').click();

  await page.getByTestId('env-select').selectOption({ label: 'Staging' });
  await page.getByTestId('credential-select').selectOption('');
  await page.getByTestId('method').selectOption('GET');
  await page.getByTestId('url').fill('{{baseUrl}}/echo?key={{apiToken}}');
  await expect(page.getByTestId('unresolved-variables')).toHaveCount(0);
  // The resolved URL on hover, the secret as dots: the page never holds its value.
  await expect(page.getByTestId('url')).toHaveAttribute('title', `${server.url}/echo?key=••••••`);

  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  expect(server.received.at(-1)!.url).toBe(`/echo?key=${SECRET}`);
  expect(await filesContaining(app.userDataDir, SECRET)).toEqual([]);

  await page.getByTestId('url').fill('{{baseUrl}}/echo?key={{apiToken}}&x={{nope}}');
  await expect(page.getByTestId('unresolved-variables')).toHaveText('The variable {{nope}} is not defined in the environment “Staging”.');
  const before = server.received.length;
  await page.getByTestId('send').click();
  await expect(page.getByTestId('error')).toContainText('{{nope}}');
  expect(server.received.length).toBe(before);

  // No environment: every variable is undefined.
  await page.getByTestId('env-select').selectOption('');
  await expect(page.getByTestId('unresolved-variables')).toContainText('{{baseUrl}}, {{apiToken}}, {{nope}} are not defined in an environment (none is active)');
});
