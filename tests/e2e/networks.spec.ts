// A company network end to end: the status line says HTTP/2 for a server that speaks it and HTTP/1.1 once "Use HTTP/1.1
// only" is ticked in Settings, and a SOCKS5 proxy chosen in Settings carries the send and is named.
import { startHttp2Server } from '../fixtures/http2Server';
import { startSocksProxy } from '../fixtures/proxyServers';
import { expect, fillRequest, inSettings, test } from './fixtures';

const TOKEN = 'kp-e2e-networks-token';

test('the status line says the HTTP version, and "Use HTTP/1.1 only" in Settings keeps to HTTP/1.1', async ({ app }) => {
  const { page } = app;
  const server = await startHttp2Server();
  try {
    await fillRequest(page, { url: `${server.url}/items`, token: TOKEN, body: '{}' });
    await page.getByTestId('send').click();
    await page.getByTestId('allow-self-signed').click();
    await expect(page.getByTestId('status')).toContainText('200');
    await expect(page.getByTestId('http-version')).toHaveText('HTTP/2');
    expect(server.versions).toEqual(['2.0']);

    await inSettings(page, async () => {
      await expect(page.getByTestId('settings-http1-only')).not.toBeChecked();
      await page.getByTestId('settings-http1-only').check();
    });
    await page.getByTestId('send').click();
    await expect(page.getByTestId('http-version')).toHaveText('HTTP/1.1');
    expect(server.versions).toEqual(['2.0', '1.1']);
  } finally {
    await server.close();
  }
});

test('a SOCKS5 proxy chosen in Settings carries the send, and the status line names it', async ({ app, server }) => {
  const { page } = app;
  const socks = await startSocksProxy();
  try {
    await inSettings(page, async () => {
      await page.getByTestId('proxy-mode').selectOption('manual');
      await page.getByTestId('proxy-url').fill('socks4://127.0.0.1:1080');
      await expect(page.getByTestId('proxy-url-error')).toContainText('SOCKS4 proxies are not supported');
      await page.getByTestId('proxy-url').fill(socks.url);
      await expect(page.getByTestId('proxy-url-error')).toHaveCount(0);
    });
    await fillRequest(page, { url: `${server.url}/echo`, token: TOKEN, body: '{}' });
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toContainText('200');
    await expect(page.getByTestId('via-proxy')).toHaveText(`via proxy socks5://${new URL(socks.url).host}`);
    await expect(page.getByTestId('http-version')).toHaveText('HTTP/1.1');
    expect(socks.connects).toEqual([new URL(server.url).host]);
  } finally {
    await socks.close();
  }
});
