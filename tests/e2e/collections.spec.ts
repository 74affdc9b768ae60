// Collections end to end: the sidebar's tree is the folders on disk. A folder made, renamed, moved or deleted in the
// app is one on disk (the default collection is `<data folder>/collection/`), a request saved or moved into a folder
// is a file there, the filter finds a request in a closed folder, and a collection folder the user opens (a git
// checkout) shows in the tree and comes back after a restart.
import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { requestFileText } from '../../electron/core/collections/requestFile';
import { blankRequest } from '../../shared/request';
import { chosenFolderFileFor, launchApp } from './harness';
import { expect, fillRequest, test, withApps } from './fixtures';

const tree = (page: Page) => page.getByTestId('preset-list');
const header = (page: Page, name: string) => page.locator(`[data-testid="collection-header"][data-name="${name}"]`);
const folderRow = (page: Page, name: string) => page.locator(`[data-testid="folder-row"][data-name="${name}"]`);
const item = (page: Page, name: string) => page.locator(`[data-testid="preset-item"][data-name="${name}"]`);

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );
/** Polls the disk until `file` is there (or gone): what a user would see in a file manager or `git status`. */
const onDisk = (file: string) => expect.poll(() => exists(file), { message: `${file} on disk` });

/** "+" on a collection's header (or a folder's row): a folder in it, named in the dialog. */
async function newFolder(page: Page, parent: Locator, name: string): Promise<void> {
  const plus = (await parent.getAttribute('data-testid')) === 'collection-header' ? 'collection-new-folder' : 'folder-new';
  await parent.getByTestId(plus).click();
  await page.getByTestId('folder-name').fill(name);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('folder-dialog')).toHaveCount(0);
  await expect(folderRow(page, name)).toBeVisible();
}

/** Ctrl+S on the current request: its name, and where it goes (a label of the dialog's "In" list), or the default. */
async function saveInto(page: Page, name: string, place?: string): Promise<void> {
  await page.getByTestId('url').focus();
  await page.keyboard.press('ControlOrMeta+S');
  await page.getByTestId('preset-name').fill(name);
  if (place) await page.getByTestId('preset-place').selectOption({ label: place });
  await page.getByTestId('preset-name-confirm').click();
  await expect(page.getByTestId('preset-current')).toHaveText(name);
}

test('a folder made in the app is a folder on disk; a request saved into it is a file there; renaming and deleting the folder follow on disk', async ({ app, server }) => {
  const { page } = app;
  const root = path.join(app.userDataDir, 'collection');

  await newFolder(page, header(page, 'My requests'), 'users');
  await onDisk(path.join(root, 'users')).toBe(true);
  // Refusals in words: a name a folder cannot have, and one taken.
  await header(page, 'My requests').getByTestId('collection-new-folder').click();
  await page.getByTestId('folder-name').fill('a/b');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('folder-name-error')).toContainText('cannot contain');
  await page.getByTestId('folder-name').fill('users');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('folder-name-error')).toContainText('already exists');
  await page.keyboard.press('Escape');

  // The new folder is selected, so Save puts the request there unless told otherwise.
  await fillRequest(page, { url: `${server.url}/users` });
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('preset-place').locator('option:checked')).toHaveText('My requests / users');
  await page.getByTestId('preset-name').fill('List users');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('preset-current')).toHaveText('List users');
  await onDisk(path.join(root, 'users', 'List users.request.yaml')).toBe(true);
  await expect(item(page, 'List users')).toHaveAttribute('aria-level', '3');

  // F2 on the folder (selected with a click), a new name: the folder on disk is renamed, the request in it too.
  await folderRow(page, 'users').click();
  await expect(folderRow(page, 'users')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('F2');
  await page.getByTestId('folder-rename-input').fill('people');
  await page.keyboard.press('Enter');
  await expect(folderRow(page, 'people')).toBeVisible();
  await onDisk(path.join(root, 'people', 'List users.request.yaml')).toBe(true);
  await onDisk(path.join(root, 'users')).toBe(false);

  // The open request still saves over its file, now in the renamed folder.
  await page.getByTestId('url').fill(`${server.url}/people`);
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  expect(await readFile(path.join(root, 'people', 'List users.request.yaml'), 'utf8')).toContain('/people');

  // Delete on the folder asks, saying how many requests go; then the folder and its file are gone.
  await folderRow(page, 'people').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('delete-folder-dialog')).toContainText('1 request');
  await page.getByTestId('dialog-confirm').click();
  await expect(folderRow(page, 'people')).toHaveCount(0);
  await onDisk(path.join(root, 'people')).toBe(false);
  await expect(page.getByTestId('folder-deleted')).toContainText('Deleted the folder “people” and the 1 request in it.');
  // Its tab keeps the draft, as a request not saved.
  await expect(page.getByTestId('preset-current')).toHaveText('Untitled request');
});

test('moving a request by drag and by keyboard, and a folder by drag, moves their files', async ({ app, server }) => {
  const { page } = app;
  const root = path.join(app.userDataDir, 'collection');
  await newFolder(page, header(page, 'My requests'), 'alpha');
  await newFolder(page, header(page, 'My requests'), 'beta');
  await fillRequest(page, { url: `${server.url}/ping` });
  await saveInto(page, 'Ping', 'My requests');
  await onDisk(path.join(root, 'Ping.request.yaml')).toBe(true);

  await item(page, 'Ping').dragTo(folderRow(page, 'alpha'));
  await onDisk(path.join(root, 'alpha', 'Ping.request.yaml')).toBe(true);
  await onDisk(path.join(root, 'Ping.request.yaml')).toBe(false);
  await expect(item(page, 'Ping')).toHaveAttribute('aria-level', '3');

  // By keyboard: the moved request is selected; M opens "Move to…", arrows pick, Enter moves.
  await expect(item(page, 'Ping')).toHaveAttribute('aria-selected', 'true');
  await tree(page).focus();
  await page.keyboard.press('m');
  await expect(page.getByTestId('move-dialog')).toContainText('From My requests / alpha');
  await expect(page.getByTestId('move-target').locator('option')).toHaveText(['My requests', 'My requests / beta']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await onDisk(path.join(root, 'beta', 'Ping.request.yaml')).toBe(true);
  await onDisk(path.join(root, 'alpha', 'Ping.request.yaml')).toBe(false);

  // The tab saves over the moved file without a conflict.
  await page.getByTestId('url').fill(`${server.url}/ping-moved`);
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  expect(await readFile(path.join(root, 'beta', 'Ping.request.yaml'), 'utf8')).toContain('/ping-moved');

  // A folder dragged onto another goes inside it, with what it holds.
  await folderRow(page, 'beta').dragTo(folderRow(page, 'alpha'));
  await onDisk(path.join(root, 'alpha', 'beta', 'Ping.request.yaml')).toBe(true);
  await onDisk(path.join(root, 'beta')).toBe(false);
  await expect(folderRow(page, 'beta')).toHaveAttribute('data-path', 'alpha/beta');
});

test('the filter finds a request inside a closed folder and shows the folders it lives in; arrows open and close folders', async ({ app, server }) => {
  const { page } = app;
  await newFolder(page, header(page, 'My requests'), 'billing');
  await newFolder(page, folderRow(page, 'billing'), 'refunds');
  await fillRequest(page, { url: `${server.url}/refunds` });
  await saveInto(page, 'Refund one', 'My requests / billing / refunds');
  await expect(item(page, 'Refund one')).toBeVisible();

  // Closed with ← from the keyboard: what is inside is no longer drawn.
  await folderRow(page, 'billing').click();
  await expect(folderRow(page, 'billing')).toHaveAttribute('aria-expanded', 'false');
  await expect(item(page, 'Refund one')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(folderRow(page, 'billing')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(folderRow(page, 'billing')).toHaveAttribute('aria-expanded', 'false');
  await expect(tree(page)).toHaveAttribute('role', 'tree');

  await page.getByTestId('preset-filter').fill('REFUND o');
  await expect(item(page, 'Refund one')).toBeVisible();
  await expect(folderRow(page, 'billing')).toHaveAttribute('aria-expanded', 'true');
  await expect(folderRow(page, 'refunds')).toHaveAttribute('aria-expanded', 'true');
  await expect(tree(page).getByRole('treeitem')).toHaveText([/My requests/, /billing/, /refunds/, /Refund one/]);
  await page.getByTestId('preset-filter').press('Enter');
  await expect(page.getByTestId('preset-current')).toHaveText('Refund one');

  // Cleared: the match stays in view, where it lives.
  await page.getByTestId('preset-filter').fill('');
  await expect(item(page, 'Refund one')).toBeVisible();
  await expect(item(page, 'Refund one')).toHaveAttribute('aria-selected', 'true');
});

test('opens a collection folder the user picks, shows its requests and unreadable files, and it comes back after a restart', async () => {
  await withApps(async (apps) => {
    const first = await launchApp();
    apps.push(first);
    const { page } = first;
    const checkout = path.join(first.userDataDir, 'checkouts', 'team-api');
    await mkdir(path.join(checkout, 'auth'), { recursive: true });
    await writeFile(path.join(checkout, 'auth', 'Login.request.yaml'), requestFileText({ id: null, name: 'Team login', request: { ...blankRequest(), url: 'https://team.example/login' } }));
    await writeFile(path.join(checkout, 'Broken.request.yaml'), 'keypost: 1\nname: [unclosed\n');

    // Cancelled (the stand-in has no folder to answer): nothing opens.
    await page.getByTestId('collection-open').click();
    await expect(page.getByTestId('collection-header')).toHaveCount(1);

    await mkdir(path.dirname(chosenFolderFileFor(first.userDataDir)), { recursive: true });
    await writeFile(chosenFolderFileFor(first.userDataDir), checkout);
    await page.getByTestId('collection-open').click();
    await expect(header(page, 'team-api')).toBeVisible();
    await folderRow(page, 'auth').click();
    await expect(item(page, 'Team login')).toBeVisible();
    await header(page, 'team-api').getByTestId('collection-problems').click();
    await expect(page.getByTestId('collection-unread')).toContainText('Broken.request.yaml');
    await page.getByTestId('collection-problems-close').click();
    await first.close();

    const second = await launchApp({ userDataDir: first.userDataDir });
    apps.push(second);
    const again = second.page;
    await expect(header(again, 'team-api')).toBeVisible();
    await again.getByTestId('preset-filter').fill('team login');
    await expect(item(again, 'Team login')).toBeVisible();
    await again.getByTestId('preset-filter').fill('');

    // Closed: gone from the tree, its files untouched on disk.
    await header(again, 'team-api').getByTestId('collection-close').click();
    await expect(header(again, 'team-api')).toHaveCount(0);
    expect(await exists(path.join(checkout, 'auth', 'Login.request.yaml'))).toBe(true);
    await rm(chosenFolderFileFor(first.userDataDir));
  });
});
