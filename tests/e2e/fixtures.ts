// Playwright fixtures shared by the specs: a launched app, a local test server, and UI helpers.
import { test as base, expect, type Page } from '@playwright/test';
import { forgetKeychain } from '../fixtures/keychain';
import { filesContaining } from '../fixtures/filesContaining';
import { startTestServer, type TestServer } from '../fixtures/testServer';
import { launchApp, type LaunchedApp } from './harness';

export { expect };
/** The leak search over a data folder (tests/fixtures/filesContaining.ts). */
export { filesContaining };

export const test = base.extend<{ app: LaunchedApp; server: TestServer }>({
  server: async ({}, use) => {
    const server = await startTestServer();
    await use(server);
    await server.close();
  },
  app: async ({}, use) => {
    const app = await launchApp();
    await use(app);
    await app.close();
    await forgetKeychain(app.keychainService);
  },
});

/**
 * Removes every keychain entry a test app created. Through the vault, not keytar directly: the vault
 * serialises keychain calls in this process, and an overlapping findCredentials can crash it (vault.ts).
 */
export { forgetKeychain };

/** Runs a test that launches apps itself (a restart is a second launch into the same data folder): each app it
 *  pushed onto `apps` is closed afterwards, and its keychain entries removed, however the test ended. */
export async function withApps(run: (apps: LaunchedApp[]) => Promise<void>): Promise<void> {
  const apps: LaunchedApp[] = [];
  try {
    await run(apps);
  } finally {
    for (const app of apps) {
      await app.close().catch(() => {});
      await forgetKeychain(app.keychainService);
    }
  }
}

/** Replaces the body editor's text the way a paste does (no auto-closing brackets). */
export async function setBody(page: Page, text: string): Promise<void> {
  await page.getByTestId('body').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

export async function fillRequest(page: Page, request: { url: string; token?: string; body?: string }): Promise<void> {
  await page.getByTestId('url').fill(request.url);
  if (request.token !== undefined) await page.getByTestId('token').fill(request.token);
  if (request.body !== undefined) await setBody(page, request.body);
}

/** The response body as displayed: Monaco's rendered lines (all of them, for the small bodies tests use). */
export async function displayedBody(page: Page): Promise<string> {
  const body = page.getByTestId('response-body');
  const lines = body.getByTestId('line');
  if ((await lines.count()) === 0) return (await body.innerText()).trim();
  // Body views position their rows absolutely; sort by their top offset to read them in order.
  const texts = await lines.evaluateAll((nodes) =>
    nodes
      .map((node) => ({ top: parseFloat((node as HTMLElement).style.top), text: node.querySelector('.line-text')?.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text),
  );
  return texts.join('\n').trim();
}

/** Opens Settings (the button; Ctrl+, works too) for the duration of `run`, then closes it. */
export async function inSettings(page: Page, run: () => Promise<void>): Promise<void> {
  await page.getByTestId('settings-open').click();
  await expect(page.getByTestId('settings-dialog')).toBeVisible();
  await run();
  await page.getByTestId('settings-close').click();
  await expect(page.getByTestId('settings-dialog')).toHaveCount(0);
}

/** Sets "Keep response bodies up to N MB in memory" in Settings. */
export const setBodyLimit = (page: Page, mb: string) => inSettings(page, () => page.getByTestId('body-limit').fill(mb));

/** Adds a named credential with its token through the credential manager. */
export async function addCredential(page: Page, name: string, token: string): Promise<void> {
  await page.getByTestId('credential-manage').click();
  await page.getByTestId('credential-new-name').fill(name);
  await page.getByTestId('credential-new-token').fill(token);
  await page.getByTestId('credential-add').click();
  await expect(page.locator(`[data-testid="credential-row"][data-name="${name}"]`)).toBeVisible();
  await page.getByTestId('credential-close').click();
}

/** Saves the current request as a new preset with Ctrl/Cmd+S and the name dialog. */
export async function saveAsNew(page: Page, name: string): Promise<void> {
  await page.getByTestId('url').focus();
  await page.keyboard.press('ControlOrMeta+S');
  await page.getByTestId('preset-name').fill(name);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('preset-current')).toHaveText(name);
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
}

/** Adds an environment in the Environments dialog, one row per variable (`secret` ones masked), and closes it. */
export async function addEnvironment(page: Page, name: string, variables: Array<{ name: string; value: string; secret?: boolean }>): Promise<void> {
  await page.getByTestId('env-manage').click();
  await page.getByTestId('env-new').click();
  await page.getByTestId('env-name').fill(name);
  const rows = page.getByTestId('env-var-row');
  for (const [index, variable] of variables.entries()) {
    await rows.nth(index).getByTestId('env-var-name').fill(variable.name);
    if (variable.secret) await rows.nth(index).getByTestId('env-var-secret').check();
    await rows.nth(index).getByTestId('env-var-value').fill(variable.value);
  }
  await page.getByTestId('env-save').click();
  await expect(page.getByTestId('env-item').filter({ hasText: name })).toHaveCount(1);
  await page.getByTestId('env-close').click();
}

/** Types into the table's empty last row: a new row with this name and value. */
export async function addRow(page: Page, table: string, name: string, value: string): Promise<void> {
  const newRow = page.getByTestId(table).getByTestId('kv-new-row');
  await newRow.getByTestId('kv-name').fill(name);
  await page.getByTestId(table).getByTestId('kv-row').last().getByTestId('kv-value').fill(value);
}
