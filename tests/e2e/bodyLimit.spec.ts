// The body size limit end to end: set in the UI, applied on send, kept across a restart; an over-limit body opens.
import { access } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { launchApp, openedFilesFor } from './harness';
import { displayedBody, expect, fillRequest, forgetKeychain, inSettings, setBodyLimit, test } from './fixtures';

const TOKEN = 'kp-e2e-body-limit-token';
const exists = (file: string) => access(file).then(() => true, () => false);

async function sendTo(page: Page, url: string): Promise<void> {
  await fillRequest(page, { url, token: TOKEN, body: '{}' });
  await page.getByTestId('send').click();
}

test('a body over a 1 MB limit set in the UI goes to a .json temp file that Open hands to the system', async ({ app, server }) => {
  const { page } = app;
  await inSettings(page, async () => {
    const limit = page.getByTestId('body-limit');
    await expect(limit).toHaveValue('100');
    await limit.fill('1');
  });

  await sendTo(page, `${server.url}/items?bytes=2000000`);
  const notice = page.getByTestId('saved-file');
  await expect(notice).toContainText('over the size limit');
  // The first screen as for any body: the first 1 MB (the limit), pretty-printed, no more.
  await expect(notice).toContainText('Its first 1.0 MB are shown below.');
  await expect.poll(() => displayedBody(page)).toContain('"items": [');
  await expect(page.getByTestId('body-incomplete')).toHaveCount(0);
  const shownPath = (await notice.locator('code').innerText()).trim();
  expect(shownPath).toMatch(/response-body\.json$/);

  await page.getByTestId('open-body').click();
  await expect(page.getByTestId('open-body-status')).toHaveText('Opened in your system’s app.');
  expect(await openedFilesFor(app.userDataDir)).toEqual([shownPath]);
  expect(await exists(shownPath)).toBe(true);
});

test('a 500 KB body under a 1 MB limit is shown as usual', async ({ app, server }) => {
  const { page } = app;
  await setBodyLimit(page, '1');
  await sendTo(page, `${server.url}/items?bytes=500000`);
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  await expect(page.getByTestId('size')).toHaveText('488 KB');
  await expect(page.getByTestId('response-body')).toContainText('"items"');
  await expect(page.getByTestId('saved-file')).toHaveCount(0);
  await expect(page.getByTestId('open-body')).toHaveCount(0);
});

test('refuses an empty, zero or too large limit, keeping the last valid one, which survives a restart', async ({ server }) => {
  const first = await launchApp();
  try {
    const limit = first.page.getByTestId('body-limit');
    await inSettings(first.page, async () => {
      await limit.fill('1');
      for (const bad of ['', '0', '5000']) {
        await limit.fill(bad);
        await expect(limit).toHaveAttribute('aria-invalid', 'true');
        await expect(first.page.getByTestId('body-limit-error')).toContainText('1 MB still applies');
      }
      // Letters never make a number (the field stays empty, so still refused).
      await limit.pressSequentially('abc');
      await expect(limit).toHaveAttribute('aria-invalid', 'true');
      // Leaving the field puts back the value in use.
      await first.page.getByTestId('settings-timeout').click();
      await expect(limit).toHaveValue('1');
      await expect(limit).toHaveAttribute('aria-invalid', 'false');
    });
  } finally {
    await first.close();
  }

  const second = await launchApp({ userDataDir: first.userDataDir });
  try {
    await inSettings(second.page, () => expect(second.page.getByTestId('body-limit')).toHaveValue('1'));
    // And it applies: a 2 MB body goes to a file without touching the field.
    await sendTo(second.page, `${server.url}/items?bytes=2000000`);
    await expect(second.page.getByTestId('saved-file')).toBeVisible();
  } finally {
    await second.close();
    await forgetKeychain(second.keychainService);
  }
});
