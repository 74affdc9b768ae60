// `npm run screenshots`: builds, then takes the README's screenshots (docs/screenshot-light.png, docs/screenshot-dark.png)
// through the E2E harness under a private keychain (tests/screenshots/screenshots.ts, run with tsx). Not part of npm test.
import { spawnSync } from 'node:child_process';

if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const run = spawnSync('bash', ['scripts/with-keychain.sh', 'npx', 'tsx', 'tests/screenshots/screenshots.ts'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
