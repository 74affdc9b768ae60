// Builds the renderer (vite.config.ts), then main (ESM) and the sandboxed preload (one CJS file), then the command-line
// runner `keypost` (cli/keypost.ts → dist-cli/keypost.mjs, ESM, its npm dependencies external like main's).
// `node scripts/build.mjs cli` (npm run build:cli) builds the runner only.
import { readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build } from 'vite';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
// A dependency and its subpaths (zod/v4, …) stay external.
const runtimeDependencies = Object.keys(dependencies).map((name) => new RegExp(`^${name}(/.*)?$`));

// dist-electron starts empty: a build that fails part way leaves main.js or preload.cjs missing, never an older one that
// the glue tests (tests/fixtures/builtGlue.ts) or `npm start` would then run as if it were new. (The renderer's own
// folder is emptied by vite.config.ts, emptyOutDir.)
const cliOnly = process.argv[2] === 'cli';
if (!cliOnly) rmSync('dist-electron', { recursive: true, force: true });
rmSync('dist-cli', { recursive: true, force: true });

const electronBuild = (entry, fileName, format, external, outDir = 'dist-electron') =>
  build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'node24',
      minify: false,
      // main.js.map and preload.cjs.map beside them, with no sourceMappingURL comment in the shipped code: read by
      // scripts/coverage-glue.mjs to map V8 coverage back to electron/*.ts; never packaged (electron-builder.yml).
      sourcemap: 'hidden',
      lib: { entry, formats: [format], fileName: () => fileName },
      rollupOptions: { external },
    },
  });

if (!cliOnly) {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  // Main keeps its npm dependencies external: electron-builder packages them, keytar is native.
  await electronBuild('electron/main.ts', 'main.js', 'es', ['electron', ...runtimeDependencies, ...nodeBuiltins]);
  // A sandboxed preload can only require('electron'), so everything else is bundled in.
  await electronBuild('electron/preload.ts', 'preload.cjs', 'cjs', ['electron']);
}
// The CLI runs in plain Node (no electron): the same externals as main; bin/keypost.mjs imports it.
await electronBuild('cli/keypost.ts', 'keypost.mjs', 'es', [...runtimeDependencies, ...nodeBuiltins], 'dist-cli');
console.log(cliOnly ? 'built dist-cli/keypost.mjs' : 'built dist/renderer, dist-electron/main.js, dist-electron/preload.cjs, dist-cli/keypost.mjs');

