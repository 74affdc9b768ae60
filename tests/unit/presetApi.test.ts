// Preset, credential and export/import calls through the real dispatch, with the real keychain and real files.
import keytar from 'keytar';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import { DEFAULT_PLACE } from '../../shared/collections';
import type { Preset, PresetDraft } from '../../shared/presets';
import { testCore } from '../fixtures/presetStore';
import { jsonDocument } from '../fixtures/sendJson';
import { forgetKeychain } from '../fixtures/keychain';
import { textsUnder } from '../fixtures/collectionFiles';

const services: string[] = [];

afterAll(async () => {
  for (const service of services) {
    await forgetKeychain(service);
  }
});

/** A fresh app core: its own store dir, keychain service, and the paths the "dialogs" answer. */
function core() {
  const dir = mkdtempSync(path.join(tmpdir(), 'keypost-api-test-'));
  const service = `Keypost-unit-presets-${process.pid}-${services.length}`;
  services.push(service);
  const exportPath = path.join(dir, 'out', 'export.json');
  const importPath = path.join(dir, 'in', 'import.json');
  mkdirSync(path.dirname(exportPath));
  mkdirSync(path.dirname(importPath));
  const { call, settings } = testCore({
    dir,
    keychainService: service,
    // Like a dialog: the import "choice" is cancelled until the test puts a file there.
    host: { transferFiles: { chooseExportPath: async () => exportPath, chooseImportPath: async () => (existsSync(importPath) ? importPath : null) } },
  });
  return { dir, service, exportPath, importPath, call, settings };
}
/** The top of the default collection: where a request is saved unless the page says otherwise. */
const TOP = DEFAULT_PLACE;
const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const codeOf = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);
const draft = (name: string, credential = 'staging'): PresetDraft => ({
  name,
  request: jsonDocument({ url: 'https://api.example.com/items', body: '{"n":1}', credential }),
});

describe('preset calls', () => {
  it('validates every argument before the store sees it', async () => {
    const { call } = core();
    expect(codeOf(await call('createPreset', draft('x'.repeat(101)), TOP))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await call('createPreset', draft('   '), TOP))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await call('createPreset', { ...draft('With token'), token: 'tok-should-never-be-stored' }, TOP))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await call('createPreset', draft('Bad credential', '../etc'), TOP))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await call('renamePreset', 'some-id', 'line\nbreak'))).toBe('INVALID_ARGUMENT');
    // A place is a folder inside a collection, never a path out of it, nor a hidden folder.
    expect(codeOf(await call('createPreset', draft('Outside'), { collection: 'default', folder: '../outside' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await call('createPreset', draft('Hidden'), { collection: 'default', folder: '.git' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await call('createPreset', draft('No place')))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await call('createFolder', 'default', 'a/../../b'))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await call('createFolder', 'default', ''))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await call('moveFolder', 'default', 'a', 'C:\\temp'))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await call('updateSettings', { windowBounds: { x: 0, y: 0, width: 1, height: 1, maximized: false } }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(value(await call('listPresets'))).toEqual([]);
  });

  it('trims names and answers the saved preset', async () => {
    const { call } = core();
    const saved = value(await call<{ name: string; id: string }>('createPreset', draft('  Orders  '), TOP));
    expect(saved.name).toBe('Orders');
    expect(value(await call('getSettings'))).toMatchObject({ lastPresetId: null, selectedCredential: null, bodyLimitMb: 100 });
    expect(value(await call('updateSettings', { lastPresetId: saved.id }))).toMatchObject({ lastPresetId: saved.id, selectedCredential: null, bodyLimitMb: 100 });
  });

  it('forgets the last open preset when it is deleted, so the next start does not look for it', async () => {
    const { dir, call } = core();
    const saved = value(await call<{ id: string }>('createPreset', draft('Orders'), TOP));
    value(await call('updateSettings', { lastPresetId: saved.id }));
    value(await call('deletePreset', saved.id));
    expect(value(await testCore({ dir, keychainService: 'Keypost-unit-unused' }).call('getSettings'))).toMatchObject({ lastPresetId: null });
  });
});

describe('collection and folder calls', () => {
  it('makes, moves and deletes folders, answering what was kept, and forgets the last open preset deleted with one', async () => {
    const { dir, call } = core();
    value(await call('createFolder', 'default', 'Team'));
    const inside = value(await call<Preset>('createPreset', draft('Orders'), { collection: 'default', folder: 'Team' }));
    writeFileSync(path.join(dir, 'collection', 'Team', 'README.md'), 'kept\n');
    value(await call('updateSettings', { lastPresetId: inside.id }));
    expect(value(await call('moveFolder', 'default', 'Team', 'Crew'))).toBe('Crew');
    expect(value(await call<Preset>('getPreset', inside.id)).folder).toBe('Crew');
    expect(value(await call('deleteFolder', 'default', 'Crew'))).toEqual({ removed: 1, keptFiles: 1 });
    expect(value(await call('getSettings'))).toMatchObject({ lastPresetId: null });
    expect(value(await call<Array<{ folders: string[] }>>('listCollections'))[0]!.folders).toEqual(['Crew']);
  });

  it('opens the folder main asks for (none when cancelled), and closes it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'keypost-api-test-'));
    const checkout = path.join(dir, 'checkout');
    mkdirSync(checkout);
    let chosen: string | null = null;
    const { call, close } = testCore({ dir, keychainService: 'Keypost-unit-unused', host: { chooseFolder: async () => chosen } });
    expect(value(await call('openCollection'))).toBeNull();
    chosen = checkout;
    const opened = value(await call<{ id: string; name: string }>('openCollection'));
    expect(opened.name).toBe('checkout');
    expect(value(await call<Array<{ id: string }>>('listCollections')).map((info) => info.id)).toEqual(['default', opened.id]);
    value(await call('closeCollection', opened.id));
    expect(codeOf(await call('closeCollection', 'default'))).toBe('INVALID_ARGUMENT');
    expect(value(await call<Array<{ id: string }>>('listCollections')).map((info) => info.id)).toEqual(['default']);
    await close();
  });
});

describe('credential calls (real keychain)', () => {
  it('lists keychain credentials with the presets that use them, and names presets use that are missing', async () => {
    const { call } = core();
    value(await call('setToken', 'staging', 'tok-list-staging'));
    value(await call('setToken', 'unused', 'tok-list-unused'));
    value(await call('createPreset', draft('Orders', 'staging'), TOP));
    value(await call('createPreset', draft('Billing', 'staging'), TOP));
    value(await call('createPreset', draft('Audit', 'prod'), TOP));
    expect(value(await call('listCredentials'))).toEqual([
      { name: 'prod', stored: false, usedBy: ['Audit'], origins: null },
      { name: 'staging', stored: true, usedBy: ['Billing', 'Orders'], origins: null },
      { name: 'unused', stored: true, usedBy: [], origins: null },
    ]);
  });

  it('renames a credential: the token moves in the keychain and presets follow', async () => {
    const { call, service } = core();
    value(await call('setToken', 'staging', 'tok-rename-1'));
    value(await call('setToken', 'prod', 'tok-rename-2'));
    const orders = value(await call<{ id: string }>('createPreset', draft('Orders', 'staging'), TOP));
    value(await call('updateSettings', { selectedCredential: 'staging' }));

    expect(codeOf(await call('renameCredential', 'staging', 'prod'))).toBe('DUPLICATE_NAME');
    expect(await keytar.getPassword(service, 'staging')).toBe('tok-rename-1');

    expect(value(await call('renameCredential', 'staging', 'staging-eu'))).toEqual({ updatedPresets: 1 });
    expect(await keytar.getPassword(service, 'staging')).toBeNull();
    expect(await keytar.getPassword(service, 'staging-eu')).toBe('tok-rename-1');
    expect(value(await call<Preset>('getPreset', orders.id)).request.auth).toEqual({ kind: 'bearer', credential: 'staging-eu' });
    expect(value(await call<{ selectedCredential: string }>('getSettings')).selectedCredential).toBe('staging-eu');
  });

  it('replaces and deletes a credential, after which presets show it as missing', async () => {
    const { call, service } = core();
    value(await call('setToken', 'prod', 'tok-old'));
    value(await call('setToken', 'prod', 'tok-new'));
    expect(await keytar.getPassword(service, 'prod')).toBe('tok-new');
    value(await call('createPreset', draft('Audit', 'prod'), TOP));
    expect(value(await call('deleteToken', 'prod'))).toBe(true);
    expect(value(await call('listCredentials'))).toEqual([{ name: 'prod', stored: false, usedBy: ['Audit'], origins: null }]);
  });
});

describe('export and import', () => {
  it('exports the chosen presets without ids or tokens, and imports them elsewhere', async () => {
    const source = core();
    value(await source.call('setToken', 'staging', 'tok-export-secret-1'));
    const orders = value(await source.call<{ id: string }>('createPreset', draft('Orders', 'staging'), TOP));
    value(await source.call('createPreset', draft('Not exported'), TOP));
    const billing = value(await source.call<{ id: string }>('createPreset', { name: 'Billing', request: jsonDocument({ url: 'https://api.example.com/items', method: 'PUT', body: '{"b":true}', credential: 'prod' }) }, TOP));

    expect(value(await source.call('exportPresets', [orders.id, billing.id]))).toEqual({ path: source.exportPath, count: 2 });
    const text = readFileSync(source.exportPath, 'utf8');
    expect(text).not.toContain('tok-export-secret-1');
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'keypost-presets', version: 2 });
    expect(file.presets).toEqual([
      { name: 'Billing', request: jsonDocument({ url: 'https://api.example.com/items', method: 'PUT', body: '{"b":true}', credential: 'prod' }) },
      { name: 'Orders', request: jsonDocument({ url: 'https://api.example.com/items', body: '{"n":1}', credential: 'staging' }) },
    ]);
    expect(readdirSync(path.dirname(source.exportPath))).toEqual(['export.json']);

    const target = core();
    value(await target.call('setToken', 'prod', 'tok-target-prod'));
    value(await target.call('createPreset', draft('Orders', 'prod'), TOP));
    writeFileSync(target.importPath, text);
    const preview = value(await target.call<{ conflicts: string[]; missingCredentials: string[]; presets: PresetDraft[] }>('readImportFile'));
    expect(preview).toMatchObject({ fileName: 'import.json', skipped: 0, conflicts: ['Orders'], missingCredentials: ['staging'] });

    expect(value(await target.call('importPresets', preview.presets, 'rename'))).toEqual({ added: 1, replaced: 0, renamed: 1 });
    const names = value(await target.call<Array<{ name: string; credential: string }>>('listPresets'));
    expect(names.map((p) => `${p.name}:${p.credential}`)).toEqual(['Billing:prod', 'Orders:prod', 'Orders (2):staging']);
  });

  it('reads a version 1 export (flat presets) as the request documents the store would migrate them to', async () => {
    const { call, importPath } = core();
    const flat = { name: 'Old', url: 'http://127.0.0.1:8080/items?page=2', method: 'DELETE', body: '{}', credential: 'prod', allowPlainHttp: true };
    writeFileSync(importPath, JSON.stringify({ format: 'keypost-presets', version: 1, presets: [flat] }));
    const preview = value(await call<{ presets: PresetDraft[] }>('readImportFile'));
    expect(preview.presets).toEqual([
      {
        name: 'Old',
        request: {
          method: 'DELETE',
          url: 'http://127.0.0.1:8080/items',
          query: [{ name: 'page', value: '2', enabled: true }],
          headers: [],
          body: { kind: 'json', text: '{}' },
          auth: { kind: 'bearer', credential: 'prod' },
          options: { allowPlainHttp: true },
        },
      },
    ]);
  });

  it('drops unknown fields such as a hand-added token, and skips entries with one inside the request', async () => {
    const { call, importPath, dir } = core();
    writeFileSync(
      importPath,
      JSON.stringify({
        format: 'keypost-presets',
        version: 2,
        presets: [
          { ...draft('Imported'), token: 'tok-smuggled-in' },
          { name: 'Smuggled', request: { ...draft('x').request, token: 'tok-smuggled-in' } },
          { name: 'Broken', request: { ...draft('x').request, method: 'TRACE' } },
        ],
      }),
    );
    const preview = value(await call<{ presets: PresetDraft[]; skipped: number }>('readImportFile'));
    expect(preview.skipped).toBe(2);
    expect(preview.presets).toEqual([draft('Imported')]);
    value(await call('importPresets', preview.presets, 'rename'));
    const written = textsUnder(dir);
    expect(written['collection/Imported.request.yaml']).toContain('name: Imported');
    expect(Object.entries(written).filter(([file, text]) => text.includes('tok-smuggled-in') && file !== 'in/import.json')).toEqual([]);
  });

  it.each([
    ['not JSON', '{"format": "keypost-presets", ', 'not valid JSON'],
    ['another format', '{"format": "postman", "version": 1, "presets": []}', 'lacks the "format"'],
    ['no valid presets', '{"format": "keypost-presets", "version": 1, "presets": [{"name": 1}]}', 'no valid presets'],
  ])('refuses an import file that is %s, saying why', async (_label, content, why) => {
    const { call, importPath } = core();
    writeFileSync(importPath, content);
    const result = await call('readImportFile');
    expect(codeOf(result)).toBe('IMPORT_INVALID');
    expect(!result.ok && result.error.message).toContain(why);
    expect(value(await call('listPresets'))).toEqual([]);
  });

  it('answers null when the user cancels the file dialog', async () => {
    const { call } = core();
    expect(value(await call('readImportFile'))).toBeNull();
  });
});
