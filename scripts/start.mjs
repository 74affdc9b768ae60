// `npm start`: build, then launch Electron. Electron 45 no longer downloads its binary on `npm install`; the first
// launch does, and if it cannot, says so in one sentence instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { installedElectronBinary } from './electronBinary.mjs';

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

let electronBinary = installedElectronBinary();
if (!electronBinary) {
  console.log('Downloading Electron (first launch only)…');
  const install = createRequire(import.meta.url).resolve('electron/install.js');
  const download = spawnSync(process.execPath, [install], { encoding: 'utf8' });
  electronBinary = installedElectronBinary();
  if (!electronBinary) {
    console.error(
      `Keypost cannot start: the Electron binary is not installed and its download failed (${downloadProblem(download)}); ` +
        'run `npm start` again on a network that reaches the Electron download host, or set ELECTRON_MIRROR to a mirror you can reach.',
    );
    process.exit(1);
  }
}
const child = spawn(electronBinary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

/** The download's failure in words; @electron/get prints only an error's stack (offline: "TypeError: fetch failed"). */
function downloadProblem(download) {
  const output = `${download.stderr ?? ''}\n${download.stdout ?? ''}`;
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|ETIMEDOUT|ECONNRESET/.test(output)) return 'the download host could not be reached';
  if (/checksum/i.test(output)) return 'the downloaded file did not match its checksum';
  const firstLine = output.split('\n').find((line) => line.trim() && !line.startsWith('    at '));
  return firstLine?.trim().slice(0, 200) ?? `the installer exited with code ${download.status}`;
}
