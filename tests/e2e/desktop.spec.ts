// Desktop conventions: About Keypost (versions through the typed API, a Copy for bug reports), the Keyboard shortcuts
// window (every key of shared/shortcuts.ts), and the application menu's commands reaching the page.
import { readFileSync } from 'node:fs';
import { menuPlatform } from '../../electron/core/shell/appMenu';
import type { AboutInfo } from '../../shared/about';
import { keyLabel, keysOf, shortcuts } from '../../shared/shortcuts';
import { expect, setBody, test } from './fixtures';

// The page names its platform from the browser, which runs on this machine.
const platform = menuPlatform(process.platform);
const inElectron = process.env.E2E_TARGET === 'electron';
/** What About must name, read here rather than through electron/core/shell/about.ts, which produces what is shown. */
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; license: string };
const VERSION = /^\d+\.\d+\.\d+/;

test('About Keypost shows the versions main reports through the typed API, and Copy puts them on the clipboard', async ({ app }) => {
  const { page } = app;
  const answer = await page.evaluate(() => window.keypost!.getAbout());
  expect(answer.ok).toBe(true);
  const about = (answer as { ok: true; value: AboutInfo }).value;
  // Under Electron, main's own runtime: Electron's versions, and the Node and V8 it embeds. The E2E harness runs main's
  // handlers in this very Node process: this Node and V8, and no Electron or Chromium of its own.
  const runtime = inElectron
    ? { electron: about.electron ?? 'missing', chrome: about.chrome ?? 'missing', node: about.node, v8: about.v8 }
    : { electron: 'not running in Electron', chrome: 'not running in Electron', node: process.versions.node, v8: process.versions.v8 };
  if (inElectron) for (const version of [runtime.electron, runtime.chrome, runtime.node, runtime.v8]) expect(version).toMatch(VERSION);

  await page.getByTestId('about-open').click();
  const dialog = page.getByTestId('about-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('about-version')).toHaveText(packageJson.version);
  await expect(dialog.getByTestId('about-node')).toHaveText(runtime.node);
  await expect(dialog.getByTestId('about-v8')).toHaveText(runtime.v8);
  await expect(dialog.getByTestId('about-license')).toHaveText(packageJson.license);
  await expect(dialog.getByTestId('about-electron')).toHaveText(runtime.electron);
  await expect(dialog.getByTestId('about-chrome')).toHaveText(runtime.chrome);

  await dialog.getByTestId('about-copy').click();
  await expect(dialog.getByTestId('about-status')).toHaveText(/^Copied/);
  // The lines a bug report gets, as the user reads them.
  expect(await app.readClipboard()).toBe(
    [
      `Keypost: ${packageJson.version}`,
      `Electron: ${runtime.electron}`,
      `Chromium: ${runtime.chrome}`,
      `Node.js: ${runtime.node}`,
      `V8: ${runtime.v8}`,
      `Licence: ${packageJson.license}`,
    ].join('\n'),
  );

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('the Keyboard shortcuts window lists every key of the shared list, written as this platform writes keys', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('shortcuts-open').click();
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog).toBeVisible();
  const withKeys = shortcuts.filter((entry) => entry.accelerator);
  await expect(dialog.getByTestId('shortcut')).toHaveCount(withKeys.length);
  for (const entry of withKeys) {
    const row = dialog.locator(`[data-testid="shortcut"][data-id="${entry.id}"]`);
    await expect(row).toContainText(entry.label);
    await expect(row.getByTestId('shortcut-key')).toHaveText(keysOf(entry).map((key) => keyLabel(key, platform)));
  }
  await dialog.getByTestId('shortcuts-close').click();
  await expect(dialog).toHaveCount(0);
});

test('Ctrl+/ (⌘/) opens the Keyboard shortcuts anywhere, the body editor included, without touching the body', async ({ app }) => {
  const { page } = app;
  const dialog = page.getByTestId('shortcuts-dialog');
  await page.getByTestId('url').focus();
  await page.keyboard.press('ControlOrMeta+/');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await setBody(page, '{"a": 1}');
  await page.keyboard.press('ControlOrMeta+/');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('body').locator('.view-lines')).toHaveText('{"a": 1}');
});

test('the application menu’s commands reach the page: About, Keyboard shortcuts, New tab, Settings', async ({ app }) => {
  const { page } = app;
  await app.chooseMenuCommand('about');
  await expect(page.getByTestId('about-dialog')).toBeVisible();
  await page.getByTestId('about-close').click();

  await app.chooseMenuCommand('shortcuts');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await page.getByTestId('shortcuts-close').click();

  await app.chooseMenuCommand('newTab');
  await expect(page.getByTestId('tab')).toHaveCount(2);
  await expect(page.getByTestId('tab').last().getByRole('tab')).toHaveAttribute('aria-selected', 'true');
  // The tab keys the Window menu shows: Control on every platform.
  await page.keyboard.press('Control+PageUp');
  await expect(page.getByTestId('tab').first().getByRole('tab')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Control+Tab');
  await expect(page.getByTestId('tab').last().getByRole('tab')).toHaveAttribute('aria-selected', 'true');
  await app.chooseMenuCommand('closeTab');
  await expect(page.getByTestId('tab')).toHaveCount(1);

  await app.chooseMenuCommand('settings');
  await expect(page.getByTestId('settings-dialog')).toBeVisible();
});
