// Environments are files in their collection (`environments/<name>.env.yaml`) that a team keeps in git: the same bytes
// for the same environment, a secret variable's name only (its value stays in the keychain), those of an older build
// moved in once without losing anything, files changed outside read again, unreadable ones listed and never written
// over, and a plain value that is a secret refused.
import keytar from 'keytar';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { KeypostEvents } from '../../shared/api';
import type { CollectionInfo } from '../../shared/collections';
import type { Environment, EnvironmentsState } from '../../shared/environments';
import type { Result } from '../../shared/errors';
import type { SendResult } from '../../shared/http';
import type { PresetSummary } from '../../shared/presets';
import { blankRequest, type RequestDocument } from '../../shared/request';
import { environmentFileText, readEnvironmentFile } from '../../electron/core/environments/environmentFile';
import { environmentsService } from '../../electron/core/environments/environments';
import { filesContaining } from '../fixtures/filesContaining';
import { forgetKeychain } from '../fixtures/keychain';
import { tempDataDir, testCore } from '../fixtures/presetStore';
import { startTestServer, type TestServer } from '../fixtures/testServer';

const service = `Keypost-unit-env-files-${process.pid}`;
const envService = environmentsService(service);
// Built at run time so this file holds no string a repository scanner would take for a real key.
const GITHUB_TOKEN = ['ghp', 'kpEnvFiles0123456789abcdefABCDEFGHIJ'].join('_');
const SECRET = 'kp-env-files-secret-5e0c2b';
const LEGACY = path.join(import.meta.dirname, '../fixtures/legacy-keypost-environments.json');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await forgetKeychain(service);
});

const cores: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});
/** The core as main builds it over the data folder `dir`; `events` collects what it tells the page. */
function core(dir = tempDataDir(), chooseFolder?: () => Promise<string | null>) {
  const events: Array<keyof KeypostEvents> = [];
  const made = testCore({ dir, keychainService: service, host: { emit: (event) => void events.push(event), chooseFolder } });
  cores.push(made);
  const value = async <T,>(name: Parameters<typeof made.call>[0], ...args: unknown[]): Promise<T> => {
    const result = (await made.call<T>(name, ...args)) as Result<T>;
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  return { ...made, value, events };
}
const environmentsOf = (dir: string) => path.join(dir, 'collection', 'environments');
const listed = (names: string[]) => names.filter((name) => name.endsWith('.env.yaml')).sort();

const staging: Environment = {
  id: 'staging-1',
  name: 'Staging',
  variables: [
    { name: 'baseUrl', value: 'https://staging.example.com', secret: false, enabled: true },
    { name: 'apiToken', value: '', secret: true, enabled: true },
    { name: 'note', value: 'two\nlines: "quoted" # not a comment', secret: false, enabled: false },
  ],
};

describe('the environment file', () => {
  it('keeps its keys in one order, a secret variable as its name only, and gives the same bytes every time', () => {
    const text = environmentFileText(staging);
    expect(text).toBe(
      [
        'keypost: 1',
        'id: staging-1',
        'name: Staging',
        'variables:',
        '  - name: baseUrl',
        '    value: https://staging.example.com',
        '    enabled: true',
        '  - name: apiToken',
        '    secret: true',
        '    enabled: true',
        '  - name: note',
        '    value: |-',
        '      two',
        '      lines: "quoted" # not a comment',
        '    enabled: false',
        '',
      ].join('\n'),
    );
    const read = readEnvironmentFile(text);
    if (!read.ok) throw new Error(read.reason);
    expect(read.value).toEqual({ id: 'staging-1', name: 'Staging', variables: staging.variables });
    expect(environmentFileText({ ...read.value, id: read.value.id })).toBe(text);
  });

  it('never holds a secret variable’s value, whatever the page sends', () => {
    const text = environmentFileText({ ...staging, variables: [{ name: 'apiToken', value: SECRET, secret: true, enabled: true }] });
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('value');
  });

  it.each([
    ['not YAML', 'keypost: 1\nname: [', 'It is not valid YAML (line 2).'],
    ['from a newer Keypost', 'keypost: 2\nname: Later\nvariables: []\n', 'It was written by a newer Keypost (format 2); this version reads format 1.'],
    ['without a version', 'name: Loose\nvariables: []\n', 'It has no “keypost” format version, so it is not a Keypost environment.'],
    [
      'a secret with a value written in by hand',
      'keypost: 1\nname: Leaky\nvariables:\n  - name: token\n    secret: true\n    value: abc\n    enabled: true\n',
      'Its field “variables.0.value” is not valid: the secret variable “token” has a value in the file; a secret\'s value belongs in the keychain only.',
    ],
  ])('is refused, with the reason in words, when it is %s', (_what, text, reason) => {
    expect(readEnvironmentFile(text)).toEqual({ ok: false, reason });
  });
});

describe('environments saved in the app', () => {
  it('are files in the default collection’s environments/ folder; a secret variable’s value is only in the keychain', async () => {
    const { value, dir } = core();
    await value('saveEnvironment', { ...staging, variables: [{ ...staging.variables[0]! }, { ...staging.variables[1]!, value: 'typed-into-the-file-by-mistake' }] });
    await value('setEnvironmentSecret', 'staging-1', 'apiToken', SECRET);
    expect(listed(readdirSync(environmentsOf(dir)))).toEqual(['Staging.env.yaml']);
    const text = readFileSync(path.join(environmentsOf(dir), 'Staging.env.yaml'), 'utf8');
    expect(text).toContain('  - name: apiToken\n    secret: true\n    enabled: true\n');
    expect(await filesContaining(dir, SECRET)).toEqual([]);
    expect(await filesContaining(dir, 'typed-into-the-file-by-mistake')).toEqual([]);
    expect(await keytar.getPassword(envService, 'staging-1/apiToken')).toBe(SECRET);

    // Saved again unchanged: the same bytes. Renamed: the file follows the name.
    await value('saveEnvironment', (await value<EnvironmentsState>('listEnvironments')).environments[0]);
    expect(readFileSync(path.join(environmentsOf(dir), 'Staging.env.yaml'), 'utf8')).toBe(text);
    await value('saveEnvironment', { ...staging, name: 'Staging EU' });
    expect(listed(readdirSync(environmentsOf(dir)))).toEqual(['Staging EU.env.yaml']);
    const state = await value<EnvironmentsState>('listEnvironments');
    expect(state.environments.map(({ id, name, collection }) => [id, name, collection])).toEqual([['staging-1', 'Staging EU', 'default']]);
    expect(state.storedSecrets).toEqual({ 'staging-1': ['apiToken'] });
  });

  it('are never listed as requests, and no request folder can take the environments folder’s name', async () => {
    const first = core();
    await first.value('saveEnvironment', staging);
    // Even a request file in it is not one of the collection's requests.
    writeFileSync(path.join(environmentsOf(first.dir), 'Stray.request.yaml'), 'keypost: 1\nname: Stray\n');
    await first.close();
    const { value, call } = core(first.dir);
    expect((await value<CollectionInfo[]>('listCollections'))[0]).toMatchObject({ folders: [], unread: [] });
    expect(await value<PresetSummary[]>('listPresets')).toEqual([]);
    const made = await call('createFolder', 'default', 'environments');
    expect(made.ok || made.error.code).toBe('DUPLICATE_NAME');
  });

  it('refuse a plain variable holding a GitHub token, naming it, and write nothing; marked secret, it saves', async () => {
    const { call, value, dir } = core();
    const leaky: Environment = { id: 'leaky', name: 'Leaky', variables: [{ name: 'ghToken', value: GITHUB_TOKEN, secret: false, enabled: true }] };
    const refused = await call('saveEnvironment', leaky);
    if (refused.ok) throw new Error('saved a GitHub token into a file');
    expect(refused.error).toMatchObject({ code: 'SECRET_IN_REQUEST', variables: ['ghToken'] });
    expect(refused.error.message).toBe(
      '“Leaky” was not saved: the variable “ghToken” holds a GitHub token. An environment is a file in its collection, which a team may share, and a secret never goes into one.',
    );
    expect(refused.error.hint).toMatch(/^Mark it secret/);
    expect(await filesContaining(dir, GITHUB_TOKEN)).toEqual([]);
    expect(existsSync(path.join(environmentsOf(dir), 'Leaky.env.yaml'))).toBe(false);

    await value('saveEnvironment', { ...leaky, variables: [{ ...leaky.variables[0]!, value: '', secret: true }] });
    await value('setEnvironmentSecret', 'leaky', 'ghToken', GITHUB_TOKEN);
    expect(await filesContaining(dir, GITHUB_TOKEN)).toEqual([]);
  });
});

describe('environment files changed outside Keypost', () => {
  it('are read again: the next send uses the edited value, and the page is told to list them again', async () => {
    const { value, dir, events, watching } = core();
    await value('saveEnvironment', { id: 'edited', name: 'Edited', variables: [{ name: 'baseUrl', value: 'http://127.0.0.1:9/', secret: false, enabled: true }] });
    await value('setActiveEnvironment', 'edited');
    await watching();
    // What the watcher may still say of Keypost's own write is not what this test looks for.
    await new Promise((resolve) => setTimeout(resolve, 300));
    events.length = 0;
    const file = path.join(environmentsOf(dir), 'Edited.env.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('http://127.0.0.1:9/', server.url));
    const state = await value<EnvironmentsState>('listEnvironments');
    expect(state.environments[0]!.variables[0]!.value).toBe(server.url);
    const request: RequestDocument = { ...blankRequest(), method: 'GET', url: '{{baseUrl}}/echo', auth: { kind: 'none' } };
    await value<SendResult>('send', { requestId: 'edited-1', request, timeoutMs: 5_000 });
    expect(server.received.at(-1)!.url).toBe('/echo');
    await expect.poll(() => events.includes('environmentsChanged')).toBe(true);
    // Only the environments were told: no request changed.
    expect(events).not.toContain('collectionChanged');
  });

  it('lists a file that cannot be read with the reason, and never writes over it', async () => {
    const { value, dir } = core();
    mkdirSync(environmentsOf(dir), { recursive: true });
    const broken = path.join(environmentsOf(dir), 'Broken.env.yaml');
    writeFileSync(broken, 'keypost: 1\nname: Broken\nvariables: [\n');
    const before = statSync(broken).mtimeMs;
    const state = await value<EnvironmentsState>('listEnvironments');
    expect(state.environments).toEqual([]);
    expect(state.unread).toEqual([{ collection: 'default', file: 'environments/Broken.env.yaml', reason: 'It is not valid YAML (line 4).' }]);
    // An environment saved under its name gets a file of its own.
    await value('saveEnvironment', { id: 'broken-too', name: 'Broken', variables: [] });
    expect(listed(readdirSync(environmentsOf(dir)))).toEqual(['Broken-2.env.yaml', 'Broken.env.yaml']);
    expect(readFileSync(broken, 'utf8')).toBe('keypost: 1\nname: Broken\nvariables: [\n');
    expect(statSync(broken).mtimeMs).toBe(before);
  });

  it('flags a file that arrived with a secret in a plain variable, naming the file and the variable, and leaves it as it is', async () => {
    const { value, dir } = core();
    mkdirSync(environmentsOf(dir), { recursive: true });
    const pulled = path.join(environmentsOf(dir), 'Pulled.env.yaml');
    const text = environmentFileText({ id: 'pulled', name: 'Pulled', variables: [{ name: 'deployToken', value: GITHUB_TOKEN, secret: false, enabled: true }] });
    writeFileSync(pulled, text);
    const state = await value<EnvironmentsState>('listEnvironments');
    expect(state.flagged).toEqual([{ collection: 'default', file: 'environments/Pulled.env.yaml', field: 'variable “deployToken”', kind: 'a GitHub token' }]);
    expect(readFileSync(pulled, 'utf8')).toBe(text);
  });
});

describe('several collections', () => {
  it('lists each one’s environments with their collection, and saves a new one where it is asked to go', async () => {
    const team = mkdtempSync(path.join(tmpdir(), 'keypost-team-'));
    mkdirSync(path.join(team, 'environments'));
    writeFileSync(path.join(team, 'environments', 'Shared.env.yaml'), environmentFileText({ id: 'shared', name: 'Shared', variables: [{ name: 'key', value: '', secret: true, enabled: true }] }));
    const { value } = core(tempDataDir(), async () => team);
    await value('saveEnvironment', staging);
    const opened = await value<CollectionInfo>('openCollection');
    let state = await value<EnvironmentsState>('listEnvironments');
    expect(state.collections).toEqual([{ id: 'default', name: 'My requests' }, { id: opened.id, name: path.basename(team) }]);
    expect(state.environments.map(({ name, collection }) => [name, collection])).toEqual([['Staging', 'default'], ['Shared', opened.id]]);
    // A teammate's secret variable has no value here yet: the page shows which ones to fill in.
    expect(state.storedSecrets.shared).toEqual([]);

    await value('saveEnvironment', { id: 'team-new', name: 'Team QA', variables: [], collection: opened.id });
    expect(listed(readdirSync(path.join(team, 'environments')))).toEqual(['Shared.env.yaml', 'Team QA.env.yaml']);
    await value('closeCollection', opened.id);
    state = await value<EnvironmentsState>('listEnvironments');
    expect(state.environments.map((environment) => environment.name)).toEqual(['Staging']);
  });
});

describe('the move from keypost-environments.json', () => {
  // Written by the environments code of 9d5502b (the last build that kept environments in this file), through conf:
  // four saveEnvironment calls (a secret typed into one, blanked by that code) and setActive.
  const legacy = JSON.parse(readFileSync(LEGACY, 'utf8')) as { environments: Environment[]; activeId: string };
  const account = `${legacy.environments[0]!.id}/apiToken`;

  it('makes each environment a file in the default collection, losslessly; the old file is kept, and secret values stay', async () => {
    const dir = tempDataDir();
    copyFileSync(LEGACY, path.join(dir, 'keypost-environments.json'));
    await keytar.setPassword(envService, account, SECRET);
    const { value } = core(dir);
    const state = await value<EnvironmentsState>('listEnvironments');
    const byId = (list: Environment[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(state.environments)).toEqual(byId(legacy.environments.map((environment) => ({ ...environment, collection: 'default' }))));
    expect(state.activeId).toBe(legacy.activeId);
    expect(state.storedSecrets[legacy.environments[0]!.id]).toEqual(['apiToken']);
    expect(listed(readdirSync(environmentsOf(dir)))).toEqual(['Production.env.yaml', 'QA - EU- blue.env.yaml', 'Staging-2.env.yaml', 'Staging.env.yaml']);
    expect(await filesContaining(environmentsOf(dir), 'typed-as-a-secret')).toEqual([]);

    expect(state.moved).toMatchObject({ count: 4, folder: environmentsOf(dir) });
    expect(readFileSync(state.moved!.oldFile, 'utf8')).toBe(readFileSync(LEGACY, 'utf8'));
    expect(JSON.parse(readFileSync(path.join(dir, 'keypost-environments.json'), 'utf8'))).toEqual({ activeId: legacy.activeId });

    // The secret value moved with nothing to do: a send with the moved (then activated) environment uses it.
    await value('saveEnvironment', { ...legacy.environments[0]!, variables: [{ name: 'baseUrl', value: server.url, secret: false, enabled: true }, legacy.environments[0]!.variables[1]!] });
    await value('setActiveEnvironment', legacy.environments[0]!.id);
    const request: RequestDocument = { ...blankRequest(), method: 'GET', url: '{{baseUrl}}/echo?key={{apiToken}}', auth: { kind: 'none' } };
    await value<SendResult>('send', { requestId: 'moved-1', request, timeoutMs: 5_000 });
    expect(server.received.at(-1)!.url).toBe(`/echo?key=${SECRET}`);
  });

  it('runs once: a restart moves nothing again, and a move that stopped part way writes no environment twice', async () => {
    const dir = tempDataDir();
    copyFileSync(LEGACY, path.join(dir, 'keypost-environments.json'));
    const first = await core(dir).value<EnvironmentsState>('listEnvironments');
    const files = () => Object.fromEntries(readdirSync(environmentsOf(dir)).map((name) => [name, readFileSync(path.join(environmentsOf(dir), name), 'utf8')]));
    const written = files();
    const again = await core(dir).value<EnvironmentsState>('listEnvironments');
    expect(again.moved).toBeUndefined();
    expect(again.environments).toEqual(first.environments);
    expect(files()).toEqual(written);

    // The old file back, as if the move had stopped before setting it aside: what is already a file is not written again.
    copyFileSync(LEGACY, path.join(dir, 'keypost-environments.json'));
    const resumed = await core(dir).value<EnvironmentsState>('listEnvironments');
    expect(resumed.environments).toEqual(first.environments);
    expect(files()).toEqual(written);
  });
});
