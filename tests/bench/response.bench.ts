// Response benchmarks, measured in one run so the ratios are comparable on a noisy machine:
// 1. send overhead for a 1 KB JSON POST: Keypost's whole main path and its send module vs a bare undici request()
//    (the API Keypost sends through, on a pool like its own) and curl, on a warm connection and on a fresh one;
// 2. for 1/10/50/100 MB JSON bodies and a slow server in Chromium (E2E harness): time to the first screen, the first
//    Ctrl+F match, the complete display and the match at the very end; the page's longest task; peak memory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Page } from '@playwright/test';
import { Agent, fetch } from 'undici';
import { channels } from '../../shared/api';
import { testCore } from '../fixtures/presetStore';
import { closeAgents } from '../../electron/core/send/httpAgents';
import { Secret } from '../../electron/core/credentials/secret';
import type { KeypostApi } from '../../shared/api';
import { BODY_PART_BYTES } from '../../shared/http';
import { launchApp } from '../e2e/harness';
import { jsonDocument, sendCall, sendWithText } from '../fixtures/sendJson';
import { checkRequest } from '../../shared/requestChecks';
import { buildOutgoing } from '../../electron/core/send/outgoingRequest';
import { forgetKeychain } from '../e2e/fixtures';
import { figure, mb, median, ms, printTable, verdict } from './table';

const SENDS = Number(process.env.BENCH_SENDS ?? 300);
const SIZES_MB = (process.env.BENCH_SIZES_MB ?? '1,10,50,100').split(',').map(Number);
/** A slow server: this many MB sent evenly over DRIP_MS (0 skips the row). */
const DRIP_MB = Number(process.env.BENCH_DRIP_MB ?? 10);
const DRIP_MS = 10_000;
const CURL = '/usr/bin/curl';
const STAGE_BODIES = process.env.BENCH_TRANSPORT !== 'cdp';
/** Runs per body size, each in a fresh process and app: the table shows medians (this machine's times vary a lot). */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const ONE_SIZE_MB = process.env.BENCH_ONE_SIZE_MB;
/** Which parts run: `send` (overhead) and `display` (bodies in Chromium); both by default. */
const PARTS = (process.env.BENCH_PARTS ?? 'send,display').split(',');

if (ONE_SIZE_MB) {
  // A child run for one body size (see receiveAndDisplay): prints what it measured as JSON.
  const row = await measureSize(process.env.BENCH_SERVER!, Number(ONE_SIZE_MB), Number(process.env.BENCH_DRIP_MS ?? 0));
  console.log(`ROW ${JSON.stringify(row)}`);
} else {
  const server = await startServer();
  try {
    if (PARTS.includes('send')) await sendOverhead(server.url);
    if (PARTS.includes('display')) await receiveAndDisplay(server.url);
  } finally {
    server.process.kill();
    await closeAgents();
  }
}
// A browser whose page crashed may not close cleanly; nothing else is left to wait for.
process.exit(0);

async function startServer(): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'responseServer.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  return { url: line.trim(), process: child };
}

async function sendOverhead(base: string): Promise<void> {
  const url = new URL('/echo', base);
  const body = JSON.stringify({ payload: 'x'.repeat(1000) }).slice(0, 1024);
  const token = new Secret('bench-token');
  // The headers Keypost puts on this request (shared/requestHeaders.ts), so both sides send the same bytes.
  const headers = { Authorization: 'Bearer bench-token', 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Encoding': 'gzip, deflate, br' };
  // The page makes the request document and main gets a copy of it through IPC: each send's copy is made before its
  // timing (the fixture's document building is not Keypost's work; the copy stands in for IPC's structured clone).
  const requestDocument = jsonDocument({ url, body });
  const keypost = async (request = structuredClone(requestDocument)) => {
    const checked = checkRequest(request);
    if (!checked.ok) throw new Error(checked.error.message);
    const result = await sendWithText(buildOutgoing(checked.value, { token, files: new Map() }), { timeoutMs: 10_000 });
    if (!result.ok) throw new Error(result.error.message);
  };
  // The whole path a user's Send takes in main: the IPC entry (sender check, argument validation), the keychain
  // (the real one, read once and then cached, as in the app), the checks, the builder and the send.
  const keychainService = `Keypost-bench-${process.pid}`;
  const { dispatch, flushed } = testCore({ keychainService });
  const stored = await dispatch(channels.setToken, ['default', 'bench-token'], 'app://keypost/index.html');
  if (!stored.ok) throw new Error(stored.error.message);
  let sent = 0;
  const callTemplate = sendCall({ url, body, timeoutMs: 10_000 });
  const nextCall = () => structuredClone({ ...callTemplate, requestId: `bench-${sent++}` });
  const throughMain = async (call = nextCall()) => {
    const result = await dispatch(channels.send, [call], 'app://keypost/index.html');
    if (!result.ok) throw new Error(result.error.message);
  };
  // The baseline is the API Keypost sends through (undici's dispatcher `request`), on a pool made as httpAgents.ts
  // makes it, against the same server: "× bare" is then Keypost's own overhead. (undici's fetch costs about twice
  // as much on this request, so a fetch baseline would hide Keypost's overhead inside fetch's.)
  const poolOptions = { connect: { timeout: 10_000 } };
  const barePool = new Agent(poolOptions);
  const bareRequest = async (dispatcher: Agent) => {
    const response = await dispatcher.request({ origin: url.origin, path: url.pathname, method: 'POST', headers, body });
    await response.body.text();
  };
  const bare = () => bareRequest(barePool);
  // The former baseline, kept as a reference row: what the same request costs through undici's fetch.
  const fetchPool = new Agent(poolOptions);
  const bareFetch = async () => {
    const response = await fetch(url, { method: 'POST', headers, body, dispatcher: fetchPool });
    await response.text();
  };
  // A fresh connection each time (TCP handshake included), timed alike on both sides: the pool is made, used once
  // and closed inside the timing (Keypost's pools are made on first use by agentFor and closed by closeAgents).
  const bareFresh = async () => {
    const pool = new Agent(poolOptions);
    await bareRequest(pool);
    await pool.close();
  };
  const keypostFresh = async (request = structuredClone(requestDocument)) => {
    await keypost(request);
    await closeAgents();
  };
  const curlAvailable = existsSync(CURL);
  // curl's own time_total (connect + request + response), so process start-up is not counted against it.
  const curl = () => {
    const run = spawnSync(CURL, ['-s', '-o', '/dev/null', '-w', '%{time_total}', '-X', 'POST', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), '--data-binary', body, url.href], { encoding: 'utf8' });
    return Number(run.stdout) * 1000;
  };

  const timings = { keypost: [] as number[], main: [] as number[], mainWritten: [] as number[], bare: [] as number[], keypostFresh: [] as number[], bareFresh: [] as number[], fetch: [] as number[], curl: [] as number[] };
  // Main makes each send's history entry and writes its line after answering it (historyFile.ts): that is done before
  // the next contender runs (untimed), so none pays for it; the row after it times the send and that work together.
  const throughMainWritten = async (call = nextCall()) => {
    await throughMain(call);
    await flushed();
  };
  // Warm-up long enough for the JIT to settle on every path (Keypost's has more code to optimise).
  for (let i = 0; i < 200; i++) {
    await keypost();
    await throughMainWritten();
    await bare();
  }
  const timed = async (into: number[], run: () => Promise<void>) => {
    const started = performance.now();
    await run();
    into.push(performance.now() - started);
  };
  // Interleaved, so drift on the machine hits every contender alike.
  for (let i = 0; i < SENDS; i++) {
    const request = structuredClone(requestDocument);
    await timed(timings.keypost, () => keypost(request));
    const call = nextCall();
    await timed(timings.main, () => throughMain(call));
    await flushed();
    const written = nextCall();
    await timed(timings.mainWritten, () => throughMainWritten(written));
    await timed(timings.bare, bare);
    if (i % 3 === 0) {
      await closeAgents();
      const fresh = structuredClone(requestDocument);
      await timed(timings.keypostFresh, () => keypostFresh(fresh));
      await timed(timings.bareFresh, bareFresh);
    }
  }
  await forgetKeychain(keychainService);
  // fetch, a reference, runs apart too, interleaved with bare requests of its own to be compared with: inside the loop
  // it made the Keypost rows 0.1–0.2x of bare slower than with it left out (3 runs each way; its garbage is collected
  // during whichever send follows it).
  const bareBesideFetch: number[] = [];
  for (let i = 0; i < 200; i++) await bareFetch();
  for (let i = 0; i < SENDS; i++) {
    await timed(timings.fetch, bareFetch);
    await timed(bareBesideFetch, bare);
  }
  // curl runs apart: a blocking spawn in the loop above stalls the event loop and penalises whoever runs next.
  if (curlAvailable) for (let i = 0; i < SENDS / 3; i++) timings.curl.push(curl());
  await Promise.all([barePool.close(), fetchPool.close()]);
  const bareMedian = median(timings.bare);
  const bareFreshMedian = median(timings.bareFresh);
  const ratio = (name: string, times: number[], base: number) => figure(`send.${name}.ratio`, figure(`send.${name}.medianMs`, median(times)) / base);
  const overhead = (name: string, times: number[], base: number) => {
    const x = ratio(name, times, base);
    return { median: ms(median(times)), 'x bare': `${x.toFixed(2)}x`, target: '≤ 1.2x', met: verdict(`send overhead, ${name}`, { '≤ 1.2x': x <= 1.2 }) };
  };
  figure('send.bare.medianMs', bareMedian);
  figure('send.bareFresh.medianMs', bareFreshMedian);
  printTable(`Send overhead: 1 KB JSON POST to a local server, median of ${SENDS} sends (fresh connections: ${timings.bareFresh.length}; curl: ${timings.curl.length}); interleaved in one run, so each ratio compares like with like`, [
    { client: 'Keypost, whole main path (IPC entry + validation, {{variables}}, keychain (cached), checks, builder, send, 401/403 check), until it answers', ...overhead('main', timings.main, bareMedian) },
    { client: 'the same, until its history entry is made and its line written too (both after the answer; no target)', median: ms(median(timings.mainWritten)), 'x bare': `${ratio('mainWritten', timings.mainWritten, bareMedian).toFixed(2)}x` },
    { client: 'Keypost send module (checks, builder, send: redirects, body read + classify)', ...overhead('module', timings.keypost, bareMedian) },
    { client: 'bare undici request() on a pool like httpAgents.ts, body.text(): the baseline', median: ms(bareMedian), 'x bare': '1.00x' },
    { client: "undici fetch() on its own pool, text(): the former baseline, for reference (after the loop, beside bare requests of its own)", median: ms(median(timings.fetch)), 'x bare': `${ratio('fetch', timings.fetch, median(bareBesideFetch)).toFixed(2)}x` },
    { client: 'Keypost send module, fresh connection (pool made, used, closed: timed)', ...overhead('moduleFresh', timings.keypostFresh, bareFreshMedian), 'x bare': `${(median(timings.keypostFresh) / bareFreshMedian).toFixed(2)}x of fresh bare` },
    { client: 'bare request(), fresh connection (new Agent, request, close: timed)', median: ms(bareFreshMedian), 'x bare': '1.00x of fresh bare' },
    {
      client: 'curl (its own time_total, one process per request)',
      median: curlAvailable ? ms(median(timings.curl)) : 'n/a',
      'x bare': curlAvailable ? `${(median(timings.curl) / bareMedian).toFixed(2)}x` : 'n/a',
    },
  ]);
}

/** This process's JS heap plus memory outside it (Buffers): unlike RSS it shrinks after GC, so each size starts fresh. */
function mainMemory(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** Waits until `memory` has not fallen for 2 s (at most 20 s): the memory a process gives back after a GC. */
async function settled(memory: () => number): Promise<void> {
  let lowest = memory();
  for (let steady = 0, waited = 0; steady < 2000 && waited < 20_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = memory();
    steady = now < lowest - 256 * 1024 ? 0 : steady + 250;
    lowest = Math.min(lowest, now);
  }
}

/** Resident memory of a process now, in bytes (Linux /proc). */
function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Chromium renderer processes of one profile (their command lines name its user-data-dir). */
function rendererPids(profileDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes('--type=renderer') && cmdline.includes(profileDir)) pids.push(Number(entry));
    } catch {
      // the process ended
    }
  }
  return pids;
}

/** Each size in a fresh process (with a fresh app): nothing a previous body left in this process's heap counts. */
async function receiveAndDisplay(base: string): Promise<void> {
  const rows = [];
  const runs = [...SIZES_MB.map((sizeMb) => ({ sizeMb, dripMs: 0 })), ...(DRIP_MB ? [{ sizeMb: DRIP_MB, dripMs: DRIP_MS }] : [])];
  for (const { sizeMb, dripMs } of runs) {
    // Warm the server's cache for this size (here, not in the measuring process), so the bench times Keypost,
    // not the body generator.
    // On a connection of its own: a kept-alive one may be closed by the server just as it is reused.
    const agent = new Agent();
    await (await fetch(new URL(`/items?bytes=${sizeMb * 1_000_000}`, base), { dispatcher: agent })).arrayBuffer();
    await agent.close();
    const measured: Measured[] = [];
    let failure = '';
    for (let run = 0; run < RUNS && !failure; run++) {
      const child = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', process.argv[1]!], {
        // BENCH_FIGURES emptied: the child's figures come back in its ROW line; this process records them.
        env: { ...process.env, BENCH_ONE_SIZE_MB: String(sizeMb), BENCH_DRIP_MS: String(dripMs), BENCH_SERVER: base, BENCH_FIGURES: '' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 16 * 1024 * 1024,
      });
      const row = /^ROW (.*)$/m.exec(child.stdout ?? '')?.[1];
      const outcome = row ? (JSON.parse(row) as Measured | { failed: string }) : { failed: `exit ${child.status}` };
      if ('failed' in outcome) failure = outcome.failed;
      else measured.push(outcome);
    }
    const body = `${dripMs ? `slow drip, ${sizeMb} MB over ${dripMs / 1000} s` : `${sizeMb} MB`}`;
    rows.push(failure ? { body, 'first screen': `failed: ${failure}` } : summary(body, measured, sizeMb, dripMs));
    console.error(`… ${sizeMb} MB measured`);
  }
  printTable(`Receive and display a JSON body in Chromium (E2E harness: built renderer, real handlers in this Node process); median of ${RUNS} runs`, rows);
  console.log(
    [
      '',
      `Each size runs ${RUNS} times (BENCH_RUNS), each in a fresh process and app: times and memory are medians, (fastest–slowest) beside`,
      '  the first screen and complete; the longest task is the longest of all runs.',
      'Times run from the Send click, as the page itself sees it: from the click event to the DOM change that shows each step.',
      'first screen: until the Pretty view\'s viewport is filled with rows of the new body (or shows all of a body shorter than it),',
      '  which it does while the rest downloads.',
      'first match: Ctrl+F is pressed and a string near the start typed after the first screen, until the count shows it (find works on what has arrived).',
      'complete: until the size is shown and the view says nothing more is arriving; needle: then Ctrl+F for the string at the very end, until found.',
      'longest task: the longest main-thread task in the page (PerformanceObserver "longtask", ≥ 50 ms; "none" when there was none) from Send to the needle;',
      '  in brackets: CPU, the most CPU time one main-thread task of the page used (a trace of its tasks): a task far longer on the wall clock\n' +
        '  than that waited for a core (2 here, shared with the harness\'s Node process and the body worker; not traced during the slow drip,\n' +
        '  whose trace buffers would add to the renderer\'s memory); app scripts, the longest the app\'s own scripts (/assets/) ran\n' +
        '  in one frame (long animation frames of 50 ms and more, by script).',
      `slow drip: the server sends the body in 100 even slices over ${DRIP_MS / 1000} s.`,
      'main: heapUsed + external (Buffers) of the Node process that plays Electron main in the harness (handlers, fetch, the body kept for Save),',
      '  sampled until the answer reaches the page; the server runs in another process.',
      'renderer: RSS of the Chromium renderer process of the page, workers included (sampled every 25 ms; /proc VmRSS).',
      '  kept: the growth left once the body is shown and the page and its workers have collected their garbage (gc(), exposed',
      '  to them for the bench only): what the app holds for the body; the peak also counts garbage not yet collected.',
      'Δ: growth over the idle page before Send; "renderer Δ / body" is the growth divided by the body size. Each size runs in a fresh process and app.',
      '  The idle page and "kept" are read once the renderer has given back what its GCs freed (its RSS steady for 2 s).',
      'harness IPC alone: the page then reads the same body again through the bridge and drops it: the time, the longest task and the RSS growth.',
      STAGE_BODIES
        ? '  The harness carries IPC over CDP, which moves bytes at tens of MB/s here, where Electron\'s IPC copies them in memory. So the body is\n' +
          '  staged in the page before Send (untimed, outside the Δ), and stands in for Electron\'s IPC at no less than its cost: each part main\n' +
          '  reads is checked equal to the staged bytes at its offset in this process, and the page gets, per reply, the part as one fresh\n' +
          '  copy (cut from the staged body, moved into the reply\'s structured clone: the one copy Electron\'s IPC makes in the page, none\n' +
          '  left as garbage; a stand-in that cloned the cut left one more per part). The call itself crosses CDP, one per part,\n' +
          '  as the preload makes one ipcRenderer.invoke per part; CDP\'s round trip (slower than IPC\'s) stays in the times.\n' +
          '  BENCH_TRANSPORT=cdp sends the bytes over CDP instead (deflated, base64).'
        : '  BENCH_TRANSPORT=cdp: the bytes cross CDP (deflated, base64; one call per part),\n' +
          '  which costs time and renderer memory that Electron\'s IPC does not.',
      '  What the app keeps is the body\'s bytes (1x) and its line index (one entry of 16 bytes per 64 pretty lines: 0.03x) in the body worker.',
    ].join('\n'),
  );
}

/** When the page showed each step, in ms: `send` on the page's clock, the others since it. */
type Step = 'firstScreen' | 'firstMatch' | 'complete' | 'needle';
type Marks = Partial<Record<'send' | Step, number>>;
type Reached = Record<Step, { promise: Promise<void>; resolve: () => void }>;

/** One run of one size: times in ms, growth as a multiple of the body's size. */
interface Measured {
  size: number;
  firstScreen: number;
  firstMatch: number;
  complete: number;
  needle: number;
  longest: number;
  longestApp: number;
  longestCpu: number;
  mainGrowth: number;
  rendererPeak: number;
  rendererGrowth: number;
  rendererKept: number;
  transportMs: number;
  transportLongest: number;
  transportGrowth: number;
}

/** The table row for one size: medians, the range of the two times that matter most, the worst long task. */
function summary(body: string, runs: Measured[], sizeMb: number, dripMs: number): Record<string, string> {
  const of = (key: keyof Measured) => runs.map((run) => run[key]);
  const mid = (key: keyof Measured) => median(of(key));
  const spread = (key: keyof Measured) => `${ms(mid(key))} (${Math.round(Math.min(...of(key)))}–${Math.round(Math.max(...of(key)))})`;
  const worst = (key: keyof Measured) => (Math.max(...of(key)) > 0 ? ms(Math.max(...of(key))) : 'none');
  const times = (value: number) => `${value.toFixed(1)}x`;
  return {
    body: `${body} (${mb(runs[0]!.size)})`,
    'first screen': spread('firstScreen'),
    'first match': ms(mid('firstMatch')),
    complete: spread('complete'),
    needle: ms(mid('needle')),
    'longest task (CPU; app scripts)': `${worst('longest')} (${dripMs ? 'not traced' : worst('longestCpu')}; ${worst('longestApp')})`,
    'main Δ / body': times(mid('mainGrowth')),
    'renderer peak RSS (Δ / body; kept)': `${mb(mid('rendererPeak'))} (${times(mid('rendererGrowth'))}; ${times(mid('rendererKept'))} kept)`,
    'harness IPC alone: time, longest task, Δ / body': `${ms(mid('transportMs'))}, ${worst('transportLongest')}, ${times(mid('transportGrowth'))}`,
    ...targetOf(body, runs, sizeMb, dripMs),
  };
}

/** The row's target and whether the medians (and the worst long task) meet it; each figure recorded for --json. */
function targetOf(body: string, runs: Measured[], sizeMb: number, dripMs: number): { target: string; met: string } {
  const name = dripMs ? `drip${sizeMb}mb` : `${sizeMb}mb`;
  const mid = (key: keyof Measured) => figure(`display.${name}.${key}`, median(runs.map((run) => run[key])));
  const longest = figure(`display.${name}.longestWorst`, Math.max(...runs.map((run) => run.longest)));
  const firstScreen = { 'first ≤ 1 s': mid('firstScreen') <= 1000 };
  const growth = { 'renderer Δ ≤ 3x': mid('rendererGrowth') <= 3 };
  for (const key of ['firstMatch', 'complete', 'rendererPeak', 'rendererKept', 'mainGrowth', 'transportMs'] as const) mid(key);
  if (sizeMb >= 100 && !dripMs) {
    return { target: 'first ≤ 1 s; complete + needle ≤ 3 s; ≤ 3x', met: verdict(body, { ...firstScreen, 'needle ≤ 3 s': mid('needle') <= 3000, ...growth }) };
  }
  if (sizeMb >= 10) return { target: 'first ≤ 1 s; ≤ 3x; no task > 100 ms', met: verdict(body, { ...firstScreen, ...growth, 'no task > 100 ms': longest <= 100 }) };
  return { target: 'first ≤ 1 s', met: verdict(body, firstScreen) };
}

/**
 * The CPU time of the page's longest-running main-thread task, from a trace of its tasks (category toplevel: light).
 * On this 2-core machine the page shares the cores with the harness's Node process and the body worker, so a task can
 * last long on the wall clock while the thread waits for a core: its CPU time tells the app's work from that wait.
 */
async function traceMainThreadCpu(page: Page): Promise<() => Promise<number>> {
  type TraceEvent = { ph: string; name: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } };
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['toplevel', '__metadata'], excludedCategories: ['*'] } });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;
    const pageThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread));
    const tasks = events.filter((e) => e.ph === 'X' && /RunTask/.test(e.name) && pageThreads.has(thread(e)));
    return tasks.reduce((longest, task) => Math.max(longest, (task.tdur ?? 0) / 1000), 0);
  };
}

async function measureSize(base: string, sizeMb: number, dripMs: number): Promise<Measured | { failed: string }> {
  const app = await launchApp({ exposeGc: true });
  const { page } = app;
  const renderers = rendererPids(path.join(app.userDataDir, 'renderer-profile'));
  const rendererMemory = () => Math.max(...renderers.map(rssOf));
  // The page's and its workers' garbage collected (gc() is exposed to them for the bench only), then a wait until the
  // renderer has given the freed memory back (it does so over seconds, not at once): before the baseline, and once the
  // body is shown, to tell what the app keeps. Measured at once, the baseline still held memory the renderer gave back
  // during a slow drip, which made the drip's growth look smaller by about 9 MB.
  const collectPageGarbage = async () => {
    const collect = () => (globalThis as { gc?: () => void }).gc?.();
    for (const worker of page.workers()) await worker.evaluate(collect);
    await page.evaluate(collect);
    await settled(rendererMemory);
  };
  try {
    const bytes = sizeMb * 1_000_000;
    // A first small send stores the token in the keychain and creates the response view: not part of the timing.
    await page.getByTestId('url').fill(`${base}/items?bytes=1000`);
    await page.getByTestId('token').fill('bench-token');
    await page.getByTestId('send').click();
    await page.getByTestId('response-body').getByTestId('line').filter({ hasText: '"items": [' }).waitFor();
    await page.getByTestId('url').fill(`${base}/items?bytes=${bytes}${dripMs ? `&dripMs=${dripMs}` : ''}`);
    const previous = await page.locator('section.response').getAttribute('data-request-id');
    // The body's bytes are put into the page before Send (untimed), so each part main reads reaches the page as a
    // copy of them, as over Electron's IPC, instead of over CDP. BENCH_TRANSPORT=cdp carries them over CDP instead.
    if (STAGE_BODIES) await app.stageBody(new Uint8Array(await (await fetch(new URL(`/items?bytes=${bytes}`, base))).arrayBuffer()));
    // Twice, with a pause: a GC frees ArrayBuffers' memory a little later (staging leaves some), which would
    // otherwise come off the growth measured below.
    for (let i = 0; i < 2; i++) {
      (globalThis as { gc?: () => void }).gc?.();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await collectPageGarbage();
    // The times are the page's own: from the Send click to the DOM change that shows each step, taken as it happens,
    // so none waits for an earlier step of the bench (Playwright typing the find query while the body arrives, say).
    // Then the page's longest main-thread task from here on, after the GCs above, which are the bench's own long tasks
    // (Chromium reports tasks of 50 ms and more), and the longest the app's own scripts ran within one frame (long
    // animation frames name each script's file: the app's come from /assets/, the harness's stand-in for IPC comes
    // through Playwright and CDP).
    await page.evaluate((old) => {
      const page = window as unknown as { longest: number; longestApp: number; marks: Marks; reached: Reached };
      page.longest = page.longestApp = 0;
      const marks: Marks = (page.marks = {});
      const reached = (page.reached = {} as Reached);
      for (const step of ['firstScreen', 'firstMatch', 'complete', 'needle'] as const) {
        let resolve = () => {};
        const promise = new Promise<void>((settle) => (resolve = settle));
        reached[step] = { promise, resolve };
      }
      const mark = (step: Step, at: number) => {
        if (marks[step] !== undefined) return;
        marks[step] = at;
        reached[step].resolve();
      };
      document.addEventListener('click', (event) => {
        if (marks.send === undefined && (event.target as Element).closest('[data-testid="send"]')) marks.send = performance.now();
      }, true);
      const text = (testId: string) => document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';
      const complete = () => / (KB|MB)$/.test(text('size')) && !document.querySelector('[data-testid="body-arriving"]');
      // A screen, not a row: the body's viewport filled down to its bottom edge with rows of the body, or, for a body
      // shorter than the viewport, every row of it with nothing more arriving.
      const screenFilled = (section: Element) => {
        const viewport = section.querySelector<HTMLElement>('[data-testid="response-body"]');
        const rows = viewport?.querySelectorAll('[data-testid="line"]');
        if (!viewport || !rows?.length) return false;
        const lowest = Math.max(...[...rows].map((row) => row.getBoundingClientRect().bottom));
        if (lowest >= viewport.getBoundingClientRect().top + viewport.clientHeight - 1) return true;
        return viewport.scrollHeight <= viewport.clientHeight && complete();
      };
      new MutationObserver(() => {
        const section = document.querySelector('section.response');
        if (marks.send === undefined || section === null || section.getAttribute('data-request-id') === old) return;
        const at = performance.now() - marks.send;
        const query = document.querySelector<HTMLInputElement>('[data-testid="find-input"]')?.value;
        if (marks.firstScreen === undefined && screenFilled(section)) mark('firstScreen', at);
        if (query === '"item-99"' && / of /.test(text('find-count'))) mark('firstMatch', at);
        if (marks.firstScreen !== undefined && complete()) mark('complete', at);
        if (query === 'needle-' && text('find-count') === '1 of 1') mark('needle', at);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) page.longest = Math.max(page.longest, entry.duration);
      }).observe({ type: 'longtask' });
      type Frame = PerformanceEntry & { scripts: Array<{ sourceURL: string; duration: number }> };
      new PerformanceObserver((list) => {
        for (const frame of list.getEntries() as Frame[]) {
          const app = frame.scripts.filter((script) => script.sourceURL.includes('/assets/')).reduce((sum, script) => sum + script.duration, 0);
          page.longestApp = Math.max(page.longestApp, app);
        }
      }).observe({ type: 'long-animation-frame' });
    }, previous);
    const before = { main: mainMemory(), renderer: rendererMemory() };
    const peak = { ...before };
    // Main is sampled until the answer reaches the page (fetch, decoding, the body kept for Save): after that this
    // process only carries parts to the page, which is Playwright's and CDP's work here and a copy in Electron.
    let sampleMain = true;
    let sampler = setInterval(() => {
      if (sampleMain) peak.main = Math.max(peak.main, mainMemory());
      peak.renderer = Math.max(peak.renderer, rendererMemory());
    }, 25);

    // Not during the slow drip: ten seconds of trace buffers in the renderer would count as the app's memory.
    const stopTrace = dripMs ? async () => Number.NaN : await traceMainThreadCpu(page);
    // Each step as the page marked it (above): one call the page answers when it marks the step. Polling for it every
    // frame through CDP would add the harness's own work and garbage to the page's (600 polls during the slow drip).
    const marked = (step: Step) =>
      page.evaluate(
        (step) =>
          Promise.race([
            (window as unknown as { reached: Reached }).reached[step].promise,
            new Promise((_, reject) => setTimeout(() => reject(new Error(`the page never showed ${step}`)), 300_000)),
          ]),
        step,
      );
    await page.getByTestId('send').click();
    await marked('firstScreen');
    // First match: Ctrl+F for a string near the start.
    await page.getByTestId('response-body').click();
    await page.keyboard.press('ControlOrMeta+F');
    await page.keyboard.type('"item-99"');
    await marked('firstMatch');
    await marked('complete');
    sampleMain = false;
    // The needle at the very end of the body.
    await page.getByTestId('find-input').fill('needle-');
    await marked('needle');
    clearInterval(sampler);
    const longestCpu = await stopTrace();
    const { longest, longestApp, marks } = await page.evaluate(() => {
      const { longest, longestApp, marks } = window as unknown as { longest: number; longestApp: number; marks: Marks };
      return { longest, longestApp, marks };
    });
    const { firstScreen, firstMatch, complete, needle } = marks as Required<Marks>;
    const size = Number((await page.getByTestId('size').getAttribute('title'))?.match(/Decoded: (\d+)/)?.[1] ?? bytes);
    const rendererGrowth = peak.renderer - before.renderer;
    await collectPageGarbage();
    const rendererKept = rendererMemory() - before.renderer;

    // The harness's stand-in for IPC alone: the page reads the same body again through the bridge and drops it.
    await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
    const transportBefore = rendererMemory();
    let transportPeak = transportBefore;
    sampler = setInterval(() => (transportPeak = Math.max(transportPeak, rendererMemory())), 25);
    const transportMs = await page.evaluate(
      async ({ call, total, partBytes }) => {
        const bridge = (window as unknown as { keypost: KeypostApi }).keypost;
        const sent = await bridge.send(call);
        if (!sent.ok) throw new Error(sent.error.message);
        const started = performance.now();
        for (let offset = 0; offset < total; ) {
          const part = await bridge.readBody('bench-transport', offset, partBytes);
          if (!part.ok) throw new Error(part.error.message);
          offset = part.value.nextOffset;
        }
        return performance.now() - started;
      },
      { call: sendCall({ requestId: 'bench-transport', url: `${base}/items?bytes=${bytes}`, body: '{}', timeoutMs: 60_000 }), total: size, partBytes: BODY_PART_BYTES },
    );
    clearInterval(sampler);
    const transportLongest = await page.evaluate(() => (window as unknown as { longest: number }).longest);

    return {
      size,
      firstScreen,
      firstMatch,
      complete,
      needle,
      longest,
      longestApp,
      longestCpu,
      mainGrowth: (peak.main - before.main) / size,
      rendererPeak: peak.renderer,
      rendererGrowth: rendererGrowth / size,
      rendererKept: rendererKept / size,
      transportMs,
      transportLongest,
      transportGrowth: (transportPeak - transportBefore) / size,
    };
  } catch (error) {
    return { failed: (error as Error).message.split('\n')[0]! };
  } finally {
    // A crashed renderer (out of memory on a large body) must not stop the other sizes.
    await app.close().catch(() => {});
    await forgetKeychain(app.keychainService);
  }
}
