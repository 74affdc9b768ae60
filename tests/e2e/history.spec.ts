// Request history end to end: each send listed newest first with its status, filtered, reopened into a new tab and
// sent again, deleted one by one and cleared, back after a restart, and never holding the token.
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { HISTORY_FILE_NAME } from '../../electron/core/history/historyFile';
import { launchApp } from './harness';
import { expect, fillRequest, filesContaining, test, withApps } from './fixtures';

const TOKEN = 'kp-e2e-history-5d1c8a7e';

/** Each History row as [method, URL, status], top to bottom. */
const rows = (page: Page) =>
  page.getByTestId('history-item').evaluateAll((items) =>
    items.map((item) =>
      ['history-method', 'history-url', 'history-status'].map((id) => item.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''),
    ),
  );

test('history lists sends newest first, filters, reopens one into a new tab, deletes, clears, and survives a restart', async ({ server }) => {
  await withApps(async (apps) => {
    const first = await launchApp();
    apps.push(first);
    const { page } = first;
    const echo = `${server.url}/echo?first=1`;
    const missing = `${server.url}/status?code=404`;

    await fillRequest(page, { url: echo, token: TOKEN, body: '{"n":1}' });
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    await page.getByTestId('method').selectOption('GET');
    await page.getByTestId('url').fill(missing);
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toContainText('404');

    // Newest first, each with its method, URL and status.
    await page.getByTestId('sidebar-tab-history').click();
    await expect(page.getByTestId('preset-list')).toBeHidden();
    await expect(page.getByTestId('history-item')).toHaveCount(2);
    expect(await rows(page)).toEqual([
      ['GET', missing, '404'],
      ['POST', echo, '200'],
    ]);

    // Filtered by status, by URL, by method, in any case.
    const filter = page.getByTestId('history-filter');
    await filter.fill('404');
    await expect(page.getByTestId('history-item')).toHaveCount(1);
    await expect(page.getByTestId('history-url')).toHaveText(missing);
    await filter.fill('ECHO');
    await expect(page.getByTestId('history-item')).toHaveCount(1);
    await expect(page.getByTestId('history-url')).toHaveText(echo);
    await filter.fill('put');
    await expect(page.getByTestId('history-item')).toHaveCount(0);
    await filter.fill('');
    await expect(page.getByTestId('history-item')).toHaveCount(2);

    // Reopened into a new tab (the tab in use keeps its request), and sent again from there.
    await page.getByTestId('history-item').nth(1).click();
    await expect(page.getByTestId('tab')).toHaveCount(2);
    await expect(page.getByTestId('url')).toHaveValue(echo);
    await expect(page.getByTestId('method')).toHaveValue('POST');
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    const resent = server.received.at(-1)!;
    expect([resent.method, resent.url, resent.headers.authorization, resent.body]).toEqual(['POST', '/echo?first=1', `Bearer ${TOKEN}`, '{"n":1}']);
    await expect(page.getByTestId('history-item')).toHaveCount(3);
    expect((await rows(page))[0]).toEqual(['POST', echo, '200']);
    await page.getByTestId('tab').nth(0).click();
    await expect(page.getByTestId('url')).toHaveValue(missing);

    // Delete one: the newest goes, the others stay.
    await page.getByTestId('history-item').nth(0).getByTestId('history-delete').click();
    await expect(page.getByTestId('history-item')).toHaveCount(2);
    expect(await rows(page)).toEqual([
      ['GET', missing, '404'],
      ['POST', echo, '200'],
    ]);
    await page.getByTestId('sidebar-tab-presets').click();
    await expect(page.getByTestId('preset-list')).toBeVisible();
    await first.close();

    // After a restart the history is still there, in its own file, without the token.
    await access(path.join(first.userDataDir, HISTORY_FILE_NAME));
    expect(await filesContaining(first.userDataDir, TOKEN)).toEqual([]);
    const second = await launchApp({ userDataDir: first.userDataDir });
    apps.push(second);
    const again = second.page;
    await again.getByTestId('sidebar-tab-history').click();
    await expect(again.getByTestId('history-item')).toHaveCount(2);
    expect(await rows(again)).toEqual([
      ['GET', missing, '404'],
      ['POST', echo, '200'],
    ]);

    // Clear asks first; cancelling keeps everything, confirming removes it all, for good.
    await again.getByTestId('history-clear').click();
    await again.getByTestId('history-clear-confirm').getByTestId('dialog-cancel').click();
    await expect(again.getByTestId('history-item')).toHaveCount(2);
    await again.getByTestId('history-clear').click();
    await again.getByTestId('history-clear-confirm').getByTestId('dialog-confirm').click();
    await expect(again.getByTestId('history-item')).toHaveCount(0);
    await expect(again.getByTestId('history-clear')).toBeDisabled();
    await second.close();

    const third = await launchApp({ userDataDir: first.userDataDir });
    apps.push(third);
    await third.page.getByTestId('sidebar-tab-history').click();
    await expect(third.page.getByTestId('history-list')).toContainText('No requests yet');
  });
});
