// `keypost run` beside newman and bru (@usebruno/cli): the same 1,000 GET requests to the same local server, each
// runner a subprocess on the same Node, timed the same way (wall time from spawn to exit), rounds interleaved so each
// tool meets the same machine. Target: keypost run the fastest of the three.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { requestFileText } from '../../electron/core/collections/requestFile';
import type { RequestDocument } from '../../shared/request';
import { figure, median, ms, printTable, verdict } from './table';

const REQUESTS = 1_000;
const ROUNDS = 3;
const root = path.resolve(import.meta.dirname, '../..');

let received = 0;
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    received++;
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{"ok":true,"items":[1,2,3]}');
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const work = mkdtempSync(path.join(tmpdir(), 'keypost-run-bench-'));
const numbered = (n: number) => String(n).padStart(4, '0');
const urlOf = (n: number) => `${base}/items/${n}`;

// Keypost: a collection folder of request files.
const keypostDir = path.join(work, 'keypost');
mkdirSync(keypostDir);
for (let n = 1; n <= REQUESTS; n++) {
  const request: RequestDocument = { method: 'GET', url: urlOf(n), query: [], headers: [], body: { kind: 'none' }, auth: { kind: 'none' }, options: {} };
  writeFileSync(path.join(keypostDir, `${numbered(n)}.request.yaml`), requestFileText({ id: null, name: `Item ${numbered(n)}`, request }));
}

// Postman collection v2.1, as newman reads it.
const postmanFile = path.join(work, 'bench.postman_collection.json');
writeFileSync(
  postmanFile,
  JSON.stringify({
    info: { name: 'bench', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: Array.from({ length: REQUESTS }, (_, i) => ({ name: `Item ${numbered(i + 1)}`, request: { method: 'GET', url: urlOf(i + 1) } })),
  }),
);

// Bruno: a collection folder (bruno.json) of .bru files.
const brunoDir = path.join(work, 'bruno');
mkdirSync(brunoDir);
writeFileSync(path.join(brunoDir, 'bruno.json'), JSON.stringify({ version: '1', name: 'bench', type: 'collection' }));
for (let n = 1; n <= REQUESTS; n++) {
  writeFileSync(path.join(brunoDir, `Item ${numbered(n)}.bru`), `meta {\n  name: Item ${numbered(n)}\n  type: http\n  seq: ${n}\n}\n\nget {\n  url: ${urlOf(n)}\n  body: none\n  auth: none\n}\n`);
}

/** Each runner as its own bin script under this Node (process.execPath), so the runtime is the same for all three. */
const runners = [
  { tool: 'keypost run', args: [path.join(root, 'bin/keypost.mjs'), 'run', keypostDir], cwd: root },
  { tool: 'newman', args: [path.join(root, 'node_modules/newman/bin/newman.js'), 'run', postmanFile, '--reporters', 'cli'], cwd: root },
  { tool: 'bru', args: [path.join(root, 'node_modules/@usebruno/cli/bin/bru.js'), 'run'], cwd: brunoDir },
];

/** Wall time from spawn to exit; the output is read (as a terminal or CI log would be) and dropped. */
function timed(args: string[], cwd: string): Promise<{ ms: number; code: number | null; stderr: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
  let stderr = '';
  child.stdout.resume();
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, stderr }));
  });
}

const times = new Map<string, number[]>(runners.map(({ tool }) => [tool, []]));
const sent = new Map<string, number[]>(runners.map(({ tool }) => [tool, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const { tool, args, cwd } of runners) {
    received = 0;
    const run = await timed(args, cwd);
    if (run.code !== 0) throw new Error(`${tool} exited ${run.code} in round ${round}: ${run.stderr.slice(0, 500)}`);
    times.get(tool)!.push(run.ms);
    sent.get(tool)!.push(received);
  }
}
server.close();
rmSync(work, { recursive: true, force: true });

const medians = new Map(runners.map(({ tool }) => [tool, median(times.get(tool)!)]));
const fastestOther = Math.min(...runners.filter(({ tool }) => tool !== 'keypost run').map(({ tool }) => medians.get(tool)!));
const rows = runners.map(({ tool }) => {
  const wall = medians.get(tool)!;
  const key = tool.replace(/\s+/g, '_');
  figure(`run.${key}.wall_ms`, wall);
  figure(`run.${key}.requests_per_s`, REQUESTS / (wall / 1000));
  return {
    runner: tool,
    [`wall time (median of ${ROUNDS})`]: ms(wall),
    'requests/s': Math.round(REQUESTS / (wall / 1000)),
    rounds: times.get(tool)!.map((value) => Math.round(value)).join(', '),
    'requests received': sent.get(tool)!.join(', '),
    target: tool === 'keypost run' ? verdict('keypost run the fastest', { 'faster than newman and bru': wall < fastestOther, 'every request sent': sent.get(tool)!.every((count) => count === REQUESTS) }) : '',
  };
});
printTable(`keypost run, newman and bru: ${REQUESTS.toLocaleString('en')} GET requests to a local server, wall time from spawn to exit (target: keypost run the fastest)`, rows);
