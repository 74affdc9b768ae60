// Lint: typescript-eslint's recommended rules (syntax only, no type information, to stay fast), React's hook rules on
// the page, and the layering of the code map (docs/architecture.md) as import rules, so a wrong import fails `npm test`, not a review:
//   shared/         imports only shared/, zod, jsonc-parser, jose, shlex and json-p3 (it runs in the page, the body worker and main)
//                   and of shared/, only schemas.ts imports the IPC contract (api.ts); the models never do
//   electron/core/  shared/ and Node; never `electron`, the glue or renderer/
//   cli/            the command-line runner: shared/, electron/core/ and Node; never `electron`, the glue or renderer/
//   electron/*.ts   the glue; only main.ts touches ipcMain, only preload.ts ipcRenderer (GitHub Desktop's rule)
//   renderer/       shared/ and the browser; never electron/, Node builtins or the main process's packages; and only the
//                   actions (*Actions.ts) import the IPC client (renderer/api.ts): components and stores never talk to main
//   renderer/ui/    the UI kit: React, its own files and shared/ only (not renderer/api.ts, not a component)
//   tests/          anything
// Environments (DOM, Node, worker) are checked by the TypeScript config of each layer (tsconfig.<layer>.json).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** `fs`, `fs/promises`, `node:fs`, … : every module Node ships. */
const NODE_BUILTIN = `^(node:.*|${builtinModules.filter((name) => !name.startsWith('_')).map(escape).join('|')})$`;
/** A relative import that climbs into one of these top-level folders (`../renderer/x`, `../../electron/core/y`). */
const into = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

const nodeBuiltins = (who) => ({ regex: NODE_BUILTIN, message: `${who} cannot use Node builtins.` });
const electronModule = (who) => ({ regex: '^electron(/|$)', message: `${who} must not import electron.` });

/** What every shared/ file may import. */
const sharedPatterns = [
  { regex: into('electron', 'renderer', 'tests'), message: 'shared/ is imported by every side and imports none of them.' },
  nodeBuiltins('shared/ (also loaded in the page and the body worker)'),
  electronModule('shared/'),
  {
    // Anything else that is not relative: only environment-free packages.
    regex: `^(?!\\.{1,2}/|zod(/|$)|jsonc-parser(/|$)|jose(/|$)|shlex(/|$)|json-p3(/|$)|electron(/|$)|${NODE_BUILTIN.slice(1, -1)}$)`,
    message: 'shared/ may import only shared/ files, zod, jsonc-parser, jose, shlex and json-p3 (packages that run anywhere).',
  },
];

/** What every file of the page may import. */
const pagePatterns = [
  { regex: into('electron', 'tests'), message: 'The page reaches main only through window.keypost (renderer/api.ts).' },
  nodeBuiltins('The page (sandboxed, no nodeIntegration)'),
  electronModule('The page'),
  { regex: '^(keytar|electron-store|conf|undici)(/|$)', message: 'A main-process package: the page reaches it only through window.keypost.' },
];
/** Components and stores read state and call actions; only the actions (the *Actions.ts files) talk to main. */
const ipcClientForActionsOnly = {
  regex: '^(\\./|(\\.\\./)+)api(\\.ts)?$',
  message: 'Only actions (*Actions.ts) import the IPC client renderer/api.ts: call an action instead.',
};

/** The glue's restrictions; `allow` is the one raw IPC object the file may hold. */
function glueImports(allow) {
  const raw = {
    ipcMain: 'Only electron/main.ts uses ipcMain: handlers go through core/handlers.ts (dispatch), wired in main.ts.',
    ipcRenderer: 'Only electron/preload.ts uses ipcRenderer: the page talks through window.keypost.',
  };
  const banned = Object.keys(raw).filter((name) => name !== allow);
  return [
    'error',
    {
      paths: banned.map((name) => ({ name: 'electron', importNames: [name], message: raw[name] })),
      patterns: [{ regex: into('renderer', 'tests'), message: 'The Electron glue does not import the page or the tests.' }],
    },
  ];
}

export default defineConfig(
  globalIgnores(['dist/', 'dist-electron/', 'dist-cli/', 'release/', 'reports/', 'test-results/', 'playwright-report/']),

  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Fitted to habits the code already has on purpose; each rule here still runs.
    rules: {
      // A `_` prefix marks a deliberately unused parameter; `{ windowBounds: _mainOnly, ...rest }` omits a key.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Playwright fixtures must destructure their first parameter, `async ({}, use) => …`, even when they need nothing.
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
      // `let page: Page | undefined` read by a closure before its one assignment: `const` there would throw (TDZ).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Ambient globals are declared with `declare var`, as TypeScript's own lib files do.
    files: ['**/*.d.ts'],
    rules: { 'no-var': 'off' },
  },
  {
    // Turned off: here they only flag deliberate code.
    rules: {
      // Control characters are what the URL, header and token checks look for (shared/requestChecks.ts), and ANSI
      // escapes what scripts/testTotals.mjs strips; the rule exists to catch them by accident.
      'no-control-regex': 'off',
      // Hex-dump expectations (`/^00000000  89 50 4e 47/`) read better with the spaces the dump has than with ` {2}`.
      'no-regex-spaces': 'off',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs}', 'bin/**/*.{js,mjs,cjs}', '*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // At zero today; a deliberate exception says so with a disable comment and its reason, as four already do.
      'react-hooks/exhaustive-deps': 'error',
      // The preset's React Compiler diagnostics that only fight this code (the build does not use the React Compiler):
      // "Compilation skipped" notices, meaningful only to the compiler.
      'react-hooks/preserve-manual-memoization': 'off',
      // setState in an effect costs a render; here it resets local state when a prop changes or measures the DOM once.
      'react-hooks/set-state-in-effect': 'off',
      // Flags the "latest callback in a ref" pattern (written during render, read in handlers) and every `props.x` of a
      // component whose props hold a ref. Turn it on together with moving those refs to useEffectEvent (React 19.2).
      'react-hooks/refs': 'off',
    },
  },

  // Layering. One no-restricted-imports per file set: a later config's options replace an earlier one's.
  {
    // The models (request, http, presets, …) never import the IPC contract that is built on them: only schemas.ts,
    // the contract's argument schemas, does (api.ts says none of the models imports it).
    files: ['shared/**/*.{ts,tsx}'],
    ignores: ['shared/api.ts', 'shared/schemas.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...sharedPatterns,
            { regex: '^(\\./|(\\.\\./)+)api(\\.(ts|js))?$', message: 'A shared/ model does not import the IPC contract (shared/api.ts); api.ts imports the models.' },
          ],
        },
      ],
    },
  },
  { files: ['shared/api.ts', 'shared/schemas.ts'], rules: { 'no-restricted-imports': ['error', { patterns: sharedPatterns }] } },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronModule('electron/core/ (plain Node, tested in Node)'),
            { regex: into('renderer', 'tests'), message: 'electron/core/ does not import the page or the tests.' },
            { regex: '^(\\.\\./)+(electron/)?(main|preload|window|hardening)(\\.ts)?$', message: 'electron/core/ does not import the Electron glue (it imports core).' },
          ],
        },
      ],
    },
  },
  {
    // The runner runs in plain Node, on the core the app composes: never Electron, the glue or the page.
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronModule('cli/ (plain Node, no Electron)'),
            { regex: into('renderer', 'tests'), message: 'cli/ does not import the page or the tests.' },
            { regex: '^(\\.\\./)+electron/(?!core/)', message: 'cli/ imports electron/core/ only, never the Electron glue.' },
          ],
        },
      ],
    },
  },
  { files: ['electron/main.ts'], rules: { 'no-restricted-imports': glueImports('ipcMain') } },
  { files: ['electron/preload.ts'], rules: { 'no-restricted-imports': glueImports('ipcRenderer') } },
  { files: ['electron/*.ts'], ignores: ['electron/main.ts', 'electron/preload.ts'], rules: { 'no-restricted-imports': glueImports(null) } },
  {
    // webContents.ipc and WebFrameMain.ipc are ipcMain by another name.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts'],
    rules: { 'no-restricted-properties': ['error', { property: 'ipc', message: 'Only electron/main.ts wires IPC (webContents.ipc is raw ipcMain).' }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*Actions.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...pagePatterns, ipcClientForActionsOnly] }] },
  },
  {
    // The UI kit draws what it is given: React, its own files and shared/; never renderer/api.ts or a component.
    files: ['renderer/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...pagePatterns,
            { regex: '^(?!\\./|\\.\\./\\.\\./shared/|react(/|$))', message: 'renderer/ui/ imports only React, its own files and shared/.' },
          ],
        },
      ],
    },
  },
  { files: ['renderer/**/*Actions.ts'], rules: { 'no-restricted-imports': ['error', { patterns: pagePatterns }] } },
);
