// The page's layering rule, held to account: a component or a store that imports the IPC client fails the lint, an
// action may. The same ESLint config `npm test` runs, on a component written here as a fixture.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const IMPORTS_IPC_CLIENT = "import { api } from '../api';\nexport const listed = () => api?.listPresets();\n";

const problemsIn = async (filePath: string, code = IMPORTS_IPC_CLIENT) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);

describe('the IPC client', () => {
  it('is refused in a component, and in a store, naming what to do instead', async () => {
    expect(await problemsIn('renderer/presets/Fixture.tsx')).toEqual([expect.stringContaining('Only actions (*Actions.ts) import the IPC client')]);
    expect(await problemsIn('renderer/presets/library.ts')).toHaveLength(1);
    expect(await problemsIn('renderer/App.tsx', "import { api } from './api';\nexport const bridge = api;\n")).toHaveLength(1);
  });

  it('is imported by actions, which still may not reach electron/ or Node', async () => {
    expect(await problemsIn('renderer/presets/fixtureActions.ts')).toEqual([]);
    expect(await problemsIn('renderer/presets/fixtureActions.ts', "import { readFile } from 'node:fs';\nexport const read = readFile;\n")).toHaveLength(1);
  });
});

describe('the command-line runner (cli/)', () => {
  it('may import shared/ and electron/core/, never electron, the Electron glue or the page', async () => {
    expect(await problemsIn('cli/fixture.ts', "import { ok } from '../shared/errors';\nimport { createSendApi } from '../electron/core/send/sendApi';\nexport const both = [ok, createSendApi];\n")).toEqual([]);
    expect(await problemsIn('cli/fixture.ts', "import { app } from 'electron';\nexport const quit = app;\n")).toEqual([expect.stringContaining('must not import electron')]);
    expect(await problemsIn('cli/fixture.ts', "import { main } from '../electron/main';\nexport const glue = main;\n")).toEqual([expect.stringContaining('never the Electron glue')]);
    expect(await problemsIn('cli/fixture.ts', "import { api } from '../renderer/api';\nexport const page = api;\n")).toHaveLength(1);
  });
});
