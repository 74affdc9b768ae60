// A loopback request through a local HTTP CONNECT proxy (the `proxy` package, in a process of its own): Keypost's send
// path through the Manual proxy beside curl -x --proxytunnel through the same proxy to the same server, median per
// request. Both tunnel (CONNECT), as Keypost always does. Warm: one connection through the proxy reused (Keypost's
// pool; curl given the URL N times in one process). Fresh: a new CONNECT tunnel each time (Keypost's pools closed;
// one curl process each, its own time_total). curl's process start-up is measured apart and never counted.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { closeProxyAgents } from '../../electron/core/network/proxyAgents';
import { channels } from '../../shared/api';
import { testCore } from '../fixtures/presetStore';
import { createProxyRouter } from '../../electron/core/network/proxyRoutes';
import { sendCall, sendJson } from '../fixtures/sendJson';
import { figure, median, ms, printTable } from './table';

const SENDS = Number(process.env.BENCH_SENDS ?? 200);
const CURL = '/usr/bin/curl';
const FROM_APP = 'app://keypost/index.html';

const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'proxyServers.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
const { proxy, target } = JSON.parse(await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve))) as { proxy: string; target: string };
const url = `${target}/echo`;
const body = '{"a":1}';

try {
  // The core's send as the page calls it (IPC entry, checks, builder, send, history), the Manual proxy set in Settings.
  const keychainService = `Keypost-bench-proxy-${process.pid}`;
  const { dispatch, flushed } = testCore({ keychainService });
  const updated = await dispatch(channels.updateSettings, [{ proxy: { mode: 'manual', url: proxy, bypass: '' } }], FROM_APP);
  if (!updated.ok) throw new Error(updated.error.message);
  let sent = 0;
  const keypost = async () => {
    const result = await dispatch(channels.send, [sendCall({ requestId: `bench-${sent++}`, url, credential: null, body, timeoutMs: 10_000 })], FROM_APP);
    if (!result.ok) throw new Error(result.error.message);
    if ((result.value as { proxy?: string }).proxy === undefined) throw new Error('The send did not go through the proxy.');
  };
  // The send module alone (checks, builder, send through the proxy's pool), without the core's IPC entry and history.
  const routeFor = createProxyRouter({ setting: () => ({ mode: 'manual', url: proxy, bypass: '' }), env: {} });
  const module = async () => {
    const result = await sendJson({ url, body, routeFor, timeoutMs: 10_000 });
    if (!result.ok || !result.value.proxy) throw new Error('The send did not go through the proxy.');
  };
  const timed = async (run: () => Promise<void>) => {
    const started = performance.now();
    await run();
    return performance.now() - started;
  };
  for (let i = 0; i < 100; i++) {
    await keypost();
    await module();
  }
  await flushed();
  const warm: number[] = [];
  const moduleWarm: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < SENDS; i++) {
    warm.push(await timed(keypost));
    await flushed();
    moduleWarm.push(await timed(module));
    if (i % 2 === 0) {
      await closeProxyAgents();
      fresh.push(await timed(keypost));
      await flushed();
    }
  }
  await closeProxyAgents();

  // The same bytes as Keypost's request (its derived headers, shared/requestHeaders.ts).
  const curlArgs = ['-s', '-x', proxy, '--proxytunnel', '-X', 'POST', '-H', 'Content-Type: application/json', '-H', 'Accept: application/json', '-H', 'Accept-Encoding: gzip, deflate, br', '--data-binary', body];
  const curlWarm: number[] = [];
  const curlFresh: number[] = [];
  const curlStart: number[] = [];
  if (existsSync(CURL)) {
    // N transfers in one process: each line is one transfer's time_total, on the connection reused through the tunnel.
    const many = spawnSync(CURL, [...curlArgs, '-w', '%{time_total}\\n', ...Array.from({ length: SENDS }, () => ['-o', '/dev/null', url]).flat()], { encoding: 'utf8' });
    // The first transfer opens the tunnel; the rest reuse it, as Keypost's warm sends do.
    curlWarm.push(...many.stdout.trim().split('\n').slice(1).map((seconds) => Number(seconds) * 1000));
    for (let i = 0; i < SENDS / 2; i++) {
      const started = performance.now();
      const one = spawnSync(CURL, [...curlArgs, '-w', '%{time_total}', '-o', '/dev/null', url], { encoding: 'utf8' });
      const wall = performance.now() - started;
      curlFresh.push(Number(one.stdout) * 1000);
      curlStart.push(wall - Number(one.stdout) * 1000);
    }
  }
  const row = (what: string, name: string, times: number[]) => ({ what, 'median per request': times.length ? ms(figure(`proxy.${name}.medianMs`, median(times))) : 'not run (no curl)', n: times.length });
  printTable(`A 7-byte JSON POST to a loopback server through a local HTTP CONNECT proxy, median per request (${SENDS} warm, ${fresh.length} fresh)`, [
    row('Keypost, the core’s send through the Manual proxy, connection through the tunnel reused (IPC entry, checks, builder, send, history entry)', 'keypostWarm', warm),
    row('Keypost’s send module alone through the same proxy pool (checks, builder, send; no IPC entry, no history)', 'moduleWarm', moduleWarm),
    row('curl -x --proxytunnel, the URL given N times in one process (connection reused): each transfer’s time_total', 'curlWarm', curlWarm),
    row('Keypost, a new tunnel each time (its proxy pools closed before the send: CONNECT, then the request)', 'keypostFresh', fresh),
    row('curl -x --proxytunnel, one process per request: its time_total (connect to the proxy, CONNECT, request), start-up not counted', 'curlFresh', curlFresh),
    row('curl’s process start-up and exit, apart (wall time minus time_total): what a script calling curl per request pays on top', 'curlStartup', curlStart),
  ]);
  const { forgetKeychain } = await import('../fixtures/keychain');
  await forgetKeychain(keychainService);
} finally {
  child.stdin!.end();
  child.kill();
}
process.exit(0);
