// A credential goes only where it belongs: sent once to server A, a request pointed at server B stops before any byte
// and main asks (its own dialog: here the stand-in a spec stages answers for); the credential manager lists the origins.
import { startTestServer } from '../fixtures/testServer';
import { originQuestionsFor, stageOriginAnswers } from './harness';
import { expect, fillRequest, test } from './fixtures';

const TOKEN = 'kp-e2e-origin-bound-7c41';

test('a credential sent to A asks before B, sends B nothing when cancelled, and only then when allowed always', async ({ app, server }) => {
  const { page, userDataDir } = app;
  const other = await startTestServer();
  const [a, b] = [new URL(server.url).origin, new URL(other.url).origin];
  try {
    // The first send binds the credential to A without asking.
    await fillRequest(page, { url: `${server.url}/echo`, token: TOKEN, body: '{}' });
    await page.getByTestId('send').click();
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    expect(await originQuestionsFor(userDataDir)).toEqual([]);

    // Pointed at B: main asks, and with nothing staged the answer is cancel. B gets nothing; the tab keeps its request.
    await fillRequest(page, { url: `${other.url}/echo?to=b` });
    await page.getByTestId('send').click();
    await expect(page.getByTestId('error')).toContainText(`Not sent: the credential “default” is allowed for ${a} only; you cancelled sending it to ${b}.`);
    expect(await originQuestionsFor(userDataDir)).toEqual([{ credential: 'default', origin: b, allowed: [a], purpose: 'send' }]);
    expect(other.received).toHaveLength(0);
    await expect(page.getByTestId('url')).toHaveValue(`${other.url}/echo?to=b`);
    await expect(page.getByTestId('send')).toBeEnabled();

    // Allowed always: B gets the token, and the origin stays allowed.
    await stageOriginAnswers(userDataDir, 'always');
    await page.getByTestId('send').click();
    await expect.poll(() => other.received.length).toBe(1);
    await expect(page.getByTestId('status')).toHaveText('200 OK');
    expect(other.received[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(await originQuestionsFor(userDataDir)).toHaveLength(2);

    // The credential manager lists both origins, and one can be removed: B then asks again.
    await page.getByTestId('credential-manage').click();
    const row = page.locator('[data-testid="credential-row"][data-name="default"]');
    await expect(row.getByTestId('credential-origin')).toHaveText([a, b].map((origin) => new RegExp(origin.replace(/[.]/g, '\\.'))));
    await row.locator(`[data-testid="credential-origin"][data-origin="${b}"]`).getByTestId('credential-origin-remove').click();
    await expect(row.getByTestId('credential-origin')).toHaveCount(1);
    await expect(row.getByTestId('credential-origin')).toHaveAttribute('data-origin', a);
    await page.getByTestId('credential-close').click();
    const received = other.received.length;
    await page.getByTestId('send').click();
    await expect(page.getByTestId('error')).toContainText(`you cancelled sending it to ${b}`);
    expect(other.received).toHaveLength(received);
    expect(await originQuestionsFor(userDataDir)).toHaveLength(3);
  } finally {
    await other.close();
  }
});

test('the credential manager adds an origin only once main has asked, and explains one that is not an origin', async ({ app, server }) => {
  const { page, userDataDir } = app;
  await fillRequest(page, { url: `${server.url}/echo`, token: TOKEN, body: '{}' });
  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('200 OK');

  await page.getByTestId('credential-manage').click();
  const row = page.locator('[data-testid="credential-row"][data-name="default"]');
  const input = row.getByTestId('credential-origin-input');
  await input.fill('https://api.example.com/v1');
  await row.getByTestId('credential-origin-add').click();
  await expect(page.getByTestId('credential-error')).toContainText('An origin is only scheme://host:port');
  expect(await originQuestionsFor(userDataDir)).toEqual([]);

  // Cancelled in main's dialog: not added.
  await input.fill('HTTPS://API.example.com:443/');
  await row.getByTestId('credential-origin-add').click();
  await expect(page.getByTestId('credential-error')).toContainText('https://api.example.com was not added');
  expect(await originQuestionsFor(userDataDir)).toEqual([{ credential: 'default', origin: 'https://api.example.com', allowed: [new URL(server.url).origin], purpose: 'add' }]);
  await expect(row.getByTestId('credential-origin')).toHaveCount(1);

  await stageOriginAnswers(userDataDir, 'always');
  await row.getByTestId('credential-origin-add').click();
  await expect(row.getByTestId('credential-origin')).toHaveCount(2);
  await expect(row.getByTestId('credential-origin').nth(1)).toHaveAttribute('data-origin', 'https://api.example.com');
  await expect(input).toHaveValue('');
});
