// Runs typecheck, build, unit (Vitest) and E2E (Playwright) suites, then prints one line:
// "N passed, N failed" summed over all of them. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('reports', { recursive: true });
const totals = { passed: 0, failed: 0 };
const npx = (args) => spawnSync('npx', args, { stdio: 'inherit', env: process.env }).status === 0;
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

function step(name, ok) {
  console.log(`${ok ? '✓' : '✗'} ${name}`);
  totals[ok ? 'passed' : 'failed'] += 1;
  return ok;
}

step('typecheck (tsc)', npx(['tsc', '-p', 'tsconfig.json']));
const built = step('build (vite)', spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status === 0);
if (built) step('security scan (electronegativity)', spawnSync(process.execPath, ['scripts/security-scan.mjs'], { stdio: 'inherit' }).status === 0);

rmSync('reports/unit.json', { force: true });
const unitOk = npx(['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json']);
const unit = readJson('reports/unit.json');
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
}
if (!unit || (!unitOk && unit.numFailedTests === 0)) step('unit suite ran to the end', false);

if (built) {
  rmSync('reports/e2e.json', { force: true });
  const e2eOk = npx(['playwright', 'test']);
  const e2e = readJson('reports/e2e.json');
  if (e2e) {
    const passed = e2e.stats.expected + e2e.stats.flaky;
    totals.passed += passed;
    totals.failed += e2e.stats.unexpected;
    console.log(`e2e: ${passed} passed, ${e2e.stats.unexpected} failed`);
  }
  if (!e2e || (!e2eOk && e2e.stats.unexpected === 0)) step('e2e suite ran to the end', false);
}

console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
