// Runs the Electron security scanner (electronegativity) on the built app and fails on any finding
// that security/electronegativity-explained.json does not explain. Run after `node scripts/build.mjs`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const explained = JSON.parse(readFileSync('security/electronegativity-explained.json', 'utf8'));
const scanDir = mkdtempSync(path.join(tmpdir(), 'keypost-scan-'));
// The scanner reads .js/.html/package.json only, so the CommonJS preload is copied as .js.
copyFileSync('dist-electron/main.js', path.join(scanDir, 'main.js'));
copyFileSync('dist-electron/preload.cjs', path.join(scanDir, 'preload.js'));
copyFileSync('dist/renderer/index.html', path.join(scanDir, 'index.html'));
copyFileSync('package.json', path.join(scanDir, 'package.json'));

const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const report = path.join(scanDir, 'report.sarif');
const scan = spawnSync('npx', ['electronegativity', '-i', scanDir, '-e', electronVersion, '-r', '-v', 'false', '-o', report], {
  encoding: 'utf8',
});
if (scan.status !== 0) {
  console.error(scan.stdout, scan.stderr);
  console.error('electronegativity did not run to the end');
  process.exit(1);
}
if (/Error parsing/.test(scan.stdout + scan.stderr)) {
  console.error((scan.stdout + scan.stderr).split('\n').filter((line) => /Error parsing/.test(line)).join('\n'));
  console.error('electronegativity could not parse part of the app, so its checks would be incomplete');
  process.exit(1);
}

const results = JSON.parse(readFileSync(report, 'utf8')).runs.flatMap((run) => run.results ?? []);
const unexplained = results.filter((result) => !explained[result.ruleId]);
for (const result of results) {
  const where = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? 'global';
  console.log(`${explained[result.ruleId] ? 'explained  ' : 'UNEXPLAINED'} ${result.ruleId} (${where})`);
}
console.log(`electronegativity: ${results.length} finding(s), ${unexplained.length} unexplained`);
process.exit(unexplained.length === 0 ? 0 : 1);
