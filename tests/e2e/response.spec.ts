// Inspecting responses: Pretty / Raw / Tree, JSONPath filter, copy and save, non-JSON bodies, a 20 MB body, progress.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { launchApp, savedBodyDirFor } from './harness';
import { displayedBody, expect, fillRequest, forgetKeychain, test } from './fixtures';

const TOKEN = 'kp-e2e-response-token';
const DOC =
  '{"data":[{"id":1,"name":"Ada","tags":["x","y"]},{"id":2,"name":"Grace","tags":[]},{"id":3,"name":"Linus","tags":["z"]},' +
  '{"id":4,"name":"Margaret","big":12345678901234567890}],"meta":{"total":4,"odd key":true,"nothing":null}}';

async function sendTo(page: Page, url: string): Promise<void> {
  await fillRequest(page, { url, token: TOKEN, body: '{}' });
  await page.getByTestId('send').click();
}

test('switches a JSON body between Pretty, Raw and Tree', async ({ app, server }) => {
  const { page } = app;
  await sendTo(page, `${server.url}/doc`);
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  await expect(page.getByTestId('view-pretty')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => displayedBody(page)).toContain('"name": "Margaret",');
  // Formatting never re-parses numbers: the big integer is shown exactly as sent.
  expect(await displayedBody(page)).toContain('"big": 12345678901234567890');

  await page.getByTestId('view-raw').click();
  await expect.poll(() => displayedBody(page)).toBe(DOC);

  await page.getByTestId('view-tree').click();
  const rows = page.getByTestId('tree-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('"data": [4]');
  await expect(rows.nth(2)).toContainText('"meta": {3}');
  await rows.nth(1).getByTestId('tree-toggle').click();
  await expect(rows).toHaveCount(7);
  await rows.nth(5).getByTestId('tree-toggle').click(); // data[3]
  await expect(rows.nth(7)).toContainText('"name": "Margaret"');
  // The tree parses the body, and still shows the big integer exactly.
  await expect(rows.nth(8)).toContainText('"big": 12345678901234567890');
  await rows.nth(1).getByTestId('tree-toggle').click();
  await expect(rows).toHaveCount(3);
});

test('the Tree reaches the last item of an array of two million, past where the scrollbar is scaled', async ({ app, server }) => {
  const { page } = app;
  // Two million rows of 22 pixels: far past the height an element can have.
  await sendTo(page, `${server.url}/numbers?count=2000000`);
  await expect(page.getByTestId('view-tree')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('view-tree').click();
  const tree = page.getByTestId('response-tree');
  const rows = page.getByTestId('tree-row');
  await expect(rows.first()).toContainText('[2000000]', { timeout: 30_000 });
  await tree.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await expect(rows.filter({ hasText: '1999999: 1999999' })).toBeInViewport();
  // And back to the top, where the first items are.
  await tree.evaluate((element) => (element.scrollTop = 0));
  await expect(rows.filter({ hasText: /^\s*0: 0/ })).toBeInViewport();
});

test('folds and unfolds the Pretty view, with the number of entries hidden', async ({ app, server }) => {
  const { page } = app;
  await sendTo(page, `${server.url}/doc`);
  await expect.poll(() => displayedBody(page)).toContain('"data": [');
  const dataLine = page.getByTestId('line').filter({ hasText: '"data": [' });
  await dataLine.getByTestId('line-fold').click();
  await expect(dataLine.getByTestId('fold-summary')).toHaveText(/4 entries/);
  await expect.poll(() => displayedBody(page)).not.toContain('"Grace"');
  // The closing bracket and its comma stay on the folded line.
  expect(await displayedBody(page)).toContain('"data": [ … 4 entries … ],');
  await dataLine.getByTestId('line-fold').click();
  await expect.poll(() => displayedBody(page)).toContain('"name": "Grace"');
});

test('Ctrl+F finds every match, Enter steps through them, and the case can be matched', async ({ app, server }) => {
  const { page } = app;
  await sendTo(page, `${server.url}/doc`);
  await expect.poll(() => displayedBody(page)).toContain('"meta"');
  await page.getByTestId('response-body').click();
  await page.keyboard.press('ControlOrMeta+F');
  const input = page.getByTestId('find-input');
  await expect(input).toBeFocused();
  await input.fill('NAME');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 4');
  await input.press('Enter');
  await expect(page.getByTestId('find-count')).toHaveText('2 of 4');
  await input.press('Shift+Enter');
  await input.press('Shift+Enter');
  await expect(page.getByTestId('find-count')).toHaveText('4 of 4');
  await expect(page.locator('.current-match')).toContainText('"name": "Margaret"');
  await page.getByTestId('find-case').check();
  await expect(page.getByTestId('find-count')).toHaveText('No results');
  await input.press('Escape');
  await expect(input).toHaveCount(0);
  // The body view has the focus back, so Ctrl+F opens find again.
  await expect(page.getByTestId('response-body')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+F');
  await expect(page.getByTestId('find-input')).toBeFocused();
});

test('Ctrl+F finds the text each view shows: a minified pair as Pretty spaces it, and as sent in Raw', async ({ app, server }) => {
  const { page } = app;
  // /doc is minified: {"data":[{"id":1,…
  await sendTo(page, `${server.url}/doc`);
  await expect.poll(() => displayedBody(page)).toContain('"id": 1,');
  const marked = () => page.getByTestId('response-body').locator('mark').allTextContents().then((marks) => marks.join(''));
  await page.getByTestId('response-body').click();
  await page.keyboard.press('ControlOrMeta+F');
  await page.getByTestId('find-input').fill('"id": 1');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 1');
  await expect(page.locator('.current-match')).toContainText('"id": 1,');
  await expect.poll(marked).toBe('"id": 1');

  await page.getByTestId('view-raw').click();
  await expect.poll(() => displayedBody(page)).toBe(DOC);
  await page.getByTestId('response-body').click();
  await page.keyboard.press('ControlOrMeta+F');
  const input = page.getByTestId('find-input');
  await input.fill('"id":1');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 1');
  await expect.poll(marked).toBe('"id":1');
  await input.fill('"id": 1');
  await expect(page.getByTestId('find-count')).toHaveText('No results');
  await expect.poll(marked).toBe('');
});

test('filters the body with a JSONPath expression, showing only the matches', async ({ app, server }) => {
  const { page } = app;
  await sendTo(page, `${server.url}/doc`);
  await expect.poll(() => displayedBody(page)).toContain('"meta"');
  await page.getByTestId('body-filter').fill('$.data[?(@.id > 1)].name');
  await expect(page.getByTestId('filter-count')).toHaveText('3 matches');
  await expect.poll(() => displayedBody(page)).toBe('[\n  "Grace",\n  "Linus",\n  "Margaret"\n]');

  // Filter results keep big numbers exact (they are parsed with their source text).
  await page.getByTestId('body-filter').fill('$.data[3]');
  await expect.poll(() => displayedBody(page)).toContain('"big": 12345678901234567890');

  await page.getByTestId('body-filter').fill('data[*]');
  await expect(page.getByTestId('filter-error')).toContainText('starts with $');
  await page.getByTestId('body-filter').fill('');
  await expect.poll(() => displayedBody(page)).toContain('"odd key": true');
});

test('copies a value, its path and the whole body, and saves the body to a file', async ({ server }) => {
  const app = await launchApp();
  const { page } = app;
  const clipboard = () => app.readClipboard();
  try {
    await sendTo(page, `${server.url}/doc`);
    await expect(page.getByTestId('view-tree')).toBeEnabled();
    await page.getByTestId('view-tree').click();
    const rows = page.getByTestId('tree-row');
    await rows.nth(1).getByTestId('tree-toggle').click();
    await rows.nth(3).getByTestId('tree-toggle').click(); // data[1]
    const name = rows.filter({ hasText: '"Grace"' });
    await name.getByTestId('tree-value').click();
    await expect(page.getByTestId('body-status')).toHaveText('Copied value');
    expect(await clipboard()).toBe('Grace');
    await name.hover();
    await name.getByTestId('copy-path').click();
    await expect.poll(clipboard).toBe('$.data[1].name');

    // In the Pretty view, any line copies its value or its path; big numbers stay exact everywhere.
    await page.getByTestId('view-pretty').click();
    const big = page.getByTestId('line').filter({ hasText: '"big"' });
    await big.hover();
    await big.getByTestId('copy-line-path').click();
    await expect.poll(clipboard).toBe('$.data[3].big');
    await big.getByTestId('copy-line-value').click();
    await expect.poll(clipboard).toBe('12345678901234567890');
    const tags = page.getByTestId('line').filter({ hasText: '"tags": [' }).first();
    await tags.hover();
    await tags.getByTestId('copy-line-value').click();
    await expect.poll(clipboard).toBe('[\n  "x",\n  "y"\n]');

    await page.getByTestId('copy-body').click();
    await expect.poll(clipboard).toBe(DOC);

    await page.getByTestId('save-body').click();
    const saved = path.join(savedBodyDirFor(app.userDataDir), 'response.json');
    await expect(page.getByTestId('body-status')).toContainText(`Saved ${DOC.length} B to ${saved}`);
    expect(await readFile(saved, 'utf8')).toBe(DOC);
  } finally {
    await app.close();
    await forgetKeychain(app.keychainService);
  }
});

test('shows headers as a table, and the encoding and both sizes of a compressed body', async ({ app, server }) => {
  const { page } = app;
  await sendTo(page, `${server.url}/brotli`);
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  await expect(page.getByTestId('status')).toHaveClass(/status-2xx/);
  await expect(page.getByTestId('wire-size')).toHaveText(/^\d+ B br$/);
  await expect(page.getByTestId('size')).toHaveText(/^\d\.\d KB$/);
  await expect(page.getByTestId('ttfb')).toHaveText(/TTFB \d+ ms/);
  await expect.poll(() => displayedBody(page)).toContain('"compressed": "br"');
  await page.getByRole('region', { name: 'Response' }).getByRole('tab', { name: /Headers/ }).click();
  const encoding = page.getByTestId('response-headers').getByRole('row', { name: /content-encoding/ });
  await expect(encoding.getByRole('cell')).toHaveText('br');
});

test('a JSON content type whose body does not parse shows the raw text and the parse error', async ({ app, server }) => {
  const { page } = app;
  await sendTo(page, `${server.url}/bad-json`);
  await expect(page.getByTestId('parse-error')).toContainText('does not parse');
  await expect.poll(() => displayedBody(page)).toBe('{"unterminated":');
  await expect(page.getByTestId('view-tree')).toBeDisabled();

  // Deep in a long body, the Raw view opens at the offending line, selected.
  await sendTo(page, `${server.url}/bad-json-deep`);
  await expect(page.getByTestId('parse-error')).toContainText("found ',' at line 4000, column 19");
  const selected = page.locator('.line-row.selected');
  await expect(selected).toContainText('"key3998": 3998,,');
  await expect(selected.locator('.line-number')).toHaveText('4000');
});

test('shows an image as an image, and other binary as a hex preview it can save', async ({ app, server }) => {
  const { page } = app;
  await sendTo(page, `${server.url}/image`);
  const image = page.getByTestId('response-image');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  await sendTo(page, `${server.url}/binary`);
  await expect(page.getByTestId('response-body')).toContainText('00000000  89 50 4e 47 00 01 02 ff');
  await expect(page.getByTestId('response-body')).toContainText('KEYPOST');
  await page.getByTestId('save-body').click();
  await expect(page.getByTestId('body-status')).toContainText('Saved 15 B');
  const saved = await readFile(path.join(savedBodyDirFor(app.userDataDir), 'response.bin'));
  expect([...saved.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});

test('shows XML as text and runs none of it', async ({ app, server }) => {
  const { page } = app;
  await sendTo(page, `${server.url}/xml`);
  await expect.poll(() => displayedBody(page)).toContain('<script>window.__pwned = true</script>');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
});

test('a 20 MB JSON body is displayed and searchable, and the page keeps responding while it loads', async ({ app, server }) => {
  const { page } = app;
  // Half the body, then the server holds the rest until the typing below is done: it happens while the body arrives.
  const rest = server.hold('rest');
  const url = `${server.url}/stall?bytes=20000000&before=10000000&until=rest&length=1`;
  await sendTo(page, url);
  // While the body comes over in parts and is indexed off the UI thread, another input still takes typing.
  await expect(page.getByTestId('body-arriving')).toBeVisible({ timeout: 30_000 });
  const urlField = page.getByTestId('url');
  await urlField.press('End');
  await urlField.pressSequentially('&typed');
  await expect(urlField).toHaveValue(`${url}&typed`);
  await expect(page.getByTestId('body-arriving')).toBeVisible();
  rest.release();

  await expect(page.getByTestId('size')).toHaveText('19 MB', { timeout: 30_000 });
  await expect.poll(() => displayedBody(page), { timeout: 30_000 }).toContain('"items": [');
  await page.getByTestId('response-body').click();
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.type('needle-');
  // The one match is at the very end of the body: the view scrolls there and marks it.
  await expect(page.getByTestId('find-count')).toHaveText('1 of 1', { timeout: 30_000 });
  await expect.poll(() => displayedBody(page)).toContain('"name": "needle-');
  await expect(page.getByTestId('response-body').locator('mark')).toHaveText('needle-');
});

test('shows the first screen while the body is still arriving, finds in it, and Cancel keeps what was shown', async ({ app, server }) => {
  const { page } = app;
  // 5 MB, then the server holds the rest until the test ends: everything below happens before it, Cancel included.
  await sendTo(page, `${server.url}/stall?bytes=6000000&before=5000000&until=rest&length=1`);
  const arriving = page.getByTestId('body-arriving');
  await expect(arriving).toContainText(/Showing the 4\.8 MB received of 5\.7 MB so far/);
  await expect(page.getByTestId('view-tree')).toBeDisabled();
  await expect.poll(() => displayedBody(page)).toContain('"items": [');
  // Scrollable: the end of what has arrived is reached.
  const view = page.getByTestId('response-body');
  await view.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await expect.poll(() => displayedBody(page)).toMatch(/"id": [1-9]\d{4}/);
  // Ctrl+F searches what has arrived so far.
  await view.click();
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.type('"item-12345"');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 1');
  // All of that happened with the rest held back: nothing whole-body (folding) appeared meanwhile.
  await expect(arriving).toBeVisible();
  await expect(page.getByTestId('line-fold')).toHaveCount(0);

  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('error')).toContainText('cancelled');
  await expect(page.getByTestId('body-incomplete')).toContainText('only the first 4.8 MB of 5.7 MB arrived');
  await expect(page.getByTestId('response-old')).toHaveCount(0);
  expect(await displayedBody(page)).toContain('"name": "item-12345"');
  await expect(page.getByTestId('copy-body')).toBeEnabled();
});

test('Ctrl+F finds in a body that keeps arriving, and the count grows with it', async ({ app, server }) => {
  const { page } = app;
  // The server stops twice: after 700 KB until the test releases `more`, after 1.4 MB for good (the test cancels).
  const more = server.hold('more');
  await sendTo(page, `${server.url}/stall?bytes=2000000&before=700000,1400000&until=more,rest`);
  await expect.poll(() => displayedBody(page)).toContain('"items": [');
  await page.getByTestId('response-body').click();
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.type('"item-');
  const count = async () => Number((await page.getByTestId('find-count').textContent())!.split(' of ')[1]);
  await expect(page.getByTestId('find-count')).toHaveText(/^1 of \d+$/);
  const first = await count();
  more.release();
  await expect.poll(count).toBeGreaterThan(first);
  // Found while the body still arrives: the server still holds its end.
  await expect(page.getByTestId('body-arriving')).toBeVisible();
  await page.getByTestId('cancel').click();
});

test('the line at the top stays put while more of a very long body arrives, past where the scrollbar is scaled', async ({ app, server }) => {
  const { page } = app;
  // 8 MB: about 1.1 million lines in the end. Past 750,000 (15 million pixels of rows), the scrollbar is scaled. The
  // server sends the first 1 MB and holds the rest until the reader has scrolled.
  const rest = server.hold('rest');
  await sendTo(page, `${server.url}/stall?bytes=8000000&before=1000000&until=rest`);
  const view = page.getByTestId('response-body');
  await expect.poll(() => displayedBody(page)).toContain('"items": [');
  await view.evaluate((element) => (element.scrollTop = 20_000));
  await expect.poll(() => topLine(page)).toBe(1001);
  // Scrolled while the body arrives, before it is long enough to scale the scrollbar.
  await expect(page.getByTestId('body-arriving')).toBeVisible();
  expect(await view.evaluate((element) => element.scrollHeight)).toBeLessThan(15_000_000);
  rest.release();
  await expect(page.getByTestId('body-arriving')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('size')).toHaveText('7.6 MB');
  // Scaled now (the last line is past 750,000), and still on the line it showed.
  expect(await view.evaluate((element) => element.scrollHeight)).toBe(15_000_000);
  expect(await topLine(page)).toBe(1001);
  // Scrolling on from there works as before.
  await view.press('PageDown');
  await expect.poll(() => topLine(page)).toBeGreaterThan(1001);
});

test('a JSON body that breaks at byte N says so while the rest is still arriving, showing what came before', async ({ app, server }) => {
  const { page } = app;
  // The server holds the rest until the test ends: the error is shown while the body is still arriving.
  await sendTo(page, `${server.url}/stall?bytes=600000&before=300000&until=rest&broken=200000`);
  await expect(page.getByTestId('parse-error')).toContainText(/Expected .* but found 'x' at line 1, column 200\d{3}/);
  await expect(page.getByTestId('body-arriving')).toBeVisible();
  // The Raw view opens at the broken line (the body is one line, in rows of 1,000 bytes), with what came before it.
  await expect.poll(() => displayedBody(page)).toContain('"name":"item-');
  await expect(page.getByTestId('view-pretty')).toBeDisabled();
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('body-incomplete')).toBeVisible();
  await expect(page.getByTestId('parse-error')).toBeVisible();
});

test('a body that arrives after a stall becomes whole, the lines on screen staying where they were: its size, folding and the Tree view', async ({ app, server }) => {
  const { page } = app;
  // Half the body, then the server holds the rest until the test has seen it arriving.
  const rest = server.hold('rest');
  await sendTo(page, `${server.url}/stall?bytes=600000&before=300000&until=rest&length=1`);
  await expect.poll(() => displayedBody(page)).toContain('"items": [');
  const firstLineTop = () => page.getByTestId('response-body').getByTestId('line').first().evaluate((row) => row.getBoundingClientRect().top);
  await expect(page.getByTestId('progress')).toBeVisible();
  await expect(page.getByTestId('body-arriving')).toBeVisible();
  const topWhileArriving = await firstLineTop();
  rest.release();
  await expect(page.getByTestId('body-arriving')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('size')).toHaveText('586 KB');
  // The progress and the "still arriving" line went without moving the body: a reader does not lose their place.
  expect(await firstLineTop()).toBe(topWhileArriving);
  await expect(page.getByTestId('line-fold').first()).toBeVisible();
  await page.getByTestId('view-tree').click();
  await expect(page.getByTestId('tree-row').first()).toBeVisible();
});

test('shows bytes received during a slow download, and Cancel stops it', async ({ app, server }) => {
  const { page } = app;
  // Half of 13 MB, then the server holds the rest until the test ends: Cancel comes while it downloads.
  await sendTo(page, `${server.url}/slow?chunks=200&until=rest`);
  const progress = page.getByTestId('progress');
  await expect(progress).toContainText(/^[\d.]+ (KB|MB) of 13 MB$/);
  await page.getByTestId('cancel').click();
  await expect(page.getByTestId('error')).toContainText('cancelled');
  await expect(progress).toHaveCount(0);
});

/** The number of the line at the top of the body view. */
const topLine = (page: Page) =>
  page.getByTestId('response-body').evaluate((view) => {
    const edge = view.getBoundingClientRect().top;
    const rows = [...view.querySelectorAll('[data-testid="line"]')]
      .map((row) => ({ top: row.getBoundingClientRect().top, line: Number(row.querySelector('.line-number')!.textContent) }))
      .filter((row) => row.top >= edge - 1)
      .sort((a, b) => a.top - b.top);
    return rows[0]?.line ?? 0;
  });
