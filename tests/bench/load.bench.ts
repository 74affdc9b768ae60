// Load on the main-process send module: 1,000 sequential and 50 concurrent sends to a local server.
// Reports time, sockets the server still sees open, and heap growth (after GC) across rounds.
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { closeAgents } from '../../electron/core/send/httpAgents';
import { Secret } from '../../electron/core/credentials/secret';
import { sendJson } from '../fixtures/sendJson';
import { figure, mb, ms, printTable, verdict } from './table';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const open = new Set<Socket>();
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{"ok":true}');
  });
});
server.on('connection', (socket: Socket) => {
  open.add(socket);
  socket.on('close', () => open.delete(socket));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
const token = new Secret('bench-token');
const send = async () => {
  const result = await sendJson({ url, body: '{"n":1}', token, timeoutMs: 10_000 });
  if (!result.ok) throw new Error(result.error.message);
};

const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

const rows = [];
const growths: number[] = [];
const baseline = heap();
for (let round = 1; round <= 3; round++) {
  let started = performance.now();
  for (let i = 0; i < 1000; i++) await send();
  const sequential = performance.now() - started;

  started = performance.now();
  for (let batch = 0; batch < 20; batch++) await Promise.all(Array.from({ length: 50 }, send));
  const concurrent = performance.now() - started;

  growths.push(heap() - baseline);
  rows.push({
    round,
    '1,000 sequential': ms(sequential),
    '20 × 50 concurrent': ms(concurrent),
    'sockets open (pooled)': open.size,
    'heap growth vs start': mb(growths.at(-1)!),
  });
}
await closeAgents();
await new Promise((resolve) => setTimeout(resolve, 100));
printTable('Load: send module (target: sockets bounded by the pool, released on close; heap flat across rounds)', rows);
// Bounded: the pool reuses its sockets, so the last round has no more open than the first (a leak adds some every
// round). Flat: the last round's heap holds at most 1 MB more than the first's.
const sockets = rows.map((row) => row['sockets open (pooled)']);
printTable('Load: targets', [
  {
    'sockets open, first and last round': `${figure('load.socketsFirstRound', sockets[0]!)}, ${figure('load.socketsLastRound', sockets.at(-1)!)}`,
    'sockets open after closing the pool': figure('load.socketsAfterClose', open.size),
    'heap growth, last round − first': mb(figure('load.heapGrowthLastMinusFirst', growths.at(-1)! - growths[0]!)),
    target: 'no more sockets in the last round; 0 after close; heap ≤ 1 MB more',
    met: verdict('load', { 'sockets bounded': sockets.at(-1)! <= sockets[0]!, '0 after close': open.size === 0, 'heap flat (≤ 1 MB)': growths.at(-1)! - growths[0]! <= 1024 * 1024 }),
  },
]);
server.close();
