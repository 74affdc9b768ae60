// A secret environment variable used as {{key}} in a credential-named header: the files keep "{{key}}" (it is no
// secret, the variable is), so a request reopened from History sends the real value again, and nothing offers to
// move "{{key}}" to the keychain.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WORKSPACE_NAME } from '../../electron/core/workspace/workspaceFile';
import type { SavedWorkspace } from '../../shared/workspace';
import { addEnvironment, addRow, expect, filesContaining, test } from './fixtures';

const SECRET = 'kp-e2e-variable-key-3f9b0d';

test('an X-API-Key of {{key}} is sent with the secret value, saved as {{key}}, and sent again from History', async ({ app, server }) => {
  const { page } = app;
  await addEnvironment(page, 'Staging', [{ name: 'baseUrl', value: server.url }, { name: 'key', value: SECRET, secret: true }]);
  await page.getByTestId('env-select').selectOption({ label: 'Staging' });
  await page.getByTestId('credential-select').selectOption('');
  await page.getByTestId('method').selectOption('GET');
  await page.getByTestId('url').fill('{{baseUrl}}/echo');
  await page.getByTestId('request-section-headers').click();
  await addRow(page, 'headers-table', 'X-API-Key', '{{key}}');

  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  expect(server.received).toHaveLength(1);
  expect(server.received[0]!.headers['x-api-key']).toBe(SECRET);
  // "{{key}}" is not a secret typed into the table: nothing to move to the keychain.
  await expect(page.getByTestId('secret-notice')).toHaveCount(0);

  // The saved tabs keep the reference as written (they are saved as the user types).
  const workspaceFile = path.join(app.userDataDir, `${WORKSPACE_NAME}.json`);
  const savedHeaders = async () => {
    const saved = JSON.parse(await readFile(workspaceFile, 'utf8').catch(() => '{"tabs":[]}')) as SavedWorkspace;
    return saved.tabs[0]?.draft.headers;
  };
  await expect.poll(savedHeaders).toEqual([{ name: 'X-API-Key', value: '{{key}}', enabled: true }]);

  // Reopened from History into a new tab: the header still reads {{key}}, and the server gets the value again.
  await page.getByTestId('sidebar-tab-history').click();
  await expect(page.getByTestId('history-item')).toHaveCount(1);
  await page.getByTestId('history-item').first().click();
  await expect(page.getByTestId('tab')).toHaveCount(2);
  await page.getByTestId('request-section-headers').click();
  const row = page.getByTestId('headers-table').getByTestId('kv-row').first();
  await expect(row.getByTestId('kv-name')).toHaveValue('X-API-Key');
  await expect(row.getByTestId('kv-value')).toHaveValue('{{key}}');
  await expect(page.getByTestId('secret-notice')).toHaveCount(0);
  await page.getByTestId('send').click();
  await expect.poll(() => server.received.length).toBe(2);
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  expect(server.received[1]!.headers['x-api-key']).toBe(SECRET);

  // The value itself is in the keychain only.
  expect(await filesContaining(app.userDataDir, SECRET)).toEqual([]);
});
