// Assertions and captures in the app: typed under Checks, each result shown beside the response in words, and a
// captured value sent by the next request as {{name}} (the page does not flag it undefined).
import { expect, fillRequest, test } from './fixtures';

const TOKEN = 'kp-e2e-checks-71c2';

test('an assertion that fails shows beside the response with what came instead, one that passes shows ✓, and a capture feeds the next request', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/login`, token: TOKEN, body: '{"user":"ada"}' });
  await page.getByTestId('request-section-checks').click();

  // A new assertion is "status equals 200"; the log-in answers 201.
  await page.getByTestId('add-assertion').click();
  await page.getByTestId('add-assertion').click();
  const second = page.getByTestId('assertion-row').nth(1);
  await second.getByTestId('assertion-kind').selectOption('json');
  await second.getByTestId('assertion-subject').fill('$.name');
  await second.getByTestId('assertion-operator').selectOption('equals');
  await second.getByTestId('assertion-expected').fill('"Ada"');
  await page.getByTestId('add-capture').click();
  await page.getByTestId('capture-variable').fill('userId');
  await page.getByTestId('capture-from').fill('$.id');
  await expect(page.getByTestId('request-section-checks')).toContainText('3');

  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('201 Created');
  const results = page.getByTestId('check-results');
  await expect(results.getByTestId('assertion-result')).toHaveText(['✗ status is 200 — got 201 Created', '✓ $.name equals "Ada"']);
  await expect(results.getByTestId('check-summary')).toHaveText('1 of 2 assertions passed, 1 failed');
  await expect(results.getByTestId('capture-result')).toHaveText('Captured {{userId}} = user-42');

  // Allowing 201 as well: the same send now passes.
  await page.getByTestId('assertion-row').first().getByTestId('assertion-expected').fill('200, 201');
  await page.getByTestId('send').click();
  await expect(results.getByTestId('assertion-result')).toHaveText(['✓ status is one of 200, 201', '✓ $.name equals "Ada"']);
  await expect(results).toHaveAttribute('data-verdict', 'passed');

  // The next request uses what was captured.
  await page.keyboard.press('ControlOrMeta+T');
  await fillRequest(page, { url: `${server.url}/echo?user={{userId}}` });
  await page.getByTestId('send').click();
  await expect(page.getByTestId('status')).toHaveText('200 OK');
  expect(server.received.at(-1)!.url).toBe('/echo?user=user-42');
});

test('a JSONPath that does not read is named under Checks and refused at Send, nothing sent', async ({ app, server }) => {
  const { page } = app;
  await fillRequest(page, { url: `${server.url}/echo`, token: TOKEN });
  await page.getByTestId('request-section-checks').click();
  await page.getByTestId('add-assertion').click();
  await page.getByTestId('assertion-kind').selectOption('json');
  await page.getByTestId('assertion-subject').fill('$.items[');
  await expect(page.getByTestId('checks-problem')).toContainText('Assertion 1 ($.items[ exists): That is not a JSONPath (RFC 9535)');
  await page.getByTestId('send').click();
  await expect(page.getByTestId('error')).toContainText('Assertion 1 ($.items[ exists)');
  expect(server.received).toHaveLength(0);
});
