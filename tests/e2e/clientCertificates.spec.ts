// Client certificates end to end: a server that demands one is refused in words, a PKCS#12 file with a wrong
// passphrase is refused in Settings keeping what was typed, and once saved there with its passphrase (the keychain) the
// send goes through; the passphrase is in no file of the data folder, the page's profile included.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CertificateFileRole } from '../../shared/clientCertificates';
import { makeClientPki, startMutualTlsServer } from '../fixtures/clientCertificatePki';
import { filesContaining } from '../fixtures/filesContaining';
import { makeTestPki } from '../fixtures/testCertificates';
import { chosenCaFileFor, chosenCertificateFileFor } from './harness';
import { expect, fillRequest, inSettings, test } from './fixtures';

const TOKEN = 'kp-e2e-client-certificates-7a2c';

test('a server that demands a client certificate is refused in words, then accepted once a PKCS#12 file is saved in Settings', async ({ app }) => {
  const pki = makeTestPki();
  const client = makeClientPki(pki);
  const server = await startMutualTlsServer(pki);
  try {
    const { page, userDataDir } = app;
    const stage = async (file: string, where: string) => {
      await mkdir(path.dirname(where), { recursive: true });
      await writeFile(where, file);
    };
    const choose = async (role: CertificateFileRole, file: string, button: string) => {
      await stage(file, chosenCertificateFileFor(userDataDir, role));
      await page.getByTestId(button).click();
    };
    const host = new URL(server.url).host;
    // The server's own certificate comes from the test CA: trusted once its file is chosen.
    await inSettings(page, async () => {
      await stage(pki.caFile, chosenCaFileFor(userDataDir));
      await page.getByTestId('settings-ca-file-choose').click();
      await expect(page.getByTestId('settings-ca-file-path')).toHaveText(pki.caFile);
    });
    await fillRequest(page, { url: `${server.url}/`, token: TOKEN, body: '{}' });
    await page.getByTestId('send').click();
    await expect(page.getByTestId('error')).toContainText(`${host} asks for a client certificate (mutual TLS), and none is set up for 127.0.0.1.`);

    await inSettings(page, async () => {
      await page.getByTestId('client-certificate-add').click();
      await page.getByTestId('client-certificate-host').fill(host);
      await page.getByTestId('client-certificate-kind').selectOption('pkcs12');
      // A PEM file where PKCS#12 is asked for is refused when chosen.
      await choose('pkcs12', client.cert, 'client-certificate-choose');
      await expect(page.getByTestId('client-certificate-error')).toContainText(`${client.cert} is a PEM file, not PKCS#12.`);
      await choose('pkcs12', client.p12, 'client-certificate-choose');
      await expect(page.getByTestId('client-certificate-file')).toHaveText(client.p12);
      await page.getByTestId('client-certificate-passphrase').fill('not-the-passphrase');
      await page.getByTestId('client-certificate-save').click();
      await expect(page.getByTestId('client-certificate-error')).toContainText(`The passphrase does not open the PKCS#12 file ${client.p12}.`);
      // Nothing typed is lost: the form still holds the host and file, ready for the right passphrase.
      await expect(page.getByTestId('client-certificate-host')).toHaveValue(host);
      await page.getByTestId('client-certificate-passphrase').fill(client.p12Passphrase);
      await page.getByTestId('client-certificate-save').click();
      await expect(page.getByTestId('client-certificate-row')).toContainText(`${host} client.p12 (passphrase in the keychain)`);
      await expect(page.getByTestId('client-certificate-error')).toHaveCount(0);
    });
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    await expect(page.getByTestId('client-certificate-presented')).toHaveText(`with the client certificate for ${host} (client.p12)`);
    expect(server.clients).toEqual(['Keypost Test Client']);
    expect(await filesContaining(userDataDir, client.p12Passphrase)).toEqual([]);
  } finally {
    await server.close();
  }
});
