// Saved requests are files a team keeps in git: what the app saves is a file, and what changes on disk (a git pull,
// an editor) shows in the open app without a restart, never written over when the tab has edits of its own.
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startTestServer } from '../fixtures/testServer';
import { originQuestionsFor } from './harness';
import { expect, fillRequest, saveAsNew, test } from './fixtures';

const collectionOf = (userDataDir: string) => path.join(userDataDir, 'collection');
const item = (page: Page, name: string) => page.getByTestId('preset-item').filter({ hasText: name });

/** A file dropped into the collection shows in the sidebar: from then on, the app is seen to follow the folder. */
async function folderFollowed(page: Page, collection: string): Promise<void> {
  const probe = ['keypost: 1', 'name: Probe', 'request:', '  method: GET', '  url: https://probe.example', '  query: []', '  headers: []', '  body:', '    kind: none', '  auth:', '    kind: none', '  options: {}', ''].join('\n');
  await writeFile(path.join(collection, 'Probe.request.yaml'), probe);
  await expect(item(page, 'Probe')).toHaveCount(1);
}

test('a request saved in the app is a file, and an edit to that file shows in the open tab', async ({ app, server }) => {
  const { page, userDataDir } = app;
  const collection = collectionOf(userDataDir);
  await fillRequest(page, { url: `${server.url}/echo?list=users`, body: '{"page":1}', token: 'kp-e2e-files-token' });
  await saveAsNew(page, 'List users');
  const file = path.join(collection, 'List users.request.yaml');
  const saved = await readFile(file, 'utf8');
  expect(saved).toContain(`name: List users\n`);
  // The URL's query is rows of their own in the file, one line each, so a changed parameter is a one-line diff.
  expect(saved).toContain(`url: ${server.url}/echo\n  query:\n    - name: list\n      value: users\n`);

  await folderFollowed(page, collection);
  // An editor's atomic save: the new text to a temp file beside it, renamed over the original.
  const temp = path.join(collection, '.List users.request.yaml.swp');
  await writeFile(temp, saved.replace('value: users', 'value: accounts'));
  await rename(temp, file);
  await expect(page.getByTestId('url')).toHaveValue(`${server.url}/echo?list=accounts`);
  // The tab shows the file as it is now: nothing unsaved.
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  expect(server.received.at(-1)!.url).toBe('/echo?list=accounts');
});

test('a file changed on disk while its tab has edits is a conflict: the file is not written over until the user says so', async ({ app, server }) => {
  const { page, userDataDir } = app;
  const collection = collectionOf(userDataDir);
  await fillRequest(page, { url: `${server.url}/orders` });
  await saveAsNew(page, 'Orders');
  const file = path.join(collection, 'Orders.request.yaml');
  await folderFollowed(page, collection);

  // Unsaved edits in the tab, then a pull changes the same request.
  await fillRequest(page, { url: `${server.url}/orders-mine` });
  const pulled = (await readFile(file, 'utf8')).replace(`${server.url}/orders`, `${server.url}/orders-theirs`);
  await writeFile(file, pulled);
  await expect(page.getByTestId('changed-on-disk')).toContainText('“Orders” was changed outside Keypost');
  // The tab keeps what was typed.
  await expect(page.getByTestId('url')).toHaveValue(`${server.url}/orders-mine`);

  // Save does not write over the other version: it asks.
  await page.getByTestId('preset-save').click();
  await expect(page.getByTestId('changed-on-disk-dialog')).toBeVisible();
  expect(await readFile(file, 'utf8')).toBe(pulled);
  await page.getByTestId('dialog-cancel').click();

  // Reload from disk takes their version.
  await page.getByTestId('changed-on-disk-reload').click();
  await expect(page.getByTestId('url')).toHaveValue(`${server.url}/orders-theirs`);
  await expect(page.getByTestId('changed-on-disk')).toHaveCount(0);

  // A second conflict, this time settled with "Save mine over it": the file now has the tab's version.
  await fillRequest(page, { url: `${server.url}/orders-mine-again` });
  await writeFile(file, pulled.replace('orders-theirs', 'orders-theirs-again'));
  await expect(page.getByTestId('changed-on-disk')).toBeVisible();
  await page.getByTestId('changed-on-disk-overwrite').click();
  await expect(page.getByTestId('changed-on-disk')).toHaveCount(0);
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  await expect.poll(async () => readFile(file, 'utf8')).toContain(`url: ${server.url}/orders-mine-again\n`);
});

test('a request file deleted or made unreadable on disk leaves the sidebar, and its open tab keeps the request', async ({ app, server }) => {
  const { page, userDataDir } = app;
  const collection = collectionOf(userDataDir);
  await fillRequest(page, { url: `${server.url}/kept` });
  await saveAsNew(page, 'Kept');
  await folderFollowed(page, collection);
  await writeFile(path.join(collection, 'Kept.request.yaml'), 'keypost: 1\nname: [broken');
  await expect(item(page, 'Kept')).toHaveCount(0);
  await expect(page.getByTestId('url')).toHaveValue(`${server.url}/kept`);
  // Now an unsaved request: saving it asks for a name instead of writing over the broken file.
  await expect(page.getByTestId('preset-current')).toHaveText('Untitled request');
});

test('a pulled change that points a saved request at another host asks before the credential goes there', async ({ app, server }) => {
  const { page, userDataDir } = app;
  const collection = collectionOf(userDataDir);
  const elsewhere = await startTestServer();
  try {
    await fillRequest(page, { url: `${server.url}/echo`, token: 'kp-e2e-pulled-host', body: '{}' });
    await saveAsNew(page, 'Deploy');
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    await folderFollowed(page, collection);

    // A commit changes the host in the file; the open tab follows it.
    const file = path.join(collection, 'Deploy.request.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(`url: ${server.url}/echo`, `url: ${elsewhere.url}/echo`));
    await expect(page.getByTestId('url')).toHaveValue(`${elsewhere.url}/echo`);

    // Send: main stops before any byte leaves and asks, naming the credential and the new host; cancelled, nothing went.
    await page.getByTestId('send').click();
    await expect(page.getByTestId('error')).toContainText(`you cancelled sending it to ${new URL(elsewhere.url).origin}`);
    expect(await originQuestionsFor(userDataDir)).toEqual([
      { credential: 'default', origin: new URL(elsewhere.url).origin, allowed: [new URL(server.url).origin], purpose: 'send' },
    ]);
    expect(elsewhere.received).toHaveLength(0);
  } finally {
    await elsewhere.close();
  }
});
