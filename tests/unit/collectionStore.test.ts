// Saved requests as the app keeps them (collectionStore.ts over real temp folders): one file each in the default
// collection, CRUD, names unique within a folder, duplicates, undo, imports, credentials, a save that cannot be written.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COLLECTION, DEFAULT_PLACE } from '../../shared/collections';
import { collectionDir, openStore } from '../fixtures/presetStore';
import { codeOf, draft, filesUnder, value } from '../fixtures/collectionFiles';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'keypost-store-test-'));
const inFolder = (folder: string) => ({ collection: DEFAULT_COLLECTION, folder });

describe('saved requests', () => {
  it('creates, reads, updates and lists requests, each in a file of its own, and they are all there after reopening', () => {
    const dir = tempDir();
    const store = openStore(dir);
    const beta = value(store.create(draft('beta', { method: 'PUT', body: '{"b":2}' })));
    value(store.create(draft('Alpha')));
    value(store.update(beta.id, draft('beta', { url: 'https://api.example.com/v2', credential: 'prod' })));
    expect(filesUnder(collectionDir(dir))).toEqual(['Alpha.request.yaml', 'beta.request.yaml']);

    const reopened = openStore(dir);
    expect(reopened.list().map((p) => p.name)).toEqual(['Alpha', 'beta']);
    const read = value(reopened.get(beta.id));
    expect(read).toMatchObject({ name: 'beta', collection: DEFAULT_COLLECTION, folder: '', request: { url: 'https://api.example.com/v2', auth: { credential: 'prod' }, method: 'POST' } });
    // When it last changed is the file's own time: nothing volatile is written into the file.
    expect(read.updatedAt).toBe(Math.trunc(statSync(path.join(collectionDir(dir), 'beta.request.yaml')).mtimeMs));
    expect(readFileSync(path.join(collectionDir(dir), 'beta.request.yaml'), 'utf8')).not.toMatch(/updatedAt|[0-9]{13}/);
    expect(reopened.status()).toEqual({ backupPath: null, problems: [], migratedFrom: null });
  });

  it('refuses a second request with the same name in a folder, ignoring case and spaces; another folder may have it', () => {
    const store = openStore(tempDir());
    value(store.create(draft('Orders')));
    const other = value(store.create(draft('Users')));
    expect(codeOf(store.create(draft('orders')))).toBe('DUPLICATE_NAME');
    expect(codeOf(store.rename(other.id, ' ORDERS '))).toBe('DUPLICATE_NAME');
    expect(codeOf(store.update(other.id, draft('Orders')))).toBe('DUPLICATE_NAME');
    expect(value(store.rename(other.id, 'Customers')).name).toBe('Customers');
    expect(store.list().map((p) => p.name)).toEqual(['Customers', 'Orders']);

    value(store.createFolder(DEFAULT_COLLECTION, 'Archive'));
    const archived = value(store.create(draft('orders'), inFolder('Archive')));
    expect(archived).toMatchObject({ name: 'orders', folder: 'Archive' });
    expect(codeOf(store.move(archived.id, DEFAULT_PLACE))).toBe('DUPLICATE_NAME');
    expect(store.list().map((p) => `${p.folder}/${p.name}`)).toEqual(['/Customers', '/Orders', 'Archive/orders']);
  });

  it('renames a request: its file follows the name, the id stays', () => {
    const dir = tempDir();
    const store = openStore(dir);
    const orders = value(store.create(draft('Orders')));
    expect(value(store.rename(orders.id, 'Open orders'))).toMatchObject({ id: orders.id, name: 'Open orders' });
    expect(filesUnder(collectionDir(dir))).toEqual(['Open orders.request.yaml']);
    // Only the case changes: the file keeps its name (a case-only rename is a trap on macOS and Windows).
    value(store.rename(orders.id, 'open Orders'));
    expect(filesUnder(collectionDir(dir))).toEqual(['Open orders.request.yaml']);
    expect(value(openStore(dir).get(orders.id)).name).toBe('open Orders');
  });

  it('gives two names that make the same file name two files', () => {
    const dir = tempDir();
    const store = openStore(dir);
    value(store.create(draft('A:B')));
    value(store.create(draft('a/b')));
    value(store.create(draft('a-b ')));
    expect(filesUnder(collectionDir(dir))).toEqual(['A-B.request.yaml', 'a-b-2.request.yaml', 'a-b-3.request.yaml']);
    expect(new Set(openStore(dir).list().map((p) => p.name))).toEqual(new Set(['A:B', 'a/b', 'a-b']));
  });

  it('duplicates beside the original under a free name, keeping everything but the id', () => {
    const dir = tempDir();
    const store = openStore(dir);
    value(store.createFolder(DEFAULT_COLLECTION, 'Team'));
    const original = value(store.create(draft('Orders', { body: '{"x":true}' }), inFolder('Team')));
    const first = value(store.duplicate(original.id));
    const second = value(store.duplicate(original.id));
    expect([first.name, second.name]).toEqual(['Orders copy', 'Orders copy (2)']);
    expect(new Set([original.id, first.id, second.id]).size).toBe(3);
    expect([first.folder, second.folder]).toEqual(['Team', 'Team']);
    expect(value(store.get(first.id)).request).toEqual(original.request);
    expect(value(store.get(original.id)).name).toBe('Orders');
    expect(filesUnder(collectionDir(dir))).toEqual(['Team/Orders copy (2).request.yaml', 'Team/Orders copy.request.yaml', 'Team/Orders.request.yaml']);
    expect(openStore(dir).list().map((p) => p.id).sort()).toEqual([original.id, first.id, second.id].sort());
  });

  it('deletes a request (its file goes) and restores it on undo where it was, renamed if its name was taken meanwhile', () => {
    const dir = tempDir();
    const store = openStore(dir);
    value(store.createFolder(DEFAULT_COLLECTION, 'Team'));
    const orders = value(store.create(draft('Orders'), inFolder('Team')));
    const deleted = value(store.remove(orders.id));
    expect(store.list()).toEqual([]);
    expect(filesUnder(collectionDir(dir))).toEqual([]);
    expect(codeOf(store.get(orders.id))).toBe('NOT_FOUND');

    expect(value(store.restore(deleted))).toMatchObject({ id: orders.id, name: 'Orders', folder: 'Team' });
    expect(value(store.get(orders.id)).request).toEqual(orders.request);
    value(store.remove(orders.id));
    const taken = value(store.create(draft('Orders'), inFolder('Team')));
    expect(value(store.restore(deleted))).toMatchObject({ id: orders.id, name: 'Orders (2)', folder: 'Team' });
    expect(value(store.get(taken.id)).name).toBe('Orders');
    expect(openStore(dir).list().map((p) => p.name)).toEqual(['Orders', 'Orders (2)']);
  });

  it('restores a request whose folder is gone at the top of the default collection, and under a new id when its id is in use', () => {
    const dir = tempDir();
    const store = openStore(dir);
    value(store.createFolder(DEFAULT_COLLECTION, 'Gone'));
    const orders = value(store.create(draft('Orders'), inFolder('Gone')));
    const deleted = value(store.remove(orders.id));
    value(store.deleteFolder(DEFAULT_COLLECTION, 'Gone'));
    const restored = value(store.restore(deleted));
    expect(restored).toMatchObject({ id: orders.id, name: 'Orders', collection: DEFAULT_COLLECTION, folder: '' });
    const again = value(store.restore(deleted));
    expect(again.id).not.toBe(orders.id);
    expect(again.name).toBe('Orders (2)');
  });

  it('tracks which requests use each credential and moves them, in their files, to a renamed one', () => {
    const dir = tempDir();
    const store = openStore(dir);
    value(store.create(draft('A', { credential: 'staging' })));
    value(store.create(draft('B', { credential: 'prod' })));
    value(store.createFolder(DEFAULT_COLLECTION, 'Team'));
    value(store.create(draft('C', { credential: 'staging' }), inFolder('Team')));
    expect(Object.fromEntries(store.credentialUsage())).toEqual({ staging: ['A', 'C'], prod: ['B'] });

    expect(value(store.retargetCredential('staging', 'stage-eu'))).toBe(2);
    expect(value(store.retargetCredential('nobody', 'x'))).toBe(0);
    expect(readFileSync(path.join(collectionDir(dir), 'Team', 'C.request.yaml'), 'utf8')).toContain('credential: stage-eu');
    const reopened = openStore(dir);
    expect(Object.fromEntries(reopened.credentialUsage())).toEqual({ 'stage-eu': ['A', 'C'], prod: ['B'] });
  });

  it('imports into the top of the default collection, with rename or replace on name conflicts there', () => {
    const dir = tempDir();
    const store = openStore(dir);
    const existing = value(store.create(draft('Orders', { url: 'https://old.example.com' })));
    value(store.createFolder(DEFAULT_COLLECTION, 'Team'));
    value(store.create(draft('Team only'), inFolder('Team')));
    expect(store.conflicts(['orders', 'New', 'team only'])).toEqual(['orders']);

    expect(value(store.importDrafts([draft('Orders', { url: 'https://renamed.example.com' }), draft('New')], 'rename'))).toEqual({ added: 1, replaced: 0, renamed: 1 });
    expect(store.list().map((p) => p.name)).toEqual(['New', 'Orders', 'Orders (2)', 'Team only']);

    expect(value(store.importDrafts([draft('Orders', { url: 'https://replaced.example.com' })], 'replace'))).toEqual({ added: 0, replaced: 1, renamed: 0 });
    expect(value(store.get(existing.id)).request.url).toBe('https://replaced.example.com');
    expect(store.list()).toHaveLength(4);
    expect(value(openStore(dir).get(existing.id)).request.url).toBe('https://replaced.example.com');
    expect(filesUnder(collectionDir(dir))).toEqual(['New.request.yaml', 'Orders (2).request.yaml', 'Orders.request.yaml', 'Team/Team only.request.yaml']);
  });

  it('says so and changes nothing when the file cannot be written', () => {
    const dir = tempDir();
    const store = openStore(dir);
    value(store.createFolder(DEFAULT_COLLECTION, 'Team'));
    value(store.create(draft('Kept'), inFolder('Team')));
    // A file where the folder was (replaced outside Keypost): the folder cannot be made there, even by root.
    rmSync(path.join(collectionDir(dir), 'Team'), { recursive: true });
    writeFileSync(path.join(collectionDir(dir), 'Team'), 'not a folder');
    const result = store.create(draft('Lost'), inFolder('Team'));
    expect(codeOf(result)).toBe('STORE_WRITE_FAILED');
    expect(!result.ok && result.error.message).toMatch(/^Keypost could not write to the collection “My requests”: .+\. Nothing was saved; your edits stay in the tab\.$/);
    expect(store.list().map((p) => p.name)).toEqual(['Kept']);
  });

  it('writes nothing but its folder until something is saved', () => {
    const dir = tempDir();
    const store = openStore(dir);
    expect(store.list()).toEqual([]);
    expect(filesUnder(dir)).toEqual([]);
    expect(store.collections()).toEqual([
      { id: DEFAULT_COLLECTION, name: 'My requests', path: collectionDir(dir), folders: [], unread: [], secrets: [], state: 'ok' },
    ]);
  });
});

describe('the sidebar list kept in order as requests change', () => {
  it('is, after many saves, renames, moves and deletes, the list the same folder gives when opened afresh', () => {
    const dir = tempDir();
    const store = openStore(dir);
    value(store.createFolder(DEFAULT_COLLECTION, 'Archive'));
    store.list();
    const ids: string[] = [];
    const names = ['orders', 'Orders', 'users', 'Billing', 'billing 2', 'Zeta', 'alpha', 'Alpha 10', 'alpha 9'];
    names.forEach((name, index) => ids.push(value(store.create(draft(name), index % 2 ? inFolder('Archive') : DEFAULT_PLACE)).id));
    value(store.rename(ids[0]!, 'Aardvark'));
    value(store.move(ids[2]!, inFolder('Archive')));
    value(store.remove(ids[5]!));
    value(store.duplicate(ids[3]!));
    value(store.rename(ids[6]!, 'zz top'));
    const kept = store.list().map((summary) => `${summary.folder}/${summary.name}/${summary.id}`);
    expect(kept).toEqual(openStore(dir).list().map((summary) => `${summary.folder}/${summary.name}/${summary.id}`));
    expect(kept).toHaveLength(names.length);
  });
});
