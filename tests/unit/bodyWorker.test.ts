// The body worker's message loop, in a worker thread fed through a real message port (tests/fixtures/bodyWorkerThread.ts).
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { BodyRequest } from '../../renderer/response/json/bodyProtocol';
import { itemsJson } from '../fixtures/testServer';

const threads: Worker[] = [];
afterEach(async () => {
  await Promise.all(threads.splice(0).map((thread) => thread.terminate()));
});

/** The worker, and every reply in the order it came: [id, op, reply]. */
function startWorker() {
  const thread = new Worker(new URL('../fixtures/bodyWorkerThread.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  threads.push(thread);
  const ops = new Map<number, string>();
  const replies: Array<{ id: number; op: string; reply: { ok: boolean; total?: number; invalid?: unknown } }> = [];
  const waiting = new Map<number, (reply: unknown) => void>();
  thread.on('message', ({ id, reply }: { id: number; reply: { ok: boolean } }) => {
    replies.push({ id, op: ops.get(id)!, reply });
    waiting.get(id)?.(reply);
  });
  let nextId = 0;
  const post = (request: BodyRequest) => {
    const id = nextId++;
    ops.set(id, request.op);
    const answered = new Promise((resolve) => waiting.set(id, resolve));
    thread.postMessage({ id, request });
    return answered as Promise<{ ok: boolean; total?: number; rows?: Array<{ text: string }> }>;
  };
  return { post, replies };
}

describe('the body worker', () => {
  it('answers the rows on screen between two parts, not after every part sent before them', async () => {
    const body = new TextEncoder().encode(itemsJson(8_000_000));
    const { post, replies } = startWorker();
    await post({ op: 'begin', json: true });
    // The page sends parts as fast as they arrive, then asks for the first screen.
    const PART = 1024 * 1024;
    const appended: Array<Promise<unknown>> = [];
    for (let at = 0; at < body.length; at += PART) appended.push(post({ op: 'append', bytes: body.slice(at, at + PART) }));
    const rows = await post({ op: 'rows', view: 'pretty', start: 0, count: 40 });
    await Promise.all(appended);

    expect(rows.ok).toBe(true);
    const order = replies.map(({ op }) => op);
    // The rows came while parts were still waiting to be indexed…
    expect(order.indexOf('rows')).toBeLessThan(order.lastIndexOf('append'));
    // …and every part was indexed, in order: the body is whole.
    expect(order.filter((op) => op === 'append')).toHaveLength(appended.length);
    await post({ op: 'finish', complete: true });
    const whole = await post({ op: 'rows', view: 'pretty', start: 0, count: 3 });
    expect(whole.rows!.map((row) => row.text.trim())).toEqual(['{', '"items": [', '{']);
  });

  it('gives any other request every part sent before it (find sees the whole body sent so far)', async () => {
    const body = new TextEncoder().encode(itemsJson(4_000_000));
    const { post, replies } = startWorker();
    await post({ op: 'begin', json: true });
    const PART = 512 * 1024;
    for (let at = 0; at < body.length; at += PART) void post({ op: 'append', bytes: body.slice(at, at + PART) });
    const found = (await post({ op: 'find', view: 'pretty', query: 'needle-', matchCase: false })) as { ok: boolean; lines?: number[] };

    expect(found.lines).toHaveLength(1);
    const order = replies.map(({ op }) => op);
    expect(order.indexOf('find')).toBeGreaterThan(order.lastIndexOf('append'));
  });

  it('finds in each view the text it shows: Pretty and the filter as their lines, Raw as the bytes sent', async () => {
    const { post } = startWorker();
    await post({ op: 'begin', json: true });
    await post({ op: 'append', bytes: new TextEncoder().encode('{"a":1,"b":[{"a":1}]}') });
    await post({ op: 'finish', complete: true });
    const lines = async (view: 'pretty' | 'raw' | 'filtered', query: string) =>
      ((await post({ op: 'find', view, query, matchCase: false })) as { lines?: number[] }).lines;

    expect(await lines('pretty', '"a": 1')).toEqual([1, 4]);
    expect(await lines('pretty', '"a":1')).toEqual([]);
    expect(await lines('raw', '"a":1')).toEqual([0, 0]);
    expect(await lines('raw', '"a": 1')).toEqual([]);
    await post({ op: 'filter', path: '$.b[*]' });
    expect(await lines('filtered', '"a": 1')).toEqual([2]);
  });
});
