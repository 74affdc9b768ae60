// The one-time move (moveStoreFile.ts): the presets file of builds before collections (keypost-store.json) becomes
// one request file per preset in the default collection, losslessly, then goes aside; a damaged file is backed up
// first and what could be read moves. Files that shipped builds wrote are written by the shipped writer (conf with
// the app's options); only files of versions no shipped code writes any more are written by hand.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { moveStoreFile } from '../../electron/core/collections/moveStoreFile';
import { STORE_NAME } from '../../electron/core/collections/presetStoreFile';
import { DEFAULT_COLLECTION } from '../../shared/collections';
import type { StoredPreset } from '../../shared/presets';
import type { RequestDocument } from '../../shared/request';
import { STORE_SCHEMA_VERSION } from '../../shared/storeFile';
import { codeOf, filesUnder, makeReadOnly, NO_READ_ONLY_FOLDER, textsUnder, value } from '../fixtures/collectionFiles';
import { collectionDir, confBackend, openSettings, openStore, testCore, writeOldStoreFile } from '../fixtures/presetStore';
import { jsonDocument } from '../fixtures/sendJson';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'keypost-move-test-'));
const storeFile = (dir: string) => path.join(dir, `${STORE_NAME}.json`);
const besideStore = (dir: string, kind: 'moved' | 'corrupt') => readdirSync(dir).filter((name) => name.startsWith(`${STORE_NAME}.${kind}-`));
const T = Date.parse('2025-03-04T05:06:07.089Z');

/** A preset as the presets file held it (version 3): id, name, request document, updatedAt. */
const stored = (name: string, request: Partial<RequestDocument> = {}, id = `id-${name}`, updatedAt = T): StoredPreset => ({
  id,
  name,
  request: { ...jsonDocument({ url: `https://api.example.com/${encodeURIComponent(name)}`, body: '{"a":1}', credential: 'staging' }), ...request },
  updatedAt,
});
/** A preset as the presets file of version 2 held it (and export files of version 1 still do): flat fields. */
const flatPreset = (name: string, id = `id-${name}`) => ({ id, name, url: `https://api.example.com/${name}`, method: 'POST', body: '{"a":1}', credential: 'staging', updatedAt: 1 });

/** Every kind of field a preset can hold, each set to something other than its default. */
const everyField: StoredPreset[] = [
  stored('Orders', {
    method: 'GET',
    url: 'https://api.example.com/orders#top',
    query: [
      { name: 'page', value: '2', enabled: true },
      { name: 'flag', value: null, enabled: true },
      { name: 'q', value: '%20a+b', enabled: false },
    ],
    headers: [
      { name: 'Accept', value: 'application/json', enabled: true },
      { name: 'X-Off', value: 'off', enabled: false },
    ],
    body: { kind: 'none' },
    auth: { kind: 'bearer', credential: 'prod eu' },
    options: { allowSelfSignedTls: true },
  }, 'b4f5c1de-0000-4000-8000-000000000001', T + 1),
  stored('Form login', { body: { kind: 'form', fields: [{ name: 'user', value: 'ada', enabled: true }, { name: 'remember', value: '1', enabled: false }] }, auth: { kind: 'basic', credential: 'login', username: 'ada' } }, 'id-form', T + 2),
  stored('Upload', { body: { kind: 'multipart', parts: [{ kind: 'text', name: 'title', value: 'Report\nQ1', enabled: true }, { kind: 'file', name: 'file', path: '/home/ada/report.pdf', enabled: true }] }, auth: { kind: 'apiKey', credential: 'uploads', in: 'query', name: 'key' } }, 'id-upload', T + 3),
  stored('Plain text', { body: { kind: 'text', text: '  indented\r\ntrailing  \n\ttab\n' }, auth: { kind: 'none' }, options: { allowPlainHttp: true } }, 'id-text', T + 4),
  stored('a/b: c?', {}, 'id-unsafe', T + 5),
];

describe('moving the presets file of older builds into the default collection', () => {
  it('writes every preset as a request file with every field, its id and its time, and sets the old file aside untouched', async () => {
    const dir = tempDir();
    writeOldStoreFile(dir, { schemaVersion: STORE_SCHEMA_VERSION, presets: everyField });
    const original = readFileSync(storeFile(dir));

    const store = openStore(dir);
    const { moved, ...status } = store.status();
    expect(status).toEqual({ backupPath: null, problems: [], migratedFrom: null });
    expect(moved).toEqual({ count: everyField.length, folder: collectionDir(dir), oldFile: expect.stringMatching(/keypost-store\.moved-[0-9T-]+Z\.json$/) });
    expect(path.dirname(moved!.oldFile)).toBe(dir);
    expect(readFileSync(moved!.oldFile).equals(original)).toBe(true);
    expect(existsSync(storeFile(dir))).toBe(false);

    expect(filesUnder(collectionDir(dir))).toEqual(['Form login.request.yaml', 'Orders.request.yaml', 'Plain text.request.yaml', 'Upload.request.yaml', 'a-b- c-.request.yaml']);
    for (const preset of everyField) expect(value(store.get(preset.id))).toEqual({ ...preset, collection: DEFAULT_COLLECTION, folder: '' });
    expect(Math.trunc(statSync(path.join(collectionDir(dir), 'Orders.request.yaml')).mtimeMs)).toBe(T + 1);

    // The app's startup notice says so.
    const appDir = tempDir();
    writeOldStoreFile(appDir, { schemaVersion: STORE_SCHEMA_VERSION, presets: everyField });
    const core = testCore({ dir: appDir, keychainService: 'Keypost-unit-unused' });
    expect(value(await core.call('storeStatus'))).toMatchObject({ moved: { count: everyField.length, folder: collectionDir(appDir) } });
    await core.close();
  });

  it('moves once: the next start reads the files, and finds nothing left to move', () => {
    const dir = tempDir();
    writeOldStoreFile(dir, { schemaVersion: STORE_SCHEMA_VERSION, presets: everyField });
    openStore(dir);
    const files = textsUnder(collectionDir(dir));
    const again = openStore(dir);
    expect(again.status()).toEqual({ backupPath: null, problems: [], migratedFrom: null });
    expect(again.list().map((p) => p.id).sort()).toEqual(everyField.map((p) => p.id).sort());
    expect(textsUnder(collectionDir(dir))).toEqual(files);
    expect(besideStore(dir, 'moved')).toHaveLength(1);
  });

  it('finishes a move that stopped part way without writing a preset twice', () => {
    const dir = tempDir();
    writeOldStoreFile(dir, { schemaVersion: STORE_SCHEMA_VERSION, presets: everyField });
    const first = moveStoreFile(confBackend(dir), collectionDir(dir), undefined, new Date('2026-01-01T00:00:00Z'));
    // As if it stopped after three files: the old file still where it was, two presets not yet written.
    copyFileSync(first.moved!.oldFile, storeFile(dir));
    rmSync(path.join(collectionDir(dir), 'Upload.request.yaml'));
    rmSync(path.join(collectionDir(dir), 'Plain text.request.yaml'));

    const store = openStore(dir);
    expect(store.status().moved?.count).toBe(everyField.length);
    expect(store.list().map((p) => p.id).sort()).toEqual(everyField.map((p) => p.id).sort());
    expect(filesUnder(collectionDir(dir))).toHaveLength(everyField.length);
    expect(value(store.get('id-upload'))).toEqual({ ...everyField[2], collection: DEFAULT_COLLECTION, folder: '' });
    expect(besideStore(dir, 'moved')).toHaveLength(2);
  });

  it('moves beside requests already in the collection, under file names of their own', () => {
    const dir = tempDir();
    const before = openStore(dir);
    const mine = value(before.create({ name: 'Orders', request: jsonDocument({ url: 'https://mine.example.com' }) }));
    writeOldStoreFile(dir, { schemaVersion: STORE_SCHEMA_VERSION, presets: [stored('orders')] });
    const store = openStore(dir);
    // Names are unique in a folder: the moved one takes a free name, as duplicates in the old file did.
    expect(filesUnder(collectionDir(dir))).toEqual(['Orders.request.yaml', 'orders (2).request.yaml']);
    expect(value(store.get(mine.id)).request.url).toBe('https://mine.example.com');
    expect(value(store.get('id-orders'))).toMatchObject({ name: 'orders (2)', request: stored('orders').request });
    expect(store.collections()[0]!.unread).toEqual([]);
    expect(store.status().problems).toEqual(['The preset “orders” moved as “orders (2)”: a saved request of that name was already there.']);
  });

  it('moves a version 1 file: its presets get the default credential, its settings go to the settings file', () => {
    const dir = tempDir();
    const v1 = { schemaVersion: 1, presets: [{ id: 'p1', name: 'Legacy', url: 'https://legacy.example.com', method: 'PATCH', body: '{}' }], lastPresetId: 'p1' };
    writeFileSync(storeFile(dir), JSON.stringify(v1));
    const started = Date.now();
    expect(openSettings(dir).get()).toMatchObject({ lastPresetId: 'p1', selectedCredential: 'default' });
    const store = openStore(dir);
    expect(store.status()).toMatchObject({ migratedFrom: 1, backupPath: null, problems: [], moved: { count: 1 } });
    const legacy = value(store.get('p1'));
    expect(legacy).toMatchObject({ name: 'Legacy', request: { method: 'PATCH', url: 'https://legacy.example.com', auth: { kind: 'bearer', credential: 'default' } } });
    // Version 1 kept no time: the file's is the move's.
    expect(legacy.updatedAt).toBeGreaterThanOrEqual(started - 1_000);
    expect(readFileSync(store.status().moved!.oldFile, 'utf8')).toBe(JSON.stringify(v1));
    expect(openStore(dir).status()).toEqual({ backupPath: null, problems: [], migratedFrom: null });
  });

  it('moves a version 2 file (flat presets) as request documents that send exactly what they sent', () => {
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
    expect(store.status()).toMatchObject({ migratedFrom: 2, backupPath: null, problems: [], moved: { count: 2 } });
    expect(value(store.get('id-Query'))).toMatchObject({
      updatedAt: 1,
      request: {
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
      },
    });
    expect(store.list().find((p) => p.name === 'Query')?.url).toBe('https://api.example.com/items?b=2&a=%20x+y&flag#top');
    expect(value(store.get('id-Opt-ins')).request).toMatchObject({ url: 'http://10.0.0.5:8080/v1', auth: { credential: 'prod' }, options: { allowPlainHttp: true } });
  });

  it('takes a secret value out of a preset as it moves, says so, and keeps no copy of it in any file', () => {
    const dir = tempDir();
    const secret = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    writeOldStoreFile(dir, { schemaVersion: STORE_SCHEMA_VERSION, presets: [stored('Leaky', { headers: [{ name: 'Authorization', value: `token ${secret}`, enabled: true }] }), stored('Clean')] });
    const store = openStore(dir);
    expect(value(store.get('id-Leaky')).request.headers).toEqual([{ name: 'Authorization', value: '', enabled: true }]);
    expect(store.status().problems.join(' ')).toContain('“Leaky”');
    expect(store.status().backupPath).toBeNull();
    expect(store.status().moved?.count).toBe(2);
    const everyFile = textsUnder(dir);
    expect(Object.keys(everyFile)).toContain(path.basename(store.status().moved!.oldFile));
    expect(Object.entries(everyFile).filter(([, text]) => text.includes(secret))).toEqual([]);
  });
});

describe('moving a damaged presets file', () => {
  it('keeps the valid presets of a hand-edited file, drops the invalid ones, and backs up the original bytes', () => {
    const dir = tempDir();
    writeOldStoreFile(dir, {
      schemaVersion: STORE_SCHEMA_VERSION,
      presets: [stored('Good'), { ...stored('Bad method'), request: { ...stored('x').request, method: 'TRACE' } }, { name: 'No url' }, stored('Also good')],
      settings: { lastPresetId: 'id-Good', selectedCredential: '../etc', windowBounds: null },
    });
    const original = readFileSync(storeFile(dir), 'utf8');
    const settings = openSettings(dir);
    expect(settings.get()).toMatchObject({ lastPresetId: 'id-Good', selectedCredential: null });
    expect(settings.problems().join(' ')).toContain('Invalid settings were reset: selectedCredential.');

    const status = moveStoreFile(confBackend(dir), collectionDir(dir), undefined, new Date('2026-01-02T03:04:05.678Z'));
    expect(status.backupPath).toBe(path.join(dir, `${STORE_NAME}.corrupt-2026-01-02T03-04-05-678Z.json`));
    expect(readFileSync(status.backupPath!, 'utf8')).toBe(original);
    expect(status.problems.join(' ')).toContain('2 presets were invalid');
    expect(status.moved).toEqual({ count: 2, folder: collectionDir(dir), oldFile: path.join(dir, `${STORE_NAME}.moved-2026-01-02T03-04-05-678Z.json`) });

    // What moved is what the next start reads: no second backup, no notice.
    const next = openStore(dir);
    expect(next.list().map((p) => p.name)).toEqual(['Also good', 'Good']);
    expect(next.status()).toEqual({ backupPath: null, problems: [], migratedFrom: null });
    expect(besideStore(dir, 'corrupt')).toHaveLength(1);
  });

  it('backs up a truncated file byte for byte and moves the presets that were complete', () => {
    const dir = tempDir();
    writeOldStoreFile(dir, { schemaVersion: STORE_SCHEMA_VERSION, presets: [stored('First'), stored('Second'), stored('Third')] });
    const full = readFileSync(storeFile(dir), 'utf8');
    const truncated = full.slice(0, full.indexOf('Third') + 3);
    writeFileSync(storeFile(dir), truncated);
    const store = openStore(dir);

    expect(store.list().map((p) => p.name)).toEqual(['First', 'Second']);
    expect(readFileSync(store.status().backupPath!, 'utf8')).toBe(truncated);
    expect(store.status().problems[0]).toContain('not valid JSON');
    expect(store.status().moved?.count).toBe(2);
    expect(filesUnder(collectionDir(dir))).toEqual(['First.request.yaml', 'Second.request.yaml']);
  });

  it('starts empty from a file of garbage bytes, with the exact bytes in the backup', () => {
    const dir = tempDir();
    const garbage = Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80, 0x81, 0x22, 0x0a]);
    writeFileSync(storeFile(dir), garbage);
    const store = openStore(dir);
    expect(store.list()).toEqual([]);
    expect(readFileSync(store.status().backupPath!).equals(garbage)).toBe(true);
    expect(store.status().moved).toBeUndefined();
    expect(existsSync(storeFile(dir))).toBe(false);
    value(store.create({ name: 'Fresh start', request: jsonDocument({ url: 'https://example.com' }) }));
    expect(openStore(dir).list().map((p) => p.name)).toEqual(['Fresh start']);
  });

  it('backs up a file from a newer version and moves what this version understands', () => {
    const dir = tempDir();
    writeOldStoreFile(dir, { schemaVersion: 9, presets: [stored('Future')], hologram: true });
    const newer = readFileSync(storeFile(dir), 'utf8');
    const store = openStore(dir);
    expect(store.list().map((p) => p.name)).toEqual(['Future']);
    expect(readFileSync(store.status().backupPath!, 'utf8')).toBe(newer);
    expect(store.status().problems[0]).toContain('newer Keypost');
  });

  it('moves presets with a duplicate name or id in a hand-edited file under a new name or id instead of losing one', () => {
    const dir = tempDir();
    writeOldStoreFile(dir, { schemaVersion: STORE_SCHEMA_VERSION, presets: [stored('Same', {}, 'a'), stored('same', {}, 'b'), stored('Other', {}, 'a')] });
    const store = openStore(dir);
    expect(store.list().map((p) => p.name)).toEqual(['Other', 'Same', 'same (2)']);
    expect(new Set(store.list().map((p) => p.id)).size).toBe(3);
    expect(value(store.get('a')).name).toBe('Same');
    expect(store.status().backupPath).not.toBeNull();
    expect(store.status().moved?.count).toBe(3);
  });
});

describe('a move that cannot write', () => {
  const undo: Array<() => void> = [];
  afterEach(() => {
    for (const step of undo.splice(0).reverse()) step();
  });

  it('says so, leaves the old file where it is, and moves at the next start', (context) => {
    const dir = tempDir();
    writeOldStoreFile(dir, { schemaVersion: STORE_SCHEMA_VERSION, presets: [stored('Orders'), stored('Users')] });
    const original = readFileSync(storeFile(dir));
    const root = collectionDir(dir);
    mkdirSync(root);
    const folder = makeReadOnly(root);
    undo.push(folder.undo);
    if (!folder.readOnly) return context.skip(NO_READ_ONLY_FOLDER);

    const status = moveStoreFile(confBackend(dir), root);
    expect(status.moved).toBeUndefined();
    expect(status.problems).toEqual([expect.stringMatching(/^The presets of keypost-store\.json could not all be moved into .+; the file is left where it is, and the next start tries again\.$/)]);
    expect(readFileSync(storeFile(dir)).equals(original)).toBe(true);

    folder.undo();
    const store = openStore(dir);
    expect(store.status().moved?.count).toBe(2);
    expect(store.list().map((p) => p.name)).toEqual(['Orders', 'Users']);
    expect(codeOf(store.get('id-Orders'))).toBe('ok');
  });
});
