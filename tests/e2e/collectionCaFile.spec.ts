// A collection's own CA file end to end: chosen in "Collection settings…" (the file dialog's stand-in), a file outside
// the collection folder refused in words, written to keypost.collection.yaml, trusted by that collection's request;
// a damaged file arriving on disk (a pull) shows under the collection's ⚠ and stops its sends in words.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { requestFileText } from '../../electron/core/collections/requestFile';
import { blankRequest } from '../../shared/request';
import { makeTestPki, startCertificateServer } from '../fixtures/testCertificates';
import { chosenCaFileFor, chosenFolderFileFor } from './harness';
import { expect, test } from './fixtures';

const header = (page: Page, name: string) => page.locator(`[data-testid="collection-header"][data-name="${name}"]`);
const item = (page: Page, name: string) => page.locator(`[data-testid="preset-item"][data-name="${name}"]`);

test('a CA file chosen in a collection’s settings is trusted for its requests, and a damaged collection file is listed', async ({ app }) => {
  const pki = makeTestPki();
  const server = await startCertificateServer(pki.good);
  try {
    const { page, userDataDir } = app;
    const checkout = path.join(userDataDir, 'checkouts', 'team-api');
    await mkdir(path.join(checkout, 'certs'), { recursive: true });
    await copyFile(pki.caFile, path.join(checkout, 'certs', 'company-root.pem'));
    await writeFile(path.join(checkout, 'Secure.request.yaml'), requestFileText({ id: null, name: 'Secure', request: { ...blankRequest(), url: `${server.url}/`, auth: { kind: 'none' } } }));
    await mkdir(path.dirname(chosenFolderFileFor(userDataDir)), { recursive: true });
    await writeFile(chosenFolderFileFor(userDataDir), checkout);
    await page.getByTestId('collection-open').click();
    await item(page, 'Secure').click();
    await page.getByTestId('send').click();
    await expect(page.getByTestId('error')).toContainText('is issued by "Keypost Test Root CA", an authority Keypost does not trust.');

    const choose = async (file: string) => {
      await writeFile(chosenCaFileFor(userDataDir), file);
      await page.getByTestId('collection-ca-file-choose').click();
    };
    await header(page, 'team-api').getByTestId('collection-settings').click();
    await expect(page.getByTestId('collection-ca-file-path')).toContainText('none');
    await choose(pki.caFile);
    await expect(page.getByTestId('collection-ca-file-error')).toContainText(`${pki.caFile} is outside the collection folder ${checkout}. Copy it into the collection folder so your team gets it too.`);
    await choose(path.join(checkout, 'certs', 'company-root.pem'));
    await expect(page.getByTestId('collection-ca-file-path')).toHaveText('certs/company-root.pem');
    await expect(page.getByTestId('collection-ca-file-error')).toHaveCount(0);
    expect(await readFile(path.join(checkout, 'keypost.collection.yaml'), 'utf8')).toBe('keypost: 1\nnetwork:\n  caFile: certs/company-root.pem\n');
    await page.getByTestId('collection-settings-close').click();

    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    expect(server.requests).toBe(1);

    // A pull brings a damaged collection file: the watcher lists it, and the collection's sends stop in words.
    await writeFile(path.join(checkout, 'keypost.collection.yaml'), 'keypost: 1\nnetwork: [\n');
    await header(page, 'team-api').getByTestId('collection-problems').click();
    await expect(page.getByTestId('collection-unread')).toContainText('keypost.collection.yaml');
    await expect(page.getByTestId('collection-unread')).toContainText('It is not valid YAML');
    await page.getByTestId('collection-problems-close').click();
    await page.getByTestId('send').click();
    await expect(page.getByTestId('error')).toContainText('Not sent: the collection “team-api” has a keypost.collection.yaml that cannot serve.');
    expect(server.requests).toBe(1);
  } finally {
    await server.close();
  }
});
