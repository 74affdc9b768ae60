// Certificates end to end: a server whose certificate a company CA issued is refused in words naming that CA, a CA
// file that is not PEM is refused in Settings, and once the CA file is chosen there (the dialog's stand-in) the send goes through.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeTestPki, startCertificateServer } from '../fixtures/testCertificates';
import { chosenCaFileFor } from './harness';
import { expect, fillRequest, inSettings, test } from './fixtures';

const TOKEN = 'kp-e2e-certificates-5d1e';

test('a certificate from an unknown CA is refused naming it, until its CA file is chosen in Settings', async ({ app }) => {
  const pki = makeTestPki();
  const server = await startCertificateServer(pki.good);
  try {
    const { page, userDataDir } = app;
    const choose = async (file: string) => {
      await mkdir(path.dirname(chosenCaFileFor(userDataDir)), { recursive: true });
      await writeFile(chosenCaFileFor(userDataDir), file);
      await page.getByTestId('settings-ca-file-choose').click();
    };
    await fillRequest(page, { url: `${server.url}/`, token: TOKEN, body: '{}' });
    await page.getByTestId('send').click();
    await expect(page.getByTestId('error')).toContainText('("Keypost Test Server") is issued by "Keypost Test Root CA", an authority Keypost does not trust.');
    expect(server.requests).toBe(0);

    const notPem = path.join(pki.dir, 'notes.txt');
    await writeFile(notPem, 'not a certificate\n');
    await inSettings(page, async () => {
      await choose(notPem);
      await expect(page.getByTestId('settings-ca-file-error')).toContainText(`${notPem} holds no PEM certificate`);
      await expect(page.getByTestId('settings-ca-file-path')).toContainText('none');

      await choose(pki.caFile);
      await expect(page.getByTestId('settings-ca-file-path')).toHaveText(pki.caFile);
      await expect(page.getByTestId('settings-ca-file-error')).toHaveCount(0);
    });
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    expect(server.requests).toBe(1);
  } finally {
    await server.close();
  }
});
