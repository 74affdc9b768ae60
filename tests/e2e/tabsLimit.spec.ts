// The tab limit and the saved tabs end to end: past the limit a tab is refused in words and every open tab comes
// back after a restart; a save that fails says so once, in words, and saving resumes when it can.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { MAX_OPEN_TABS } from '../../shared/workspace';
import { launchApp } from './harness';
import { expect, test, withApps } from './fixtures';

const LIMIT_NOTICE = `You have ${MAX_OPEN_TABS} tabs open, the most Keypost keeps. Close one to open another.`;
const tabsFileIn = (dir: string) => path.join(dir, 'keypost-workspace.json');
const savedTabs = (dir: string) => readFile(tabsFileIn(dir), 'utf8').catch(() => '');

/** Types a URL into the active tab and waits until the tabs file holds it. */
async function typeAndSave(page: Page, dir: string, url: string): Promise<void> {
  await page.getByTestId('url').fill(url);
  await expect.poll(() => savedTabs(dir)).toContain(url);
}

test('more tabs than Keypost keeps: the one too many is refused in words, and after a restart every tab is back', async ({ server }) => {
  test.setTimeout(120_000);
  await withApps(async (apps) => {
    const first = await launchApp();
    apps.push(first);
    const { page } = first;
    await expect(page.getByTestId('tab')).toHaveCount(1);
    await page.getByTestId('url').fill(`${server.url}/first-tab`);
    // One new tab more than the limit allows, from the keyboard, and once more from the + button.
    for (let opened = 1; opened <= MAX_OPEN_TABS; opened++) await page.keyboard.press('ControlOrMeta+T');
    await expect(page.getByTestId('tabs-notice')).toContainText(LIMIT_NOTICE);
    await page.getByTestId('tabs-notice').getByRole('button', { name: 'Dismiss' }).click();
    await page.getByTestId('tab-new').click();
    await expect(page.getByTestId('tabs-notice')).toContainText(LIMIT_NOTICE);
    await expect(page.getByTestId('tab')).toHaveCount(MAX_OPEN_TABS);
    // Refusing changed nothing: the last tab opened is still the one shown, and it takes what is typed.
    await expect(page.getByTestId('tab').last().getByRole('tab')).toHaveAttribute('aria-selected', 'true');
    await typeAndSave(page, first.userDataDir, `${server.url}/last-tab`);
    expect(JSON.parse(await savedTabs(first.userDataDir)).tabs).toHaveLength(MAX_OPEN_TABS);
    // A cURL command that needs a tab of its own is refused too, and the dialog keeps it.
    const command = `curl ${server.url}/from-curl -H 'Authorization: Bearer kp-e2e-limit-7f31'`;
    await first.chooseMenuCommand('importCurl');
    await page.getByTestId('curl-import-text').fill(command);
    await page.getByTestId('curl-import-confirm').click();
    await expect(page.getByTestId('curl-import-error')).toHaveText(LIMIT_NOTICE);
    await expect(page.getByTestId('curl-import-text')).toHaveValue(command);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('tab')).toHaveCount(MAX_OPEN_TABS);
    await expect(page.getByTestId('url')).toHaveValue(`${server.url}/last-tab`);
    // Its token was not stored either: nothing of the command went anywhere.
    await expect(page.getByTestId('token')).toHaveAttribute('placeholder', /^Paste the/);
    await first.close();

    const second = await launchApp({ userDataDir: first.userDataDir });
    apps.push(second);
    const again = second.page;
    await expect(again.getByTestId('tab')).toHaveCount(MAX_OPEN_TABS);
    await expect(again.getByTestId('url')).toHaveValue(`${server.url}/last-tab`);
    await again.getByTestId('tab').first().getByRole('tab').click();
    await expect(again.getByTestId('url')).toHaveValue(`${server.url}/first-tab`);
    await expect(again.getByTestId('workspace-notice')).toHaveCount(0);
    await expect(again.getByTestId('tabs-notice')).toHaveCount(0);
  });
});

test('a save of the open tabs that fails says so in words, once, and saving resumes when it can', async ({ server }) => {
  await withApps(async (apps) => {
    const app = await launchApp();
    apps.push(app);
    const { page, userDataDir: dir } = app;
    await typeAndSave(page, dir, `${server.url}/saved`);
    // A directory where the file goes: the next write (a temporary file renamed over it) fails.
    await rm(tabsFileIn(dir));
    await mkdir(tabsFileIn(dir));

    await page.getByTestId('url').fill(`${server.url}/not-saved`);
    const notice = page.getByTestId('tabs-notice');
    await expect(notice).toContainText('Keypost could not save your open tabs, so your latest changes to them would not come back after a restart');
    await expect(notice).toContainText(`Check that the disk is not full and ${tabsFileIn(dir)} is writable.`);
    await expect(page.getByTestId('error')).toHaveCount(0);
    // Said once: dismissed, it does not come back with every key typed while saves still fail.
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByTestId('url').press('End');
    await page.getByTestId('url').pressSequentially('-still');
    await expect(page.getByTestId('url')).toHaveValue(`${server.url}/not-saved-still`);
    await page.waitForTimeout(500);
    await expect(notice).toHaveCount(0);

    // Once the file can be written again, the next change is saved.
    await rm(tabsFileIn(dir), { recursive: true });
    await typeAndSave(page, dir, `${server.url}/saved-again`);

    // A new run of failures is said again, and its notice goes by itself once a save works.
    await rm(tabsFileIn(dir));
    await mkdir(tabsFileIn(dir));
    await page.getByTestId('url').fill(`${server.url}/failing-again`);
    await expect(notice).toContainText('Keypost could not save your open tabs');
    await rm(tabsFileIn(dir), { recursive: true });
    await typeAndSave(page, dir, `${server.url}/saved-at-last`);
    await expect(notice).toHaveCount(0);
  });
});
