// A full session with recognisable tokens, then a search for them everywhere the app writes or prints:
// every file under its data dir (store, exports, the browser profile with localStorage/IndexedDB),
// the temp files over-limit bodies spool to, the page's console, the main-side process output, and every error message shown.
import type { Page } from '@playwright/test';
import { randomInt } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closedPortUrl } from '../fixtures/testServer';
import { exportPathFor, launchApp, stageOriginAnswers } from './harness';
import { addCredential, expect, fillRequest, filesContaining, forgetKeychain, saveAsNew, test, setBodyLimit } from './fixtures';

const randomFrom = (alphabet: string, length: number) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
/** New each run, and different from the first character on (other prefixes, other random alphabets): a hit names one token. */
const TOKENS = [`first-leak-${randomFrom('0123456789abcdef', 20)}`, `SECOND_LEAK_${randomFrom('GHJKLMNPQRSTVWXYZ', 20)}`] as const;

/**
 * Over-limit bodies spool to `keypost-` plus mkdtemp's six characters in the main side's tmpdir (responseBody.ts):
 * this process's in the harness, the same folder for real Electron. (E2E data dirs, `keypost-e2e-…`, do not match.)
 */
const SPOOL_DIR = /^keypost-[A-Za-z0-9]{6}$/;

/** Sends for a body over the 1 MB limit; answers the temp file it went to, as the page shows it. */
async function sendOverLimit(page: Page, url: string): Promise<string> {
  await fillRequest(page, { url });
  await page.getByTestId('send').click();
  const notice = page.getByTestId('saved-file');
  await expect(notice).toContainText('over the size limit');
  return (await notice.locator('code').innerText()).trim();
}

/** No entries for a folder that no longer exists; any other error stands. */
const goneIsEmpty = (error: NodeJS.ErrnoException): string[] => {
  if (error.code === 'ENOENT') return [];
  throw error;
};

/** The spool files that exist now, and `<token> in <file>` for each token found; read at once, since a later send deletes them. */
async function searchSpoolFiles(): Promise<{ files: string[]; hits: string[] }> {
  const files: string[] = [];
  const hits: string[] = [];
  for (const name of (await readdir(tmpdir())).filter((entry) => SPOOL_DIR.test(entry))) {
    const dir = path.join(tmpdir(), name);
    // Specs in other workers spool here too, and may delete theirs meanwhile: a folder gone is passed over, but any other
    // failure to read one fails the search (a folder left unread cannot be called clean).
    files.push(...(await readdir(dir).catch(goneIsEmpty)).map((file) => path.join(dir, file)));
    for (const token of TOKENS) hits.push(...(await filesContaining(dir, token).catch(goneIsEmpty)).map((file) => `${token} in ${file}`));
  }
  return { files, hits };
}

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
  // A whole session in two launches, with two bodies over the limit and a search of every file: 15 s alone, and up to
  // 50 s when two workers share this machine's 2 cores, too near the default minute.
  test.slow();
  const seen: string[] = [];
  const spool = { shown: [] as string[], searched: [] as string[], hits: [] as string[] };
  const sendOverLimitAndSearch = async (page: Page) => {
    spool.shown.push(await sendOverLimit(page, `${server.url}/items?bytes=2000000`));
    const { files, hits } = await searchSpoolFiles();
    spool.searched.push(...files);
    spool.hits.push(...hits);
  };
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

      // Bodies over the limit (1 MB here) go to temp files: search them while they exist, once per token.
      await setBodyLimit(page, '1');
      await sendOverLimitAndSearch(page);

      await addCredential(page, 'second', TOKENS[1]);
      await page.getByTestId('credential-select').selectOption('second');
      await fillRequest(page, { url: `${server.url}/status?code=401` });
      await page.getByTestId('send').click();
      await expect(page.getByTestId('status')).toHaveText('401 Unauthorized');
      await sendOverLimitAndSearch(page);

      // Failures of every kind, each with its message on screen. Main asks before the credential goes to another host:
      // let it go once, so the connection does fail; the last one, to yet another host, is not let go at all.
      await stageOriginAnswers(first.userDataDir, 'once');
      await fillRequest(page, { url: `${await closedPortUrl()}/x` });
      await page.getByTestId('send').click();
      await expect(page.getByTestId('error')).toContainText('refused');
      await showError();
      await fillRequest(page, { url: `${server.url}/hang` });
      await page.getByTestId('send').click();
      await page.getByTestId('cancel').click();
      await showError();
      await fillRequest(page, { url: 'http://keypost-leak.invalid/' });
      await page.getByTestId('send').click();
      await showError();
      await fillRequest(page, { url: `${await closedPortUrl()}/y` });
      await page.getByTestId('send').click();
      await expect(page.getByTestId('error')).toContainText('Not sent: the credential “second”');
      await showError();

      // Reveal and hide, then export every preset.
      await page.getByTestId('token-reveal').click();
      await expect(page.getByTestId('token')).toHaveValue(TOKENS[1]);
      await page.getByTestId('token-reveal').click();
      await page.getByTestId('preset-export').click();
      await expect.poll(() => readFile(exportPathFor(first.userDataDir), 'utf8').catch(() => '')).toContain('leak check');
      await first.close();

      const second = await launchApp({ userDataDir: first.userDataDir });
      watch(second.page);
      // The tab comes back with its unsaved edits (the last URL typed); close it, discarding them, and open the preset.
      await second.page.keyboard.press('ControlOrMeta+W');
      await second.page.getByTestId('dialog-confirm').click();
      await second.page.getByTestId('preset-item').filter({ hasText: 'leak check' }).click();
      await second.page.getByTestId('send').click();
      await expect(second.page.getByTestId('status')).toHaveText('200 OK');
      await second.close();
    });

    // The server did get the tokens, so the search below is looking for something real.
    expect(server.received.map((request) => request.headers.authorization)).toEqual(
      expect.arrayContaining([`Bearer ${TOKENS[0]}`, `Bearer ${TOKENS[1]}`]),
    );
    // The spool search read the very files the page named, so it looked at something real.
    expect(new Set(spool.shown).size).toBe(2);
    expect(spool.searched).toEqual(expect.arrayContaining(spool.shown));
    expect(spool.hits).toEqual([]);
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
