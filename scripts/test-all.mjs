// Runs typecheck, lint, the CI workflow check, build, the security scan, unit (Vitest), the glue's coverage and E2E (Playwright, then again under real Electron where its binary exists),
// then prints one line, "N passed, N failed, N skipped", summed over all of them. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { installedElectronBinary } from './electronBinary.mjs';
import { countsLine, notRunTally, playwrightTally, skippedSuiteTally, stepTally, sumTallies, vitestTally } from './testTotals.mjs';

mkdirSync('reports', { recursive: true });
/** @type {import('./testTotals.mjs').Tally[]} */
const tallies = [];
// On Windows npx is npx.cmd, which Node runs only through a shell (the arguments here hold no spaces or quotes).
const npx = (args, env = {}) => {
  const options = { stdio: 'inherit', env: { ...process.env, ...env } };
  const run = process.platform === 'win32' ? spawnSync(['npx', ...args].join(' '), { ...options, shell: true }) : spawnSync('npx', args, options);
  return run.status === 0;
};
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

function step(name, ok) {
  console.log(`${ok ? '✓' : '✗'} ${name}`);
  tallies.push(stepTally(ok));
  return ok;
}

/** Prints a suite's counts and what failed outside its tests, and adds them to the total. */
function suite(name, tally) {
  console.log(`${name}: ${countsLine(tally)}`);
  for (const problem of tally.problems) console.log(`  ✗ ${problem}`);
  tallies.push(tally);
}

function playwright(reportFile, env) {
  rmSync(reportFile, { force: true });
  const exitOk = npx(['playwright', 'test'], env);
  return playwrightTally(readJson(reportFile), { exitOk });
}

// Every layer in its own environment (tsconfig.layers.json). --force: a full check, so the gate never trusts a
// .tsbuildinfo that predates a dependency's new types (`npm run typecheck` reuses them, for speed).
step('typecheck (tsc, per layer)', npx(['tsc', '-b', 'tsconfig.layers.json', '--force']));
step('lint (eslint)', npx(['eslint', '.']));
// .github/workflows cannot run here: check them against GitHub's workflow schema at least.
step('CI workflow check (action-validator)', spawnSync(process.execPath, ['scripts/check-workflows.mjs'], { stdio: 'inherit' }).status === 0);
const built = step('build (vite)', spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status === 0);
if (built) step('security scan (electronegativity)', spawnSync(process.execPath, ['scripts/security-scan.mjs'], { stdio: 'inherit' }).status === 0);

rmSync('reports/unit.json', { force: true });
const unhandledErrorsLog = path.resolve('reports/unit-unhandled-errors.log');
rmSync(unhandledErrorsLog, { force: true });
const unitOk = npx(['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json'], {
  KEYPOST_UNHANDLED_ERRORS_LOG: unhandledErrorsLog,
});
const unhandledErrors = existsSync(unhandledErrorsLog) ? readFileSync(unhandledErrorsLog, 'utf8').split('\n').filter(Boolean).length : 0;
suite('unit', vitestTally(readJson('reports/unit.json'), { exitOk: unitOk, unhandledErrors }));
// The glue's line coverage on the built files: at most one line unexecuted, and the figures docs/testing.md quotes this run's.
if (built) step('glue coverage (scripts/coverage-glue.mjs --check)', spawnSync(process.execPath, ['scripts/coverage-glue.mjs', '--check'], { stdio: 'inherit' }).status === 0);

// The E2E specs run the built app, so a failed build means they did not run: that counts as a failure.
suite('e2e', built ? playwright('reports/e2e.json', {}) : notRunTally('the build failed'));
if (!installedElectronBinary()) {
  console.log('e2e under real Electron: skipped (the Electron binary is not installed: its download was skipped, blocked or not done yet)');
  tallies.push(skippedSuiteTally());
} else {
  suite('e2e under real Electron', built ? playwright('reports/e2e-electron.json', { E2E_TARGET: 'electron' }) : notRunTally('the build failed'));
}

const total = sumTallies(tallies);
console.log(countsLine(total));
process.exit(total.failed === 0 ? 0 : 1);
