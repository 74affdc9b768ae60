// The preset store over conf (electron-store's backend) in real temp dirs: CRUD, names, validation, migration, recovery.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Preset, PresetDraft } from '../../shared/presets';
import { STORE_SCHEMA_VERSION } from '../../shared/storeFile';
import { STORE_NAME } from '../../electron/core/presets/presetStoreFile';
import { openSettings, openStore } from '../fixtures/presetStore';
import { jsonDocument, type JsonRequest } from '../fixtures/sendJson';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'keypost-store-test-'));
const storeFile = (dir: string) => path.join(dir, `${STORE_NAME}.json`);
const backups = (dir: string) => readdirSync(dir).filter((name) => name.includes('.corrupt-'));
const draft = (name: string, extra: Partial<JsonRequest> = {}): PresetDraft => ({
  name,
  request: jsonDocument({ url: `https://api.example.com/${encodeURIComponent(name)}`, body: '{"a":1}', credential: 'staging', ...extra }),
});
/** A preset as the store file of version 2 held it (and export files of version 1 still do): flat fields. */
const flatPreset = (name: string, id = `id-${name}`) => ({ id, name, url: `https://api.example.com/${name}`, method: 'POST', body: '{"a":1}', credential: 'staging', updatedAt: 1 });
const value = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code);
const validPreset = (name: string, id = `id-${name}`): Preset => ({ ...draft(name), id, updatedAt: 1 });

describe('preset store', () => {
  it('creates, reads, updates and lists presets, and they are all there after reopening', () => {
    const dir = tempDir();
    const store = openStore(dir);
    const beta = value(store.create(draft('beta', { method: 'PUT', body: '{"b":2}' })));
    value(store.create(draft('Alpha')));
    value(store.update(beta.id, draft('beta', { url: 'https://api.example.com/v2', credential: 'prod' })));

    const reopened = openStore(dir);
    expect(reopened.list().map((p) => p.name)).toEqual(['Alpha', 'beta']);
    const read = value(reopened.get(beta.id));
    expect(read).toMatchObject({ name: 'beta', request: { url: 'https://api.example.com/v2', auth: { credential: 'prod' }, method: 'POST' } });
    expect(JSON.parse(readFileSync(storeFile(dir), 'utf8')).schemaVersion).toBe(STORE_SCHEMA_VERSION);
    expect(reopened.status()).toEqual({ backupPath: null, problems: [], migratedFrom: null });
  });

  it('refuses a second preset with the same name, ignoring case and spaces', () => {
    const store = openStore(tempDir());
    value(store.create(draft('Orders')));
    const other = value(store.create(draft('Users')));
    expect(codeOf(store.create(draft('orders')))).toBe('DUPLICATE_NAME');
    expect(codeOf(store.rename(other.id, ' ORDERS '))).toBe('DUPLICATE_NAME');
    expect(codeOf(store.update(other.id, draft('Orders')))).toBe('DUPLICATE_NAME');
    expect(value(store.rename(other.id, 'Customers')).name).toBe('Customers');
    expect(store.list().map((p) => p.name)).toEqual(['Customers', 'Orders']);
  });

  it('duplicates under a free name and keeps everything but the id', () => {
    const store = openStore(tempDir());
    const original = value(store.create(draft('Orders', { body: '{"x":true}' })));
    const first = value(store.duplicate(original.id));
    const second = value(store.duplicate(original.id));
    expect([first.name, second.name]).toEqual(['Orders copy', 'Orders copy (2)']);
    expect(first.id).not.toBe(original.id);
    expect(value(store.get(first.id)).request.body).toEqual({ kind: 'json', text: '{"x":true}' });
  });

  it('deletes a preset and restores it on undo, renamed if its name was taken meanwhile', () => {
    const dir = tempDir();
    const store = openStore(dir);
    const orders = value(store.create(draft('Orders')));
    const deleted = value(store.remove(orders.id));
    expect(store.list()).toEqual([]);
    expect(codeOf(store.get(orders.id))).toBe('NOT_FOUND');

    expect(value(store.restore(deleted))).toMatchObject({ id: orders.id, name: 'Orders' });
    value(store.remove(orders.id));
    value(store.create(draft('Orders')));
    expect(value(store.restore(deleted)).name).toBe('Orders (2)');
    expect(openStore(dir).list().map((p) => p.name)).toEqual(['Orders', 'Orders (2)']);
  });

  it('tracks which presets use each credential and moves them to a renamed one', () => {
    const dir = tempDir();
    const store = openStore(dir);
    value(store.create(draft('A', { credential: 'staging' })));
    value(store.create(draft('B', { credential: 'prod' })));
    value(store.create(draft('C', { credential: 'staging' })));
    expect(Object.fromEntries(store.credentialUsage())).toEqual({ staging: ['A', 'C'], prod: ['B'] });

    expect(value(store.retargetCredential('staging', 'stage-eu'))).toBe(2);
    const reopened = openStore(dir);
    expect(Object.fromEntries(reopened.credentialUsage())).toEqual({ 'stage-eu': ['A', 'C'], prod: ['B'] });
  });

  it('imports with rename or replace on name conflicts', () => {
    const store = openStore(tempDir());
    const existing = value(store.create(draft('Orders', { url: 'https://old.example.com' })));
    expect(store.conflicts(['orders', 'New'])).toEqual(['orders']);

    expect(value(store.importDrafts([draft('Orders', { url: 'https://renamed.example.com' }), draft('New')], 'rename'))).toEqual({
      added: 1,
      replaced: 0,
      renamed: 1,
    });
    expect(store.list().map((p) => p.name)).toEqual(['New', 'Orders', 'Orders (2)']);

    expect(value(store.importDrafts([draft('Orders', { url: 'https://replaced.example.com' })], 'replace'))).toEqual({
      added: 0,
      replaced: 1,
      renamed: 0,
    });
    expect(value(store.get(existing.id)).request.url).toBe('https://replaced.example.com');
    expect(store.list()).toHaveLength(3);
  });

  it('says so and changes nothing when the file cannot be written', () => {
    const dir = tempDir();
    const store = openStore(dir);
    value(store.create(draft('Kept')));
    // A directory where the file should be: the atomic rename onto it fails, even for root.
    rmSync(storeFile(dir));
    mkdirSync(path.join(storeFile(dir), 'blocker'), { recursive: true });
    const result = store.create(draft('Lost'));
    expect(codeOf(result)).toBe('STORE_WRITE_FAILED');
    expect(store.list().map((p) => p.name)).toEqual(['Kept']);
  });
});

describe('loading a store file', () => {
  it('migrates a version 1 file: presets get the default credential, settings move under "settings"', () => {
    const dir = tempDir();
    const v1 = {
      schemaVersion: 1,
      presets: [{ id: 'p1', name: 'Legacy', url: 'https://legacy.example.com', method: 'PATCH', body: '{}' }],
      lastPresetId: 'p1',
    };
    writeFileSync(storeFile(dir), JSON.stringify(v1));
    expect(openSettings(dir).get()).toMatchObject({ lastPresetId: 'p1', selectedCredential: 'default' });
    const store = openStore(dir);
    expect(store.status()).toMatchObject({ migratedFrom: 1, backupPath: null, problems: [] });
    expect(value(store.get('p1'))).toMatchObject({ name: 'Legacy', request: { method: 'PATCH', auth: { kind: 'bearer', credential: 'default' } } });
    const onDisk = JSON.parse(readFileSync(storeFile(dir), 'utf8'));
    expect(onDisk.schemaVersion).toBe(STORE_SCHEMA_VERSION);
    expect(onDisk.presets[0].request.auth.credential).toBe('default');
    expect(openStore(dir).status().migratedFrom).toBeNull();
  });

  it('migrates a version 2 file (flat presets) to request documents that send exactly what they sent', () => {
    const dir = tempDir();
    const v2 = {
      schemaVersion: 2,
      presets: [
        { ...flatPreset('Query'), url: 'https://api.example.com/items?b=2&a=%20x+y&flag#top', method: 'GET', body: '' },
        { ...flatPreset('Opt-ins'), url: 'http://10.0.0.5:8080/v1', allowPlainHttp: true, allowSelfSignedTls: false, credential: 'prod' },
      ],
      settings: { lastPresetId: 'id-Query', selectedCredential: 'prod', windowBounds: null, bodyLimitMb: 5 },
    };
    writeFileSync(storeFile(dir), JSON.stringify(v2));
    expect(openSettings(dir).get()).toMatchObject({ lastPresetId: 'id-Query', selectedCredential: 'prod', bodyLimitMb: 5 });
    const store = openStore(dir);
    expect(store.status()).toMatchObject({ migratedFrom: 2, backupPath: null, problems: [] });
    expect(value(store.get('id-Query')).request).toEqual({
      method: 'GET',
      url: 'https://api.example.com/items#top',
      query: [
        { name: 'b', value: '2', enabled: true },
        { name: 'a', value: '%20x+y', enabled: true },
        { name: 'flag', value: null, enabled: true },
      ],
      headers: [],
      body: { kind: 'json', text: '' },
      auth: { kind: 'bearer', credential: 'staging' },
      options: {},
    });
    expect(store.list().find((p) => p.name === 'Query')?.url).toBe('https://api.example.com/items?b=2&a=%20x+y&flag#top');
    expect(value(store.get('id-Opt-ins')).request).toMatchObject({ url: 'http://10.0.0.5:8080/v1', auth: { credential: 'prod' }, options: { allowPlainHttp: true } });
  });

  it('takes a secret value out of a preset on load, says so, and keeps no copy of the file with it', () => {
    const dir = tempDir();
    const secret = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const withSecret = { ...validPreset('Leaky'), request: { ...validPreset('Leaky').request, headers: [{ name: 'Authorization', value: `token ${secret}`, enabled: true }] } };
    writeFileSync(storeFile(dir), JSON.stringify({ schemaVersion: STORE_SCHEMA_VERSION, presets: [withSecret, validPreset('Clean')] }));
    const store = openStore(dir);
    expect(value(store.get('id-Leaky')).request.headers).toEqual([{ name: 'Authorization', value: '', enabled: true }]);
    expect(store.status().problems.join(' ')).toContain('“Leaky”');
    expect(store.status().backupPath).toBeNull();
    expect(readdirSync(dir).map((file) => readFileSync(path.join(dir, file), 'utf8')).join('')).not.toContain(secret);
  });

  it('keeps the valid presets of a hand-edited file, drops the invalid ones, and backs up the original bytes', () => {
    const dir = tempDir();
    const original = JSON.stringify(
      {
        schemaVersion: STORE_SCHEMA_VERSION,
        presets: [
          validPreset('Good'),
          { ...validPreset('Bad method'), request: { ...validPreset('x').request, method: 'TRACE' } },
          { name: 'No url' },
          validPreset('Also good'),
        ],
        settings: { lastPresetId: 'id-Good', selectedCredential: '../etc', windowBounds: null },
      },
      null,
      2,
    );
    writeFileSync(storeFile(dir), original);
    const settings = openSettings(dir);
    expect(settings.get()).toMatchObject({ lastPresetId: 'id-Good', selectedCredential: null });
    expect(settings.problems().join(' ')).toContain('Invalid settings were reset: selectedCredential.');
    const store = openStore(dir, () => Date.parse('2026-01-02T03:04:05.678Z'));

    expect(store.list().map((p) => p.name)).toEqual(['Also good', 'Good']);
    const status = store.status();
    expect(status.backupPath).toBe(path.join(dir, `${STORE_NAME}.corrupt-2026-01-02T03-04-05-678Z.json`));
    expect(readFileSync(status.backupPath!, 'utf8')).toBe(original);
    expect(status.problems.join(' ')).toContain('2 presets were invalid');
    // The repaired file is what the next start reads: no second backup, no notice.
    const next = openStore(dir);
    expect(next.status().backupPath).toBeNull();
    expect(backups(dir)).toHaveLength(1);
  });

  it('backs up a truncated file byte for byte and keeps the presets that were complete', () => {
    const dir = tempDir();
    const full = JSON.stringify({ schemaVersion: STORE_SCHEMA_VERSION, presets: [validPreset('First'), validPreset('Second'), validPreset('Third')] });
    const truncated = full.slice(0, full.indexOf('Third') + 3);
    writeFileSync(storeFile(dir), truncated);
    const store = openStore(dir);

    expect(store.list().map((p) => p.name)).toEqual(['First', 'Second']);
    expect(readFileSync(store.status().backupPath!, 'utf8')).toBe(truncated);
    expect(store.status().problems[0]).toContain('not valid JSON');
    expect(JSON.parse(readFileSync(storeFile(dir), 'utf8')).presets).toHaveLength(2);
  });

  it('starts empty from a file of garbage bytes, with the exact bytes in the backup', () => {
    const dir = tempDir();
    const garbage = Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80, 0x81, 0x22, 0x0a]);
    writeFileSync(storeFile(dir), garbage);
    const store = openStore(dir);
    expect(store.list()).toEqual([]);
    expect(readFileSync(store.status().backupPath!).equals(garbage)).toBe(true);
    value(store.create(draft('Fresh start')));
    expect(openStore(dir).list().map((p) => p.name)).toEqual(['Fresh start']);
  });

  it('backs up a file from a newer version before rewriting it', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ schemaVersion: 9, presets: [validPreset('Future')], hologram: true });
    writeFileSync(storeFile(dir), newer);
    const store = openStore(dir);
    expect(store.list().map((p) => p.name)).toEqual(['Future']);
    expect(readFileSync(store.status().backupPath!, 'utf8')).toBe(newer);
    expect(store.status().problems[0]).toContain('newer Keypost');
  });

  it('renames duplicate names found in a hand-edited file instead of losing one', () => {
    const dir = tempDir();
    writeFileSync(storeFile(dir), JSON.stringify({ schemaVersion: STORE_SCHEMA_VERSION, presets: [validPreset('Same', 'a'), validPreset('same', 'b')] }));
    const store = openStore(dir);
    expect(store.list().map((p) => p.name)).toEqual(['Same', 'same (2)']);
    expect(store.status().backupPath).not.toBeNull();
  });

  it('reads no file and writes none until something is saved', () => {
    const dir = tempDir();
    const store = openStore(dir);
    expect(store.list()).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });
});
