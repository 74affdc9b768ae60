// The bench's HTTP server in a process of its own, so building 100 MB bodies never counts as Keypost's memory.
// Prints its URL on stdout, serves tests/fixtures/testServer.ts routes with each /items body built once and cached.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { itemsJson } from '../fixtures/testServer';

const cache = new Map<number, Buffer>();
const server = createServer((request, response) => {
  const { pathname, searchParams } = new URL(request.url ?? '/', 'http://127.0.0.1');
  request.resume();
  request.on('end', () => {
    if (pathname === '/items') {
      const bytes = Number(searchParams.get('bytes') ?? 1024);
      if (!cache.has(bytes)) cache.set(bytes, Buffer.from(itemsJson(bytes)));
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(cache.get(bytes)!.length) });
      response.end(cache.get(bytes));
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{"ok":true,"echo":"a small JSON answer"}');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
