// cURL in and code out, end to end: a browser's "Copy as cURL" pasted into the URL field becomes a sendable request
// whose token went to the keychain, Import cURL… lists what it could not map, and the Code dialog copies a snippet.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const TOKEN = 'kp-e2e-curl-token-4c1b9e';

/** A paste into the URL field, as the clipboard delivers it. */
async function pasteIntoUrl(page: Page, text: string): Promise<void> {
  await page.getByTestId('url').click();
  await page.getByTestId('url').evaluate((input, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('a pasted Chrome cURL fills the draft, stores its bearer token in the keychain, and Send sends what it said', async ({ app, server }) => {
  const { page } = app;
  const command = [
    `curl '${server.url}/echo?source=chrome'`,
    `  -H 'accept: application/json, text/plain, */*'`,
    `  -H 'authorization: Bearer ${TOKEN}'`,
    `  -H 'content-type: application/json'`,
    `  -H 'x-trace: e2e-paste'`,
    `  --data-raw '{"pasted":true}'`,
    `  --compressed`,
  ].join(' \\\n');
  await pasteIntoUrl(page, command);

  await expect(page.getByTestId('url')).toHaveValue(`${server.url}/echo?source=chrome`);
  await expect(page.getByTestId('method')).toHaveValue('POST');
  // Handled as a token typed and stored: the keychain badge, an empty field, no Authorization row in the draft.
  await expect(page.getByText('Stored in keychain')).toBeVisible();
  await expect(page.getByTestId('token')).toHaveValue('');
  await expect(page.getByTestId('curl-unmapped')).toContainText('stored in the keychain');
  await page.getByTestId('request-section-headers').click();
  const names = page.getByTestId('headers-table').getByTestId('kv-row').getByTestId('kv-name');
  await expect(names).toHaveCount(2);
  expect(await names.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['accept', 'x-trace']);

  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  const received = server.received.at(-1)!;
  expect(received.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(received.headers['x-trace']).toBe('e2e-paste');
  expect(received.headers['content-type']).toBe('application/json');
  expect(received.body).toBe('{"pasted":true}');
});

test('Import cURL… lists what it could not map', async ({ app, server }) => {
  const { page } = app;
  await app.chooseMenuCommand('importCurl');
  await expect(page.getByTestId('curl-import-dialog')).toBeVisible();
  await page.getByTestId('curl-import-text').fill(`curl --max-time 5 -X PUT ${server.url}/echo -F name=Ada -F avatar=@me.png`);
  await page.getByTestId('curl-import-confirm').click();

  await expect(page.getByTestId('curl-import-dialog')).toBeHidden();
  await expect(page.getByTestId('method')).toHaveValue('PUT');
  const notice = page.getByTestId('curl-unmapped');
  await expect(notice).toContainText('--max-time 5');
  await expect(notice).toContainText('the timeout is set in Settings');
  await expect(notice).toContainText('-F avatar=@me.png');

  // A command that cannot be read keeps the dialog open and says why.
  await app.chooseMenuCommand('importCurl');
  await page.getByTestId('curl-import-text').fill(`curl '${server.url}/echo`);
  await page.getByTestId('curl-import-confirm').click();
  await expect(page.getByTestId('curl-import-error')).toContainText('never closed');
});

test('the Code dialog shows the request as cURL, fetch and Python, and copies it without the token', async ({ app, server }) => {
  const { page } = app;
  await page.getByTestId('url').fill(`${server.url}/echo?page=2`);
  await page.getByTestId('token').fill(TOKEN);
  await page.getByTestId('code-open').click();
  const dialog = page.getByTestId('code-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('export-code')).toContainText(`curl '${server.url}/echo?page=2'`);
  await page.getByTestId('export-fetch').click();
  await expect(page.getByTestId('export-code')).toContainText("env('KEYPOST_TOKEN')");
  await page.getByTestId('export-python').click();
  const snippet = page.getByTestId('export-code');
  await expect(snippet).toContainText('response = requests.post(url, data=data.encode("utf-8"), headers=headers)');
  await expect(snippet).toContainText('os.environ["KEYPOST_TOKEN"]');
  await expect(snippet).not.toContainText(TOKEN);

  await page.getByTestId('code-copy').click();
  await expect.poll(() => app.readClipboard()).toBe(await snippet.textContent());
});
