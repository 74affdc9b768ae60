// Importing an API end to end: an OpenAPI document chosen through “Import API…” is previewed (requests by folder,
// credentials, what was not mapped), imported into the collection, and its requests show in the sidebar in their tag
// folders; the body editor of an imported operation checks the JSON against the operation's schema.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { galaxyText } from '../fixtures/openApiDocuments';
import { chosenForeignFileFor } from './harness';
import { expect, test } from './fixtures';

const folderRow = (page: Page, name: string) => page.locator(`[data-testid="folder-row"][data-name="${name}"]`);
/** Replaces the body editor's text as a paste does; clicked on its first line (a long imported body reaches under the header). */
async function replaceBody(page: Page, text: string): Promise<void> {
  await page.getByTestId('body').locator('.view-line').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}
const item = (page: Page, name: string) => page.locator(`[data-testid="preset-item"][data-name="${name}"]`);

test('an OpenAPI document imported through the dialog lands in tag folders, and a wrong-typed body value is marked', async ({ app }) => {
  const { page, userDataDir } = app;
  const document = path.join(userDataDir, 'downloads', 'galaxy.yaml');
  await mkdir(path.dirname(document), { recursive: true });
  await writeFile(document, galaxyText());
  await mkdir(path.dirname(chosenForeignFileFor(userDataDir)), { recursive: true });
  await writeFile(chosenForeignFileFor(userDataDir), document);

  await page.getByTestId('foreign-import').click();
  await page.getByTestId('foreign-import-file').click();
  await expect(page.getByTestId('foreign-import-summary')).toContainText('10 requests from galaxy.yaml (OpenAPI)');
  await expect(page.getByTestId('foreign-import-folders')).toContainText('Planets: 6');
  await expect(page.getByTestId('foreign-import-credentials')).toContainText('“Scalar Galaxy oAuth2”');
  await expect(page.getByTestId('foreign-import-not-mapped')).toContainText('apiKeyCookie');
  await page.getByTestId('foreign-import-confirm').click();
  await expect(page.getByTestId('foreign-import-dialog')).toHaveCount(0);
  await expect(page.getByTestId('foreign-import-done')).toContainText('Imported 10 requests into “Scalar Galaxy”');

  await expect(folderRow(page, 'Scalar Galaxy')).toBeVisible();
  await expect(folderRow(page, 'Planets')).toBeVisible();
  await expect(folderRow(page, 'Authentication')).toBeVisible();
  await folderRow(page, 'Planets').click();
  await item(page, 'Create a planet').click();
  await expect(page.getByTestId('url')).toHaveValue('{{baseUrl}}/planets');

  const body = page.getByTestId('body');
  await replaceBody(page, '{ "id": 1, "name": 42 }');
  await expect(body.locator('.squiggly-warning, .squiggly-error').first()).toBeVisible();
  await replaceBody(page, '{ "id": 1, "name": "Mars" }');
  await expect(body.locator('.squiggly-warning, .squiggly-error')).toHaveCount(0);

  // Property names from the schema are offered (Ctrl+Space inside the object).
  await replaceBody(page, '{ "id": 1, "name": "Mars", ');
  await page.keyboard.type('"habit');
  await page.keyboard.press('Control+Space');
  await expect(body.locator('.suggest-widget')).toContainText('habitabilityIndex');
});

test('an address that serves no document is said in words, and the dialog keeps what was typed', async ({ app, server }) => {
  const { page } = app;
  await page.getByTestId('foreign-import').click();
  const address = `${server.url}/no-such-document.json`;
  await page.getByTestId('foreign-import-url').fill(address);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('foreign-import-error')).toContainText(`${address} answered 404 (not found)`);
  await expect(page.getByTestId('foreign-import-url')).toHaveValue(address);
});
