// Presets and credentials end to end: saved with their own credentials, back after a restart, renamed,
// deleted with undo, filtered, exported and imported, and a damaged store file set aside with a notice.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import Conf from 'conf';
import { blankRequest } from '../../shared/request';
import { loadCollections } from '../../electron/core/collections/collections';
import { STORE_NAME } from '../../electron/core/collections/presetStoreFile';
import { storeOptions } from '../../electron/core/storeFiles';
import { createWorkspaceFile, WORKSPACE_NAME } from '../../electron/core/workspace/workspaceFile';
import { exportPathFor, importPathFor, launchApp } from './harness';
import { addCredential, expect, fillRequest, filesContaining, saveAsNew, test, withApps } from './fixtures';

const STAGING_TOKEN = 'kp-e2e-staging-41c7d2';
const PROD_TOKEN = 'kp-e2e-prod-9b03fe';

async function newPreset(page: Page, name: string, request: { url: string; body?: string; credential?: string }): Promise<void> {
  await page.getByTestId('preset-new').click();
  if (await page.getByTestId('discard-dialog').isVisible()) await page.getByTestId('dialog-confirm').click();
  await fillRequest(page, { url: request.url, body: request.body });
  if (request.credential) await page.getByTestId('credential-select').selectOption(request.credential);
  await saveAsNew(page, name);
}

const item = (page: Page, name: string) => page.getByTestId('preset-item').filter({ hasText: name });

test('two presets keep their own credentials across a restart, and each sends its own token', async ({ server }) => {
  await withApps(async (apps) => {
    const first = await launchApp();
    apps.push(first);
    const { page } = first;
    await addCredential(page, 'staging', STAGING_TOKEN);
    await addCredential(page, 'prod', PROD_TOKEN);

    await fillRequest(page, { url: `${server.url}/echo?env=staging`, body: '{"env":"staging"}' });
    await page.getByTestId('credential-select').selectOption('staging');
    await saveAsNew(page, 'Staging echo');

    await page.getByTestId('preset-new').click();
    await fillRequest(page, { url: `${server.url}/echo?env=prod`, body: '{"env":"prod"}' });
    await page.getByTestId('method').selectOption('PUT');
    await page.getByTestId('credential-select').selectOption('prod');
    await page.getByTestId('preset-save').click();
    await page.getByTestId('preset-name').fill('Prod echo');
    await page.getByTestId('preset-name-confirm').click();
    await expect(page.getByTestId('preset-item')).toHaveCount(2);
    await first.close();

    const second = await launchApp({ userDataDir: first.userDataDir });
    apps.push(second);
    const again = second.page;
    await expect(again.getByTestId('preset-item')).toHaveCount(2);
    // The last open preset and its credential are back.
    await expect(again.getByTestId('preset-current')).toHaveText('Prod echo');
    await expect(again.getByTestId('credential-select')).toHaveValue('prod');
    await expect(again.getByTestId('method')).toHaveValue('PUT');
    await again.getByTestId('send').click();
    await expect(again.getByTestId('status')).toHaveText('200 OK');
    let received = server.received.at(-1)!;
    expect([received.method, received.url, received.headers.authorization]).toEqual(['PUT', '/echo?env=prod', `Bearer ${PROD_TOKEN}`]);

    await item(again, 'Staging echo').click();
    await expect(again.getByTestId('preset-current')).toHaveText('Staging echo');
    await expect(again.getByTestId('credential-select')).toHaveValue('staging');
    await again.getByTestId('send').click();
    await expect.poll(() => server.received.length).toBe(2);
    received = server.received.at(-1)!;
    expect([received.method, received.url, received.headers.authorization, received.body]).toEqual([
      'POST',
      '/echo?env=staging',
      `Bearer ${STAGING_TOKEN}`,
      '{"env":"staging"}',
    ]);
    await second.close();

    // Neither token is in the store, the renderer's storage, or any other file the app wrote.
    expect(await filesContaining(first.userDataDir, STAGING_TOKEN)).toEqual([]);
    expect(await filesContaining(first.userDataDir, PROD_TOKEN)).toEqual([]);
  });
});

test('marks unsaved edits, opens other presets in their own tabs, and asks before closing a tab with edits', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/a` });
  await saveAsNew(page, 'Alpha');
  await newPreset(page, 'Beta', { url: `${server.url}/b` });

  await item(page, 'Alpha').click();
  await expect(page.getByTestId('preset-current')).toHaveText('Alpha');
  await page.getByTestId('url').fill(`${server.url}/a-edited`);
  await expect(page.getByTestId('unsaved-marker')).toBeVisible();

  // Opening another preset never replaces typed edits: it shows its own tab, and Alpha's edits wait in theirs.
  await item(page, 'Beta').click();
  await expect(page.getByTestId('preset-current')).toHaveText('Beta');
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  await item(page, 'Alpha').click();
  await expect(page.getByTestId('url')).toHaveValue(`${server.url}/a-edited`);
  await expect(page.getByTestId('tab').filter({ hasText: 'Alpha' })).toHaveAttribute('data-dirty', 'true');

  // Closing a tab with edits asks; Cancel keeps them, Discard drops them.
  await page.keyboard.press('ControlOrMeta+W');
  await expect(page.getByTestId('discard-dialog')).toContainText('Alpha');
  await page.getByTestId('dialog-cancel').click();
  await expect(page.getByTestId('url')).toHaveValue(`${server.url}/a-edited`);
  await page.getByTestId('tab').filter({ hasText: 'Alpha' }).getByTestId('tab-close').click();
  await page.getByTestId('dialog-confirm').click();
  await expect(page.getByTestId('tab').filter({ hasText: 'Alpha' })).toHaveCount(0);
  await item(page, 'Alpha').click();
  await expect(page.getByTestId('url')).toHaveValue(`${server.url}/a`);

  // Saving the open preset (Ctrl+S) overwrites it without asking for a name.
  await page.getByTestId('url').fill(`${server.url}/a2`);
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  await item(page, 'Beta').click();
  await item(page, 'Alpha').click();
  await expect(page.getByTestId('url')).toHaveValue(`${server.url}/a2`);
});

test('renames, refuses a duplicate name, duplicates, and deletes with undo', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/orders` });
  await saveAsNew(page, 'Orders');

  await item(page, 'Orders').getByTestId('preset-rename').click();
  await page.getByTestId('preset-rename-input').fill('Customers');
  await page.keyboard.press('Enter');
  await expect(item(page, 'Customers')).toHaveCount(1);
  await expect(page.getByTestId('preset-current')).toHaveText('Customers');

  await item(page, 'Customers').getByTestId('preset-duplicate').click();
  await expect(item(page, 'Customers copy')).toHaveCount(1);
  await item(page, 'Customers copy').getByTestId('preset-rename').click();
  await page.getByTestId('preset-rename-input').fill('customers');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('preset-rename-error')).toContainText('already exists');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('preset-item')).toHaveCount(2);

  await item(page, 'Customers copy').getByTestId('preset-delete').click();
  await expect(page.getByTestId('preset-item')).toHaveCount(1);
  await expect(page.getByTestId('undo-toast')).toContainText('Customers copy');
  await page.getByTestId('undo').click();
  await expect(item(page, 'Customers copy')).toHaveCount(1);

  // Delete from the keyboard: the list has focus, arrows pick, Delete removes.
  await page.getByTestId('preset-filter').fill('copy');
  await page.getByTestId('preset-list').focus();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('undo-toast')).toContainText('Customers copy');
  await page.getByTestId('preset-filter').fill('');
  await expect(page.getByTestId('preset-item')).toHaveCount(1);
  await app.close();

  const again = await launchApp({ userDataDir: app.userDataDir });
  try {
    await expect(again.page.getByTestId('preset-item')).toHaveText([/Customers/]);
    await expect(again.page.getByTestId('preset-current')).toHaveText('Customers');
  } finally {
    await again.close();
  }
});

test('filters as you type and opens a match with the keyboard', async ({ app, server }) => {
  const { page } = app;
  for (const name of ['Billing invoices', 'Billing refunds', 'Users list']) await newPreset(page, name, { url: `${server.url}/${name.replace(/ /g, '-')}` });

  await page.getByTestId('preset-filter').fill('bill');
  await expect(page.getByTestId('preset-item')).toHaveText([/Billing invoices/, /Billing refunds/]);
  await page.getByTestId('preset-filter').fill('users');
  await expect(page.getByTestId('preset-item')).toHaveText([/Users list/]);
  await page.getByTestId('preset-filter').fill('bill');
  await page.getByTestId('preset-filter').press('ArrowDown');
  await page.getByTestId('preset-filter').press('Enter');
  await expect(page.getByTestId('preset-current')).toHaveText('Billing refunds');
  await expect(page.getByTestId('url')).toHaveValue(`${server.url}/Billing-refunds`);
});

test('exports selected presets without tokens and imports them elsewhere, renaming or replacing same names', async ({ server }) => {
  await withApps(async (apps) => {
    const source = await launchApp();
    apps.push(source);
    await addCredential(source.page, 'staging', STAGING_TOKEN);
    await newPreset(source.page, 'Orders', { url: `${server.url}/echo?from=export`, body: '{"exported":true}', credential: 'staging' });
    await newPreset(source.page, 'Kept home', { url: `${server.url}/home`, credential: 'staging' });
    await item(source.page, 'Orders').getByTestId('preset-check').check();
    await source.page.getByTestId('preset-export').click();
    await expect(source.page.getByTestId('notice')).toContainText('Exported 1 preset');
    const exported = await readFile(exportPathFor(source.userDataDir), 'utf8');
    expect(exported).toContain('"name": "Orders"');
    expect(exported).not.toContain('Kept home');
    expect(exported).not.toContain(STAGING_TOKEN);

    const target = await launchApp();
    apps.push(target);
    const { page } = target;
    await addCredential(page, 'prod', PROD_TOKEN);
    await newPreset(page, 'Orders', { url: `${server.url}/local-orders`, credential: 'prod' });
    await mkdir(path.dirname(importPathFor(target.userDataDir)), { recursive: true });
    await copyFile(exportPathFor(source.userDataDir), importPathFor(target.userDataDir));

    // Keep both: the imported one is renamed; its missing credential is replaced by a stored one.
    await page.getByTestId('preset-import').click();
    await expect(page.getByTestId('import-conflicts')).toContainText('Orders');
    await expect(page.getByTestId('import-missing')).toContainText('staging');
    await page.getByTestId('import-credential-map').selectOption('prod');
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('notice')).toContainText('1 renamed');
    await expect(page.getByTestId('preset-item')).toHaveText([/^.*Orders.*$/, /Orders \(2\)/]);
    await item(page, 'Orders (2)').click();
    await expect(page.getByTestId('credential-select')).toHaveValue('prod');
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    expect(server.received.at(-1)!.url).toBe('/echo?from=export');
    expect(server.received.at(-1)!.headers.authorization).toBe(`Bearer ${PROD_TOKEN}`);

    // Replace: the existing "Orders" takes the imported URL; a missing credential stays, and the UI says so.
    await page.getByTestId('preset-import').click();
    await page.getByTestId('import-replace').check();
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('notice')).toContainText('1 replaced');
    await expect(page.getByTestId('preset-item')).toHaveCount(2);
    await item(page, 'Orders').first().click();
    await expect(page.getByTestId('url')).toHaveValue(`${server.url}/echo?from=export`);
    await expect(page.getByTestId('credential-select')).toHaveValue('staging');
    await expect(page.getByTestId('credential-missing')).toContainText('staging');

    // Not a Keypost export: refused with a reason, nothing imported.
    await writeFile(importPathFor(target.userDataDir), '{"info": {"name": "a Postman collection"}}');
    await page.getByTestId('preset-import').click();
    await expect(page.getByTestId('error')).toContainText('not a Keypost preset export');
    await expect(page.getByTestId('preset-item')).toHaveCount(2);
  });
});

test('manages credentials: reveal on request only, rename follows presets, delete names the presets using it', async ({ app, server }) => {
  const { page } = app;
  await addCredential(page, 'staging', STAGING_TOKEN);
  await newPreset(page, 'Orders', { url: `${server.url}/echo`, credential: 'staging' });

  await page.getByTestId('credential-manage').click();
  const row = page.locator('[data-testid="credential-row"][data-name="staging"]');
  await expect(row).toContainText('used by 1 preset');
  await expect(page.getByTestId('credential-token')).toHaveCount(0);
  await expect(page.getByTestId('credential-dialog')).not.toContainText(STAGING_TOKEN);
  await row.getByTestId('credential-reveal').click();
  await expect(row.getByTestId('credential-token')).toHaveText(STAGING_TOKEN);
  await row.getByTestId('credential-reveal').click();
  await expect(page.getByTestId('credential-token')).toHaveCount(0);

  await row.getByTestId('credential-rename').click();
  await page.getByTestId('credential-rename-input').fill('bad/name');
  await page.getByTestId('credential-edit-save').click();
  await expect(page.getByTestId('credential-error')).toContainText('letters, digits');
  await page.getByTestId('credential-rename-input').fill('stage-eu');
  await page.getByTestId('credential-edit-save').click();
  const renamed = page.locator('[data-testid="credential-row"][data-name="stage-eu"]');
  await expect(renamed).toContainText('used by 1 preset');
  await page.getByTestId('credential-close').click();
  await expect(page.getByTestId('credential-select')).toHaveValue('stage-eu');
  await expect(page.getByTestId('unsaved-marker')).toHaveCount(0);
  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  expect(server.received.at(-1)!.headers.authorization).toBe(`Bearer ${STAGING_TOKEN}`);

  await page.getByTestId('credential-manage').click();
  await renamed.getByTestId('credential-delete').click();
  await expect(page.getByTestId('credential-delete-warning')).toContainText('Orders');
  await page.getByTestId('credential-delete-confirm').click();
  await page.getByTestId('credential-close').click();
  await expect(page.getByTestId('credential-missing')).toContainText('stage-eu');
  await page.getByTestId('send').click();
  await expect(page.getByTestId('error')).toContainText('token');
});

test("an older build's presets file moves into the collection as files, a damaged one backed up byte for byte first, and the user told where", async ({ server }) => {
  await withApps(async (apps) => {
    // The presets file as builds before collections wrote it (conf, electron-store's backend, with the app's options).
    const first = await launchApp();
    apps.push(first);
    await first.close();
    const dir = first.userDataDir;
    const preset = (name: string, updatedAt: number) => ({ id: `id-${name}`, name, updatedAt, request: { ...blankRequest(), url: `${server.url}/${name.toLowerCase()}` } });
    new Conf<Record<string, unknown>>(storeOptions(dir, STORE_NAME)).store = { schemaVersion: 3, presets: [preset('Survivor', 1_700_000_000_000), preset('Casualty', 1_700_000_000_001)] };
    const storePath = path.join(dir, `${STORE_NAME}.json`);
    const text = await readFile(storePath, 'utf8');
    const damaged = text.slice(0, text.indexOf('Casualty'));
    await writeFile(storePath, damaged);

    const second = await launchApp({ userDataDir: dir });
    apps.push(second);
    const { page } = second;
    const notice = page.getByTestId('store-notice');
    await expect(notice).toContainText('not valid JSON');
    const backupPath = (await page.getByTestId('store-backup-path').textContent())!;
    expect(path.dirname(backupPath)).toBe(dir);
    expect(path.basename(backupPath)).toMatch(/^keypost-store\.corrupt-.*\.json$/);
    expect(await readFile(backupPath, 'utf8')).toBe(damaged);
    // What could be read is a file now; the old file is kept aside, and a notice says where both are.
    await expect(page.getByTestId('preset-item')).toHaveText([/Survivor/]);
    expect(await readFile(path.join(dir, 'collection', 'Survivor.request.yaml'), 'utf8')).toContain(`url: ${server.url}/survivor`);
    await expect(page.getByTestId('moved-notice')).toContainText(`Your preset is now a file in ${path.join(dir, 'collection')}`);
    await expect(page.getByTestId('moved-notice')).toContainText('keypost-store.moved-');
  });
});

test('Ctrl+S on an untitled request explains a bad or taken name in the dialog', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/x` });
  await saveAsNew(page, 'Taken');
  await page.getByTestId('preset-save-as').click();
  await page.getByTestId('preset-name').fill('   ');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('preset-name-error')).toContainText('needs a name');
  await page.getByTestId('preset-name').fill('taken');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('preset-name-error')).toContainText('already exists');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('preset-save-dialog')).toHaveCount(0);
  await expect(page.getByTestId('preset-item')).toHaveCount(1);
});

test('the selected credential is back after a restart even with no preset open', async () => {
  await withApps(async (apps) => {
    const first = await launchApp();
    apps.push(first);
    await addCredential(first.page, 'prod', PROD_TOKEN);
    await first.page.getByTestId('credential-select').selectOption('prod');
    await expect(first.page.getByTestId('token')).toHaveAttribute('placeholder', /stored/);
    await first.close();

    const second = await launchApp({ userDataDir: first.userDataDir });
    apps.push(second);
    await expect(second.page.getByTestId('credential-select')).toHaveValue('prod');
    await expect(second.page.getByTestId('preset-current')).toHaveText('Untitled request');
    await expect(second.page.getByTestId('token')).toHaveAttribute('placeholder', /stored/);
  });
});

test('what is typed as the window opens goes into the restored tabs, never into a stand-in they replace', async ({ server }) => {
  await withApps(async (apps) => {
    const first = await launchApp();
    apps.push(first);
    await first.close();
    // Forty tabs, each from a preset, written by the app's own store code: bringing them back takes a call per preset.
    const dir = first.userDataDir;
    const store = loadCollections(dir, new Conf<Record<string, unknown>>(storeOptions(dir, STORE_NAME)));
    const tabs = Array.from({ length: 40 }, (_, index) => {
      const created = store.create({ name: `Tab ${index}`, request: { ...blankRequest(), url: `${server.url}/tab/${index}` } });
      if (!created.ok) throw new Error(created.error.message);
      return { presetId: created.value.id, draft: created.value.request };
    });
    expect(createWorkspaceFile(new Conf<Record<string, unknown>>(storeOptions(dir, WORKSPACE_NAME))).save({ tabs, active: 39 }).ok).toBe(true);

    const second = await launchApp({ userDataDir: dir });
    apps.push(second);
    const { page } = second;
    // However fast the tabs come back: the first URL field the page ever shows is the restored tab's, never a stand-in's.
    await page.addInitScript(() => {
      const seen = window as unknown as { firstUrlField?: { tabs: number; url: string } };
      new MutationObserver((_, observer) => {
        const field = document.querySelector<HTMLInputElement>('[data-testid="url"]');
        if (!field) return;
        seen.firstUrlField = { tabs: document.querySelectorAll('[data-testid="tab"]').length, url: field.value };
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { firstUrlField?: unknown }).firstUrlField))
      .toEqual({ tabs: 40, url: `${server.url}/tab/39` });
    // Typed the moment the window is there, as someone who knows what to send does.
    await page.getByTestId('url').fill(`${server.url}/typed-at-once`);
    await expect(page.getByTestId('tab')).toHaveCount(40);
    await expect(page.getByTestId('preset-current')).toHaveText('Tab 39');
    await expect(page.getByTestId('url')).toHaveValue(`${server.url}/typed-at-once`);
    await expect(page.getByTestId('unsaved-marker')).toBeVisible();
  });
});
