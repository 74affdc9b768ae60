// The `keypost` command: parses the arguments (commander) and hands them to the runner; bad usage exits 2.
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_TIMEOUT_MS } from '../shared/http';
import { appDataFolder } from './appData';
import { progressOn } from './progressLine';
import { REPORTERS, type Reporter } from './reports';
import { parseOrigin } from './runOrigins';
import { runCollection } from './runCollection';
import type { ClientCertificateFlags } from './runClientCertificate';
import { CERT_PASSPHRASE_VARIABLE } from '../shared/secretVariables';

/** The timeout the app's send accepts at most (shared/schemas.ts: 600,000 ms). */
const MAX_TIMEOUT_S = 600;

function reporterName(value: string): Reporter {
  if (!(REPORTERS as readonly string[]).includes(value)) throw new InvalidArgumentError(`choose ${REPORTERS.join(' or ')}.`);
  return value as Reporter;
}

function seconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0 || parsed > MAX_TIMEOUT_S) throw new InvalidArgumentError(`give a number of seconds above 0 and at most ${MAX_TIMEOUT_S}.`);
  return parsed;
}

/** --allow-origin, once per origin: each one checked as the credential manager checks it. */
function origins(value: string, previous: string[]): string[] {
  const parsed = parseOrigin(value);
  if ('problem' in parsed) throw new InvalidArgumentError(parsed.problem);
  return [...previous, parsed.origin];
}

const program = new Command('keypost')
  .description('Keypost from the command line: send a collection\'s requests with no window.')
  .showHelpAfterError()
  // Help and --version exit 0; any other usage error 2 (commander's own is 1, which means "a request failed" here).
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

program
  .command('run')
  .description('Send the requests of a collection folder (or one .request.yaml file) in the sidebar\'s order.')
  .argument('<folder-or-file>', 'a collection folder, or one request file')
  .option('--env <name>', 'resolve {{variables}} from this environment of the collection (environments/<name>.env.yaml)')
  .option('--bail', 'stop at the first failed request')
  .option('--reporter <name>', 'also write a report for CI: junit (JUnit XML) or json', reporterName)
  .option('--output <file>', 'where the report goes (default: standard output; the lines then go to standard error)')
  .option('--timeout <seconds>', `time limit per request, in seconds (default ${DEFAULT_TIMEOUT_MS / 1000})`, seconds)
  .option('--allow-origin <origin>', 'let every credential go to this origin (scheme://host:port) in this run; repeat for more', origins, [])
  .option('--ca-file <path>', 'also trust the CA certificates in this PEM file (as curl --cacert; NODE_EXTRA_CA_CERTS is honoured too)')
  .option('--cert <file>', `present this client certificate (mutual TLS): PEM with --key, or PKCS#12 with --cert-type P12; its passphrase from ${CERT_PASSPHRASE_VARIABLE}`)
  .option('--key <file>', 'the PEM private key of --cert')
  .option('--cert-type <type>', 'PEM (the default) or P12, as curl')
  .option('--cert-host <pattern>', 'present --cert only to hosts matching this (api.example.com, *.example.com, host:port); default: every https host, as curl')
  .option('--http1.1', 'use HTTP/1.1 only, never HTTP/2 (as curl --http1.1)')
  .action(async (target: string, options: { env?: string; bail?: boolean; reporter?: Reporter; output?: string; timeout?: number; allowOrigin: string[]; caFile?: string; 'http1.1'?: boolean } & ClientCertificateFlags) => {
    if (options.output !== undefined && options.reporter === undefined) {
      process.stderr.write('--output names where a report goes: choose one with --reporter junit or --reporter json.\n');
      process.exitCode = 2;
      return;
    }
    process.exitCode = await runCollection({
      target,
      env: options.env,
      bail: options.bail,
      reporter: options.reporter,
      output: options.output,
      timeoutMs: Math.round((options.timeout ?? DEFAULT_TIMEOUT_MS / 1000) * 1000),
      variables: process.env,
      dataDir: appDataFolder(process.env),
      allowOrigins: options.allowOrigin,
      caFile: options.caFile,
      clientCertificate: { cert: options.cert, key: options.key, certType: options.certType, certHost: options.certHost },
      http1Only: options['http1.1'] === true,
      progress: progressOn(process.stderr, process.env),
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    });
  });

await program.parseAsync(process.argv);
