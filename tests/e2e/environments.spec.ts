// Environments end to end: variables in the URL and query, a secret one kept in the keychain only, the URL resolved
// on hover, and an undefined variable flagged as you type and refused on Send. Each environment is a file in the
// collection (environments/<name>.env.yaml) holding only the names of secret variables; a file changed outside the
// app shows in it, and a plain value that is a secret is refused with the offer to mark it secret.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addEnvironment, expect, filesContaining, test, withApps } from './fixtures';
import { launchApp } from './harness';

const SECRET = 'kp-e2e-env-secret-8c2e71';
// Built at run time so this file holds no string a repository scanner would take for a real key.
const GITHUB_TOKEN = ['ghp', 'kpE2eEnvGuard0123456789abcdefABCDEFGH'].join('_');
const environmentsFolder = (userDataDir: string) => path.join(userDataDir, 'collection', 'environments');

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
  // The environment is a file in the collection: the plain value, and only the name of the secret one.
  const file = await readFile(path.join(environmentsFolder(app.userDataDir), 'Staging.env.yaml'), 'utf8');
  expect(file).toContain(`  - name: baseUrl\n    value: ${server.url}\n    enabled: true\n`);
  expect(file).toContain('  - name: apiToken\n    secret: true\n    enabled: true\n');

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

test('an environment file changed outside the app shows in it, and its secret variable asks for a value here', async ({ app, server }) => {
  const { page, userDataDir } = app;
  await addEnvironment(page, 'Pulled', [{ name: 'baseUrl', value: 'http://127.0.0.1:9' }]);
  const file = path.join(environmentsFolder(userDataDir), 'Pulled.env.yaml');
  // A teammate's version arrives (a git pull): another base URL, and a secret variable this machine has no value for.
  const pulled = (await readFile(file, 'utf8')).replace('http://127.0.0.1:9', server.url) + '  - name: apiToken\n    secret: true\n    enabled: true\n';
  await writeFile(file, pulled);
  // …with an environment that is new here: once it is listed, the page has read the pull.
  await writeFile(path.join(environmentsFolder(userDataDir), 'Team.env.yaml'), 'keypost: 1\nname: Team\nvariables: []\n');
  await expect(page.getByTestId('env-select').locator('option', { hasText: 'Team' })).toHaveCount(1);
  await page.getByTestId('env-manage').click();
  await page.getByTestId('env-item').filter({ hasText: 'Pulled' }).click();
  await expect(page.getByTestId('env-var-row')).toHaveCount(3);
  await expect(page.getByTestId('env-var-row').nth(1).getByTestId('env-var-value')).toHaveAttribute('placeholder', 'secret value');
  await page.getByTestId('env-close').click();

  await page.getByTestId('env-select').selectOption({ label: 'Pulled' });
  await page.getByTestId('credential-select').selectOption('');
  await page.getByTestId('method').selectOption('GET');
  await page.getByTestId('url').fill('{{baseUrl}}/echo?key={{apiToken}}');
  await expect(page.getByTestId('unresolved-variables')).toHaveText('The secret variable {{apiToken}} of “Pulled” has no value in the keychain.');
  await page.getByTestId('url').fill('{{baseUrl}}/echo');
  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  expect(server.received.at(-1)!.url).toBe('/echo');
});

test('a plain variable holding a GitHub token is refused, naming it; marked secret, it is saved to the keychain only', async ({ app }) => {
  const { page, userDataDir } = app;
  await page.getByTestId('env-manage').click();
  await page.getByTestId('env-new').click();
  await page.getByTestId('env-name').fill('CI');
  const row = page.getByTestId('env-var-row').first();
  await row.getByTestId('env-var-name').fill('ghToken');
  await row.getByTestId('env-var-value').fill(GITHUB_TOKEN);
  await page.getByTestId('env-save').click();
  await expect(page.getByTestId('env-error')).toContainText('“CI” was not saved: the variable “ghToken” holds a GitHub token.');
  expect(await filesContaining(userDataDir, GITHUB_TOKEN)).toEqual([]);

  await page.getByTestId('env-mark-secret').click();
  await expect(page.getByTestId('env-error')).toHaveCount(0);
  await expect(page.getByTestId('env-item').filter({ hasText: 'CI' })).toHaveCount(1);
  await expect(row.getByTestId('env-var-secret')).toBeChecked();
  await expect(row.getByTestId('env-var-value')).toHaveAttribute('placeholder', /stored in keychain/);
  expect(await readFile(path.join(environmentsFolder(userDataDir), 'CI.env.yaml'), 'utf8')).toContain('  - name: ghToken\n    secret: true\n');
  expect(await filesContaining(userDataDir, GITHUB_TOKEN)).toEqual([]);
});

test('with two collections open, the environments are grouped by collection, and a new one can go into the other', async () => {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'keypost-e2e-envs-'));
  const team = await mkdtemp(path.join(tmpdir(), 'keypost-e2e-team-'));
  try {
    await mkdir(path.join(team, 'environments'));
    await writeFile(path.join(team, 'environments', 'Shared.env.yaml'), 'keypost: 1\nid: shared\nname: Shared\nvariables: []\n');
    // A folder opened as a collection before: it comes back at start.
    await writeFile(path.join(userDataDir, 'keypost-collections.json'), JSON.stringify({ open: [team] }));
    await withApps(async (apps) => {
      const app = await launchApp({ userDataDir });
      apps.push(app);
      const { page } = app;
      await addEnvironment(page, 'Mine', [{ name: 'host', value: 'example.com' }]);
      const teamName = path.basename(team);
      await expect(page.getByTestId('env-select').locator('optgroup')).toHaveCount(2);
      await expect(page.getByTestId('env-select').locator(`optgroup[label="${teamName}"] option`)).toHaveText(['Shared']);

      await page.getByTestId('env-manage').click();
      await expect(page.getByTestId('env-group')).toHaveText(['My requests', teamName]);
      await page.getByTestId('env-new').click();
      await page.getByTestId('env-name').fill('Team QA');
      await page.getByTestId('env-collection').selectOption({ label: teamName });
      await page.getByTestId('env-save').click();
      await expect(page.getByTestId('env-item').filter({ hasText: 'Team QA' })).toHaveCount(1);
      expect((await readdir(path.join(team, 'environments'))).sort()).toEqual(['Shared.env.yaml', 'Team QA.env.yaml']);
      await page.screenshot({ path: path.join(tmpdir(), 'keypost-envs-two-collections.png') });
    });
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
    await rm(team, { recursive: true, force: true });
  }
});
