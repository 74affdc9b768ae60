// Request history on disk: appended line by line beside the presets (never rewriting them), capped, surviving damaged
// lines, and never holding a secret, with sends going through the real dispatch, keychain and local server.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLACE } from '../../shared/collections';
import type { Result } from '../../shared/errors';
import type { HistoryEntry, HistoryList } from '../../shared/history';
import type { SendResult } from '../../shared/http';
import { blankRequest, type RequestDocument } from '../../shared/request';
import { createHistoryFile, HISTORY_FILE_NAME, type HistoryLimits } from '../../electron/core/history/historyFile';
import { activeTab, editDraft, initialWorkspace, isDirty, openDraft } from '../../renderer/workspace/workspace';
import { collectionDir, testCore } from '../fixtures/presetStore';
import { jsonDocument } from '../fixtures/sendJson';
import { closedPortUrl, startTestServer, type TestServer } from '../fixtures/testServer';
import { forgetKeychain } from '../fixtures/keychain';

const service = `Keypost-unit-history-${process.pid}`;
const ROOMY: HistoryLimits = { maxEntries: 500, maxBytes: 20 * 1024 * 1024 };
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await forgetKeychain(service);
});

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'keypost-history-test-'));
const historyPath = (dir: string) => path.join(dir, HISTORY_FILE_NAME);
const fileLines = (dir: string) => readFileSync(historyPath(dir), 'utf8').split('\n').filter(Boolean);

let counter = 0;
function entry(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  const n = ++counter;
  return {
    id: `entry-${n}`,
    at: 1_700_000_000_000 + n,
    method: 'GET',
    url: `https://api.example/items/${n}`,
    status: 200,
    error: null,
    durationMs: 12,
    sizeBytes: 34,
    request: { ...blankRequest(), method: 'GET', url: `https://api.example/items/${n}`, body: { kind: 'none' } },
    ...overrides,
  };
}

async function reloaded(dir: string, limits: HistoryLimits = ROOMY): Promise<HistoryList> {
  return createHistoryFile(dir).list('', limits);
}

describe('the history file', () => {
  it('appends one line per send, and a restart lists them newest first with their requests', async () => {
    const dir = tempDir();
    const history = createHistoryFile(dir);
    const [a, b, c] = [entry(), entry({ method: 'POST', status: 201 }), entry({ status: null, error: { code: 'TIMEOUT', message: 'No answer.' }, sizeBytes: null })];
    for (const each of [a!, b!, c!]) await history.record(each, ROOMY);
    await history.flushed();
    expect(fileLines(dir)).toHaveLength(3);

    const again = createHistoryFile(dir);
    const list = await again.list('', ROOMY);
    expect(list.entries.map((summary) => summary.id)).toEqual([c!.id, b!.id, a!.id]);
    expect(list.notice).toBeNull();
    expect(list.entries[0]).not.toHaveProperty('request');
    expect(await again.get(b!.id)).toEqual(b);
  });

  it('has an entry recorded after the answer (recordSoon) on disk once flushed() resolves, as quitting waits for it', async () => {
    const dir = tempDir();
    const history = createHistoryFile(dir);
    await history.flushed(); // loaded: what follows waits only for the entry itself
    const later = entry();
    history.recordSoon(() => later, () => ROOMY);
    await history.flushed();
    expect(fileLines(dir).map((line) => JSON.parse(line).id)).toEqual([later.id]);
  });

  it('filters by method, URL, status or error code, in any case', async () => {
    const history = createHistoryFile(tempDir());
    const get = entry({ url: 'https://api.example/Orders' });
    const post = entry({ method: 'POST', status: 404 });
    const failed = entry({ status: null, error: { code: 'DNS_FAILURE', message: 'No such host.' } });
    for (const each of [get, post, failed]) await history.record(each, ROOMY);
    const ids = async (filter: string) => (await history.list(filter, ROOMY)).entries.map((summary) => summary.id);
    expect(await ids('orders')).toEqual([get.id]);
    expect(await ids('post')).toEqual([post.id]);
    expect(await ids('404')).toEqual([post.id]);
    expect(await ids('dns')).toEqual([failed.id]);
    expect(await ids('')).toEqual([failed.id, post.id, get.id]);
    expect((await history.list('orders', ROOMY)).total).toBe(3);
  });

  it('skips damaged lines in the middle, keeps them aside, and loads the rest', async () => {
    const dir = tempDir();
    const [first, last] = [entry(), entry()];
    const truncated = JSON.stringify(entry()).slice(0, 40);
    const notAnEntry = JSON.stringify({ ...entry(), status: 'two hundred' });
    writeFileSync(historyPath(dir), [JSON.stringify(first), truncated, '\u0000garbage}{', notAnEntry, JSON.stringify(last), ''].join('\n'));

    const history = createHistoryFile(dir);
    const list = await history.list('', ROOMY);
    expect(list.entries.map((summary) => summary.id)).toEqual([last!.id, first!.id]);
    expect(list.notice).toMatch(/^3 damaged lines of the history could not be read and were skipped; the rest loaded\. They are kept in .*keypost-history\.damaged-.*\.jsonl\.$/);
    const aside = readdirSync(dir).find((name) => name.startsWith('keypost-history.damaged-'))!;
    expect(readFileSync(path.join(dir, aside), 'utf8')).toBe([truncated, '\u0000garbage}{', notAnEntry, ''].join('\n'));

    // The history is rewritten without them, so the next start is clean.
    await history.flushed();
    expect(fileLines(dir)).toEqual([JSON.stringify(first), JSON.stringify(last)]);
    expect((await reloaded(dir)).notice).toBeNull();
  });

  it('keeps the next send when the last line was cut short by a crash', async () => {
    const dir = tempDir();
    const kept = entry();
    writeFileSync(historyPath(dir), `${JSON.stringify(kept)}\n${JSON.stringify(entry()).slice(0, 50)}`);
    const history = createHistoryFile(dir);
    const next = entry();
    await history.record(next, ROOMY);
    await history.flushed();
    expect((await reloaded(dir)).entries.map((summary) => summary.id)).toEqual([next.id, kept.id]);
  });

  it('deletes one entry with a tombstone line, and clears by truncating', async () => {
    const dir = tempDir();
    const history = createHistoryFile(dir);
    const [a, b, c] = [entry(), entry(), entry()];
    for (const each of [a, b, c]) await history.record(each, ROOMY);
    expect(await history.remove(b.id)).toBe(true);
    expect(await history.remove('no-such-entry')).toBe(false);
    expect(fileLines(dir)).toEqual([a, b, c].map((each) => JSON.stringify(each)).concat(JSON.stringify({ deleted: b.id })));
    expect((await reloaded(dir)).entries.map((summary) => summary.id)).toEqual([c.id, a.id]);
    expect(await createHistoryFile(dir).get(b.id)).toBeUndefined();

    await history.clear();
    expect(statSync(historyPath(dir)).size).toBe(0);
    expect((await history.list('', ROOMY)).total).toBe(0);
    expect((await reloaded(dir)).total).toBe(0);
  });

  it('keeps the newest entries past the count cap, and compacts the file', async () => {
    const dir = tempDir();
    const history = createHistoryFile(dir);
    const limits = { maxEntries: 10, maxBytes: ROOMY.maxBytes };
    const recorded = Array.from({ length: 30 }, () => entry());
    for (const each of recorded) await history.record(each, limits);
    await history.flushed();
    const newest = recorded.slice(-10).reverse().map((each) => each.id);
    expect((await history.list('', limits)).entries.map((summary) => summary.id)).toEqual(newest);
    // Compacted when it passed the cap by a quarter: never more than 12 lines, and none older than the 13 newest.
    expect(fileLines(dir).length).toBeLessThanOrEqual(12);
    expect(fileLines(dir).map((line) => (JSON.parse(line) as HistoryEntry).id)).not.toContain(recorded[16]!.id);
    expect((await reloaded(dir, limits)).entries.map((summary) => summary.id)).toEqual(newest);
  });

  it('keeps the newest entries past the size cap, and compacts the file', async () => {
    const dir = tempDir();
    const history = createHistoryFile(dir);
    const bulky = () => entry({ request: { ...blankRequest(), body: { kind: 'text', text: 'x'.repeat(1_000) } } });
    const oneLine = Buffer.byteLength(JSON.stringify(bulky())) + 1;
    const limits = { maxEntries: 500, maxBytes: oneLine * 5 + 10 };
    const recorded = Array.from({ length: 40 }, bulky);
    for (const each of recorded) await history.record(each, limits);
    await history.flushed();
    const newest = recorded.slice(-5).reverse().map((each) => each.id);
    expect((await history.list('', limits)).entries.map((summary) => summary.id)).toEqual(newest);
    expect(statSync(historyPath(dir)).size).toBeLessThanOrEqual(limits.maxBytes * 1.25);
    expect((await reloaded(dir, limits)).entries.map((summary) => summary.id)).toEqual(newest);
    // Lowering a cap applies at once.
    expect((await history.list('', { ...limits, maxEntries: 2 })).entries.map((summary) => summary.id)).toEqual(newest.slice(0, 2));
  });

  it('records an entry that alone passes the size cap without its body', async () => {
    const history = createHistoryFile(tempDir());
    const huge = entry({ request: { ...blankRequest(), body: { kind: 'json', text: `"${'y'.repeat(3_000)}"` } } });
    await history.record(huge, { maxEntries: 10, maxBytes: 2_000 });
    const kept = await history.get(huge.id);
    expect(kept).toMatchObject({ bodyOmitted: true, request: { body: { kind: 'none' }, url: huge.request.url } });
  });

  it('lands every one of many concurrent appends', async () => {
    const dir = tempDir();
    const history = createHistoryFile(dir);
    const recorded = Array.from({ length: 100 }, () => entry());
    await Promise.all(recorded.map((each) => history.record(each, ROOMY)));
    await history.flushed();
    expect(fileLines(dir)).toHaveLength(100);
    const list = await reloaded(dir);
    expect(new Set(list.entries.map((summary) => summary.id))).toEqual(new Set(recorded.map((each) => each.id)));
  });

  it('keeps sends in memory, and never writes, when the file is there but cannot be read', async () => {
    const dir = tempDir();
    mkdirSync(historyPath(dir));
    const history = createHistoryFile(dir);
    const kept = entry();
    await history.record(kept, ROOMY);
    await history.flushed();
    const list = await history.list('', ROOMY);
    expect(list.entries.map((summary) => summary.id)).toEqual([kept.id]);
    expect(list.notice).toMatch(/^Keypost could not read its history .*new sends are kept only until Keypost closes\.$/);
    expect(readdirSync(historyPath(dir))).toEqual([]);
  });

  it('reports a failed write in its notice, and writes everything again once it can', async () => {
    const dir = tempDir();
    const history = createHistoryFile(dir);
    await history.list('', ROOMY);
    // A folder where the file should be: appending fails.
    mkdirSync(historyPath(dir));
    const lost = entry();
    await history.record(lost, ROOMY);
    await history.flushed();
    const failing = await history.list('', ROOMY);
    expect(failing.entries.map((summary) => summary.id)).toEqual([lost.id]);
    expect(failing.notice).toMatch(/^Keypost could not write its history \(.*keypost-history\.jsonl\): .*Sends are not affected/);

    rmdirSync(historyPath(dir));
    const next = entry();
    await history.record(next, ROOMY);
    await history.flushed();
    expect((await history.list('', ROOMY)).notice).toBeNull();
    expect((await reloaded(dir)).entries.map((summary) => summary.id)).toEqual([next.id, lost.id]);
  });
});

describe('recording sends', () => {
  const BEARER = 'kp-history-bearer-9f8e7d6c5b4a39281706';
  const API_KEY = 'kp-history-apikey-1a2b3c4d5e6f7a8b9c0d';
  const HEADER_SECRET = 'sk-live-4eC39HqLyjWDarjtT1zdp7dcAbCdEf';
  const QUERY_SECRET = 'QUERYsecret0123456789abcdefXYZ';

  function core(dir: string) {
    // The user lets a credential go once wherever these sends point (where it may go is credentialOrigins.test.ts's).
    const { call, flushed } = testCore({ dir, keychainService: service, host: { confirmCredentialOrigin: async () => 'once' } });
    const send = (requestId: string, request: RequestDocument) => call<SendResult>('send', { requestId, request, timeoutMs: 5_000 });
    return { call, send, flushed };
  }
  const value = <T>(result: Result<T>): T => {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };

  it('never writes a token, an API key or a secret-looking row to the file', async () => {
    const dir = tempDir();
    const { call, send, flushed } = core(dir);
    value(await call('setToken', 'history bearer', BEARER));
    value(await call('setToken', 'history key', API_KEY));

    const withBearer = jsonDocument({
      url: `${server.url}/echo?access_token=${QUERY_SECRET}`,
      credential: 'history bearer',
      request: { headers: [{ name: 'X-API-Key', value: HEADER_SECRET, enabled: true }] },
    });
    const withKeyInQuery = jsonDocument({
      url: `${server.url}/echo?page=2`,
      method: 'GET',
      request: { auth: { kind: 'apiKey', credential: 'history key', in: 'query', name: 'api_key' }, body: { kind: 'none' } },
    });
    const unreachable = jsonDocument({
      url: `${await closedPortUrl()}/x`,
      credential: 'history bearer',
      request: { headers: [{ name: 'X-API-Key', value: HEADER_SECRET, enabled: true }] },
    });
    expect(value(await send('h-1', withBearer)).status).toBe(200);
    expect(value(await send('h-2', withKeyInQuery)).status).toBe(200);
    expect((await send('h-3', unreachable)).ok).toBe(false);
    // They did go out: the secrets reached the server.
    const sent = server.received.slice(-2);
    expect(sent[0]!.headers.authorization).toBe(`Bearer ${BEARER}`);
    expect(sent[0]!.headers['x-api-key']).toBe(HEADER_SECRET);
    expect(sent[1]!.url).toContain(`api_key=${API_KEY}`);

    // Each send's line is on disk once the core says its writes are done (the entries are made after the answers).
    await flushed();
    expect(fileLines(dir)).toHaveLength(3);
    const bytes = readFileSync(historyPath(dir), 'utf8');
    for (const secret of [BEARER, API_KEY, HEADER_SECRET, QUERY_SECRET]) expect(bytes).not.toContain(secret);

    const list = value(await call<HistoryList>('listHistory', ''));
    expect(list.entries.map((summary) => [summary.method, summary.status, summary.error?.code ?? null])).toEqual([
      ['POST', null, 'CONNECTION_REFUSED'],
      ['GET', 200, null],
      ['POST', 200, null],
    ]);
    expect(list.entries[1]!.url).toBe(`${server.url}/echo?page=2&api_key=[secret]`);
    expect(list.entries[2]!.url).toBe(`${server.url}/echo?access_token=[secret]`);
    // The request as sent, its credential named and the secret row kept with its value emptied.
    const reopened = value(await call<HistoryEntry>('getHistoryEntry', list.entries[2]!.id));
    expect(reopened.request.auth).toEqual({ kind: 'bearer', credential: 'history bearer' });
    expect(reopened.request.headers).toEqual([{ name: 'X-API-Key', value: '', enabled: true }]);
    expect(reopened.request.query).toEqual([{ name: 'access_token', value: '', enabled: true }]);
    expect(reopened.sizeBytes).toBeGreaterThan(0);
  });

  it('never rewrites a saved request’s file to record a send', async () => {
    const dir = tempDir();
    const { call, send, flushed } = core(dir);
    value(await call('createPreset', { name: 'Kept as it is', request: jsonDocument({ url: `${server.url}/echo`, credential: null }) }, DEFAULT_PLACE));
    const presets = path.join(collectionDir(dir), 'Kept as it is.request.yaml');
    const before = { bytes: readFileSync(presets), mtimeMs: statSync(presets).mtimeMs };
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (let n = 0; n < 5; n++) value(await send(`p-${n}`, jsonDocument({ url: `${server.url}/echo`, credential: null })));
    await flushed();
    expect(value(await call<HistoryList>('listHistory', '')).total).toBe(5);
    expect(readFileSync(presets)).toEqual(before.bytes);
    expect(statSync(presets).mtimeMs).toBe(before.mtimeMs);
  });

  it('does not record a cancelled send, and takes its caps from the settings', async () => {
    const dir = tempDir();
    const { call, send } = core(dir);
    // Cancelled once the server has it (it holds the answer): a send that went out, not one stopped before.
    const held = server.hold('history-cancel');
    const pending = send('c-1', jsonDocument({ url: `${server.url}/echo?hold=history-cancel`, credential: null }));
    await held.reached;
    value(await call('cancel', 'c-1'));
    // Then the server answers: a Cancel that did not stop the request would get (and record) this 200.
    held.release();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(value(await call<HistoryList>('listHistory', '')).total).toBe(0);

    value(await call('updateSettings', { historyMaxEntries: 10 }));
    for (let n = 0; n < 12; n++) value(await send(`s-${n}`, jsonDocument({ url: `${server.url}/echo?n=${n}`, credential: null })));
    const list = value(await call<HistoryList>('listHistory', ''));
    expect(list.total).toBe(10);
    expect(list.entries[0]!.url).toContain('n=11');
    expect(value(await call('deleteHistoryEntry', list.entries[0]!.id))).toBe(true);
    expect(value(await call<HistoryList>('listHistory', 'n=11')).entries).toEqual([]);
    value(await call('clearHistory'));
    expect(value(await call<HistoryList>('listHistory', '')).total).toBe(0);
  });

  it('refuses malformed history calls', async () => {
    const { call } = core(tempDir());
    expect((await call('listHistory', 'x'.repeat(501))).ok).toBe(false);
    expect((await call('getHistoryEntry', '')).ok).toBe(false);
    expect((await call('deleteHistoryEntry', 'x'.repeat(101))).ok).toBe(false);
    expect((await call('clearHistory', 'all')).ok).toBe(false);
    expect((await call('getHistoryEntry', 'no-such-entry')) as Result<unknown>).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('reopening an entry', () => {
  it('opens its request in a new tab, leaving the tab in use as it was', () => {
    const start = initialWorkspace('default');
    const before = editDraft(start, start.activeId, (draft) => ({ ...draft, url: 'https://typed.example/' }));
    const reopened = entry().request;
    const after = openDraft(before, reopened);
    expect(after.tabs).toHaveLength(2);
    expect(after.tabs[0]).toBe(before.tabs[0]);
    expect(activeTab(after).draft).toBe(reopened);
    expect(activeTab(after).preset).toBeNull();
    expect(isDirty(activeTab(after))).toBe(true);
  });
});
