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
      const body = cache.get(bytes)!;
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
      // dripMs: the body in 100 even slices over that time (a slow server), else all at once.
      const dripMs = Number(searchParams.get('dripMs') ?? 0);
      if (!dripMs) return response.end(body);
      let slice = 0;
      const timer = setInterval(() => {
        const end = Math.ceil((body.length * ++slice) / 100);
        response.write(body.subarray(Math.ceil((body.length * (slice - 1)) / 100), end));
        if (slice === 100) {
          clearInterval(timer);
          response.end();
        }
      }, dripMs / 100);
      response.on('close', () => clearInterval(timer));
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{"ok":true,"echo":"a small JSON answer"}');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
