// `npm start`: build, then launch Electron, or say in one sentence why it cannot start.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

let electronBinary;
try {
  // The electron package exports the binary's path, and throws when its download never happened.
  electronBinary = createRequire(import.meta.url)('electron');
} catch {
  console.error(
    'Keypost cannot start: the Electron binary is not installed (its download was skipped or blocked); ' +
      'run `npm install` on a machine that can reach the Electron download host (or set ELECTRON_MIRROR), then `npm start` again.',
  );
  process.exit(1);
}
const child = spawn(electronBinary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
