// keypost run: reads the collection, then sends its requests one after another through the app's own send path
// (createSendApi: variables resolved, the request checked, the credential's origin approved, sent through undici),
// printing a line per request and a summary. Nothing is written to disk: the stores the send path keeps (where each
// credential may go, the active environment, OAuth settings) live in memory for the run only.
import { environmentsService, createEnvironments } from '../electron/core/environments/environments';
import type { Vault } from '../electron/core/credentials/vault';
import { createResponseBodies } from '../electron/core/body/responseBodies';
import { removeSpooledBodies } from '../electron/core/body/responseBody';
import { closeAgents } from '../electron/core/send/httpAgents';
import { useCaFile } from '../electron/core/send/trust';
import { trustForCollection } from '../electron/core/collections/collectionSettingsFile';
import { useHttp1Only } from '../electron/core/send/httpVersion';
import { closeProxyAgents } from '../electron/core/network/proxyAgents';
import { createProxyRouter } from '../electron/core/network/proxyRoutes';
import { withClientCertificates } from '../electron/core/network/clientCertificates';
import { runClientCertificate, type ClientCertificateFlags } from './runClientCertificate';
import { createSendApi } from '../electron/core/send/sendApi';
import { createCookieJars } from '../electron/core/cookies/cookieJars';
import { createCapturedVariables } from '../electron/core/checks/capturedVariables';
import type { StoreBackend } from '../electron/core/storeFiles';
import { tokenVariable } from '../shared/secretVariables';
import type { Environment } from '../shared/environments';
import type { KeypostError } from '../shared/errors';
import type { SendResult } from '../shared/http';
import { credentialOf } from '../shared/request';
import { findEnvironment, readCollectionRun, RunRefused } from './collectionRun';
import { cliVault, environmentSecretVariable, lazyKeychain } from './cliVault';
import { noProgress, type Progress } from './progressLine';
import { runOAuth } from './runOAuth';
import { runOriginGate } from './runOrigins';
import { unsetSecretWords } from './unsetSecrets';
import { checkedRequest, firstFailure } from './checkLines';
import { reportText, type Reporter, type RequestOutcome } from './reports';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** 0: every request got a 2xx or 3xx answer (or the status its assertion names) and its assertions passed; 1: a request
 *  failed (no answer, 4xx/5xx, an assertion that failed or could not be checked); 2: bad usage or a file that could not be read. */
export type ExitCode = 0 | 1 | 2;

export interface RunOptions {
  /** A collection folder or one .request.yaml file. */
  target: string;
  /** The environment (by name) whose {{variables}} the requests use. */
  env?: string;
  /** Stop at the first failed request. */
  bail?: boolean;
  /** A report of the run for CI (JUnit XML or JSON): to `output`, or else to standard output (the lines then go to
   *  standard error, so the report stays readable as it is). */
  reporter?: Reporter;
  output?: string;
  timeoutMs: number;
  /** The process's environment variables, where tokens are read first. */
  variables: NodeJS.ProcessEnv;
  /** Opens the keychain under the app's service name or one made of it; the OS keychain (lazily) unless a test says otherwise. */
  openKeychain?: (serviceOf?: (appService: string) => string) => Vault;
  /** The app's data folder (its OAuth settings and where each credential may go, read only), or null for none. */
  dataDir?: string | null;
  /** Origins every credential may go to in this run, beside those the app bound it to (--allow-origin). */
  allowOrigins?: readonly string[];
  /** A PEM file of CA certificates trusted beside the system's and Node's (--ca-file); one that cannot serve stops the run. */
  caFile?: string;
  /** --cert, --key, --cert-type, --cert-host: a client certificate (runClientCertificate.ts). */
  clientCertificate?: ClientCertificateFlags;
  /** Never offer HTTP/2 (--http1.1, as curl's). */
  http1Only?: boolean;
  /** The progress line on a terminal (progressLine.ts); none by default. */
  progress?: Progress;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A store file that is never a file: the run's bindings and choices are forgotten when it ends. */
const inMemory = (): StoreBackend => ({ path: '(memory: keypost run keeps no files)', store: {} });

export async function runCollection(options: RunOptions): Promise<ExitCode> {
  try {
    return await run(options);
  } catch (error) {
    if (error instanceof RunRefused) {
      options.err(error.message);
      return 2;
    }
    throw error;
  } finally {
    removeSpooledBodies();
    await Promise.all([closeAgents(), closeProxyAgents()]);
  }
}

async function run({ target, env, bail = false, reporter, output, timeoutMs, variables, openKeychain = lazyKeychain, dataDir = null, allowOrigins = [], caFile, clientCertificate = {}, http1Only = false, progress = noProgress, out: stdout, err }: RunOptions): Promise<ExitCode> {
  const trusted = useCaFile(caFile ?? null);
  useHttp1Only(http1Only);
  if (!trusted.ok) throw new RunRefused(`--ca-file: ${trusted.error.message}${trusted.error.hint ? ` ${trusted.error.hint}` : ''}`);
  const certificateFor = runClientCertificate(clientCertificate, variables, err);
  const reportToStdout = reporter !== undefined && output === undefined;
  const out = reportToStdout ? err : stdout;
  const { root, requests } = readCollectionRun(target);
  // The collection's own CA file (its keypost.collection.yaml), beside --ca-file: a damaged file stops the run.
  const collectionTrust = trustForCollection(root.path, root.name);
  if (!collectionTrust.ok) throw new RunRefused(`${collectionTrust.error.message}${collectionTrust.error.hint ? ` ${collectionTrust.error.hint}` : ''}`);
  const chosen = env === undefined ? null : findEnvironment(root, env);
  const vault = cliVault(variables, openKeychain());
  // Captured values serve the following requests of this run, and are gone when it ends.
  const captured = createCapturedVariables();
  const environments = createEnvironments({
    backend: inMemory(),
    keychain: cliVault(variables, openKeychain(environmentsService), environmentSecretVariable),
    collections: () => [root],
    captured,
  });
  if (chosen) {
    const active = environments.setActive(chosen.environment.id);
    if (!active.ok) throw new RunRefused(active.error.message);
  }
  // The app's send path as the app composes it (createCore), with a host that has no page and cannot ask: nothing is
  // emitted, and a token bound elsewhere is refused in the gate's words.
  // HTTPS_PROXY, http_proxy and NO_PROXY, as curl reads them: a run goes where curl in the same shell would.
  const proxyRoute = createProxyRouter({ setting: () => ({ mode: 'environment', url: '', bypass: '' }), env: variables });
  const routeFor = certificateFor ? withClientCertificates(proxyRoute, certificateFor) : proxyRoute;
  const api = createSendApi({
    vault,
    environments,
    emit: () => {},
    bodies: createResponseBodies(1),
    routeFor,
    ...runOAuth({ variables, keychain: openKeychain(), dataDir, routeFor, credentials: [...new Set(requests.flatMap(({ content }) => credentialOf(content.request) ?? []))] }),
    originGate: runOriginGate(dataDir, allowOrigins),
    captured,
    // One jar for the run, in memory (as newman and bru keep one): a login's cookie serves the requests after it; nothing is written.
    cookieJars: createCookieJars({ dataDir: null }),
    trustFor: () => collectionTrust,
  });

  let passed = 0;
  let failed = 0;
  const startedAt = new Date();
  const started = performance.now();
  const outcomes: RequestOutcome[] = requests.map(({ file, content }) => ({
    name: content.name,
    file,
    method: content.request.method,
    status: null,
    statusText: '',
    elapsedMs: 0,
    sizeBytes: 0,
    passed: false,
    failure: null,
    notRun: true,
  }));
  for (const [index, { content }] of requests.entries()) {
    const { name, request } = content;
    progress.sending(index, requests.length, request.method, name);
    const sent = await api.send({ requestId: `run-${index + 1}`, request, timeoutMs });
    progress.clear();
    const checked = sent.ok ? checkedRequest(sent.value, request.assertions?.some((assertion) => assertion.check === 'status') ?? false) : null;
    const ok = checked?.passed ?? false;
    if (ok) passed++;
    else failed++;
    const why = !sent.ok ? inWords(sent.error, credentialOf(request), chosen?.environment) : sent.value.authFailure ? sent.value.authFailure.message : null;
    out(`${ok ? '✓' : '✗'} ${request.method} ${name}  ${sent.ok ? answered(sent.value) : 'not answered'}${checked?.summary ?? ''}`);
    if (why) out(`  ${why}`);
    // A cookie the run's jar refused is said, as the app's response says it.
    for (const notice of (sent.ok && sent.value.cookieNotices) || []) out(`  ${notice}`);
    for (const line of checked?.lines ?? []) out(`  ${line}`);
    outcomes[index] = {
      ...outcomes[index]!,
      notRun: false,
      passed: ok,
      ...(sent.ok ? { status: sent.value.status, statusText: sent.value.statusText, elapsedMs: sent.value.elapsedMs, sizeBytes: sent.value.sizeBytes } : {}),
      ...(sent.ok && sent.value.checks ? { checks: sent.value.checks } : {}),
      ...(sent.ok ? { httpVersion: sent.value.httpVersion } : {}),
      failure: ok ? null : (why ?? (sent.ok ? firstFailure(sent.value.checks) : null) ?? `${sent.ok ? `${sent.value.status} ${sent.value.statusText}`.trim() : 'no answer'}`),
    };
    if (!ok && bail) break;
  }
  const notRun = requests.length - passed - failed;
  const total = `${requests.length} request${requests.length === 1 ? '' : 's'}`;
  const elapsedMs = performance.now() - started;
  out(`${total}: ${passed} passed, ${failed} failed${notRun > 0 ? `, ${notRun} not run (--bail)` : ''} in ${milliseconds(elapsedMs)}`);
  if (reporter) {
    const text = reportText(reporter, { collection: path.basename(root.path), startedAt, elapsedMs, outcomes });
    if (output === undefined) stdout(text.trimEnd());
    else {
      try {
        writeFileSync(output, text);
      } catch (error) {
        throw new RunRefused(`The report could not be written to ${path.resolve(output)} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
      }
      out(`The ${reporter === 'junit' ? 'JUnit' : 'JSON'} report is in ${path.resolve(output)}.`);
    }
  }
  return failed > 0 ? 1 : 0;
}

/** "200 OK  12 ms  1.2 kB", "  HTTP/2" when it came over HTTP/2 (1.1 goes without saying, as in curl), and
 *  "  via proxy host:port" when a proxy carried it */
const answered = (result: SendResult) =>
  `${result.status}${result.statusText ? ` ${result.statusText}` : ''}  ${milliseconds(result.elapsedMs)}  ${size(result.sizeBytes)}${result.httpVersion === '2' ? '  HTTP/2' : ''}${result.proxy ? `  via proxy ${result.proxy}` : ''}`;

/** The app's words for a failed send; the hint too, except where it speaks of the app's fields: there, what to set instead. */
function inWords(error: KeypostError, credential: string | null, environment: Environment | undefined): string {
  const unset = unsetSecretWords(error, environment);
  if (unset) return unset;
  if ((error.code === 'NO_TOKEN' || error.code === 'KEYCHAIN_UNAVAILABLE') && credential !== null) {
    return `${error.message} Set ${tokenVariable(credential)} to the token of the credential “${credential}”, or store it in Keypost on this machine.`;
  }
  return error.hint ? `${error.message} ${error.hint}` : error.message;
}

const milliseconds = (ms: number) => `${Math.round(ms)} ms`;

function size(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
