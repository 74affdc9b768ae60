// A full session with recognisable tokens, then a search for them everywhere the app writes or prints:
// every file under its data dir (store, exports, the browser profile with localStorage/IndexedDB),
// the page's console, the main-side process output, and every error message shown.
import { readFile } from 'node:fs/promises';
import { closedPortUrl } from '../fixtures/testServer';
import { exportPathFor, launchApp } from './harness';
import { addCredential, expect, fillRequest, filesContaining, forgetKeychain, saveAsNew, test } from './fixtures';

const TOKENS = ['kp-leakcheck-AAAA-1111', 'kp-leakcheck-BBBB-2222'];

/** Records what this process prints while `run` goes on (the harness runs the main-side handlers here). */
async function capturingOutput(run: () => Promise<void>): Promise<string> {
  const printed: string[] = [];
  const original = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const tap = (write: typeof process.stdout.write) =>
    ((chunk: unknown, ...rest: unknown[]) => {
      printed.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
  process.stdout.write = tap(original.out);
  process.stderr.write = tap(original.err);
  try {
    await run();
  } finally {
    process.stdout.write = original.out;
    process.stderr.write = original.err;
  }
  return printed.join('');
}

test('no file, log line, console message or error message contains a token', async ({ server }) => {
  const seen: string[] = [];
  const first = await launchApp();
  const watch = (page: typeof first.page) => {
    page.on('console', (message) => seen.push(message.text()));
    page.on('pageerror', (error) => seen.push(String(error)));
  };
  try {
    const printed = await capturingOutput(async () => {
      const { page } = first;
      watch(page);
      const showError = async () => seen.push(await page.getByTestId('error').innerText());

      await fillRequest(page, { url: `${server.url}/status?code=200`, token: TOKENS[0], body: '{"step":1}' });
      await page.getByTestId('send').click();
      await expect(page.getByTestId('status')).toHaveText('200 OK');
      await saveAsNew(page, 'leak check');

      await addCredential(page, 'second', TOKENS[1]!);
      await page.getByTestId('credential-select').selectOption('second');
      await fillRequest(page, { url: `${server.url}/status?code=401` });
      await page.getByTestId('send').click();
      await expect(page.getByTestId('status')).toHaveText('401 Unauthorized');

      // Failures of every kind, each with its message on screen.
      await fillRequest(page, { url: `${await closedPortUrl()}/x` });
      await page.getByTestId('send').click();
      await showError();
      await fillRequest(page, { url: `${server.url}/hang` });
      await page.getByTestId('send').click();
      await page.getByTestId('cancel').click();
      await showError();
      await fillRequest(page, { url: 'http://keypost-leak.invalid/' });
      await page.getByTestId('send').click();
      await showError();

      // Reveal and hide, then export every preset.
      await page.getByTestId('token-reveal').click();
      await expect(page.getByTestId('token')).toHaveValue(TOKENS[1]!);
      await page.getByTestId('token-reveal').click();
      await page.getByTestId('preset-export').click();
      await expect.poll(() => readFile(exportPathFor(first.userDataDir), 'utf8').catch(() => '')).toContain('leak check');
      await first.close();

      const second = await launchApp({ userDataDir: first.userDataDir });
      watch(second.page);
      await second.page.getByTestId('preset-item').filter({ hasText: 'leak check' }).click();
      await second.page.getByTestId('send').click();
      await expect(second.page.getByTestId('status')).toHaveText('200 OK');
      await second.close();
    });

    // The server did get the tokens, so the search below is looking for something real.
    expect(server.received.map((request) => request.headers.authorization)).toEqual(
      expect.arrayContaining([`Bearer ${TOKENS[0]}`, `Bearer ${TOKENS[1]}`]),
    );
    for (const token of TOKENS) {
      expect(await filesContaining(first.userDataDir, token)).toEqual([]);
      expect(printed).not.toContain(token);
      expect(seen.filter((line) => line.includes(token))).toEqual([]);
    }
    expect(seen.length).toBeGreaterThanOrEqual(3);
  } finally {
    await forgetKeychain(first.keychainService);
  }
});
