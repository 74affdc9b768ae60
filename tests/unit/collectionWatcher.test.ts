// The open collections as the app runs them (collections.ts, collectionWatcher.ts): changes made outside Keypost
// reach the page as collectionChanged events naming the requests; Keypost's own saves do not; opened folders come
// back after a restart. Each test waits for the event it expects, never for a fixed time.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Collections } from '../../electron/core/collections/collections';
import { collectionIdFor } from '../../electron/core/collections/collectionStore';
import type { Emit } from '../../shared/api';
import { type CollectionChange, DEFAULT_COLLECTION } from '../../shared/collections';
import { codeOf, draft, filesUnder, value } from '../fixtures/collectionFiles';
import { collectionDir, openCollections, openStore } from '../fixtures/presetStore';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'keypost-watch-test-'));
const running: Collections[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((collections) => collections.stop()));
});

/** The collections over `dir`, watched, with every collectionChanged event recorded and awaitable. */
async function watched(dir: string) {
  const events: CollectionChange[] = [];
  const waiting: Array<{ matches: (change: CollectionChange) => boolean; resolve: (change: CollectionChange) => void }> = [];
  const emit: Emit = (event, payload) => {
    if (event !== 'collectionChanged') return;
    const change = payload as CollectionChange;
    events.push(change);
    for (const waiter of [...waiting]) {
      if (!waiter.matches(change)) continue;
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(change);
    }
  };
  const collections = openCollections(dir, emit);
  running.push(collections);
  await collections.watching();
  /** The first event from now on that `matches`: ask before making the change. */
  const next = (matches: (change: CollectionChange) => boolean) => new Promise<CollectionChange>((resolve) => waiting.push({ matches, resolve }));
  return { collections, store: collections.store, events, next };
}

/** A data folder whose default collection holds requests saved by Keypost: name → id. */
function savedRequests(dir: string, ...names: string[]): Record<string, string> {
  const store = openStore(dir);
  return Object.fromEntries(names.map((name) => [name, value(store.create(draft(name))).id]));
}
const fileOf = (dir: string, name: string) => path.join(collectionDir(dir), `${name}.request.yaml`);
const edit = (file: string, from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

describe('watching a collection', () => {
  it('tells the page that a file was edited outside Keypost, naming the request, and holds the edit', async () => {
    const dir = tempDir();
    const { Orders: orders } = savedRequests(dir, 'Orders', 'Users');
    const { store, next } = await watched(dir);
    const change = next((c) => c.changed.length > 0);
    edit(fileOf(dir, 'Orders'), '{"a":1}', '{"edited":true}');
    expect(await change).toEqual({ changed: [orders], removed: [] });
    expect(value(store.get(orders!)).request.body).toEqual({ kind: 'json', text: '{"edited":true}' });
  });

  it('tells the page that a file was deleted outside Keypost', async () => {
    const dir = tempDir();
    const { Orders: orders, Users: users } = savedRequests(dir, 'Orders', 'Users');
    const { store, next } = await watched(dir);
    const change = next((c) => c.removed.length > 0);
    unlinkSync(fileOf(dir, 'Users'));
    expect(await change).toEqual({ changed: [], removed: [users] });
    expect(store.list().map((p) => p.id)).toEqual([orders]);
  });

  it('follows a file renamed outside Keypost: the request keeps its id, and is saved where it now is', async () => {
    const dir = tempDir();
    const { Orders: orders } = savedRequests(dir, 'Orders');
    const { store, events, next } = await watched(dir);
    const change = next((c) => c.changed.includes(orders!));
    renameSync(fileOf(dir, 'Orders'), path.join(collectionDir(dir), 'orders-renamed.request.yaml'));
    expect(await change).toEqual({ changed: [orders], removed: [] });
    expect(store.list().map((p) => `${p.id}:${p.name}`)).toEqual([`${orders}:Orders`]);
    value(store.update(orders!, draft('Orders', { body: '{"after":"rename"}' })));
    expect(filesUnder(collectionDir(dir))).toEqual(['orders-renamed.request.yaml']);
    expect(events.flatMap((c) => c.removed)).not.toContain(orders);
  });

  it('reads an editor’s atomic save (a temp file renamed over the request) as one edit', async () => {
    const dir = tempDir();
    const { Orders: orders } = savedRequests(dir, 'Orders');
    const { store, events, next } = await watched(dir);
    const change = next((c) => c.changed.length > 0);
    const temp = path.join(collectionDir(dir), '.Orders.request.yaml.x.tmp');
    writeFileSync(temp, readFileSync(fileOf(dir, 'Orders'), 'utf8').replace('{"a":1}', '{"saved":"atomically"}'));
    renameSync(temp, fileOf(dir, 'Orders'));
    expect(await change).toEqual({ changed: [orders], removed: [] });
    expect(value(store.get(orders!)).request.body).toEqual({ kind: 'json', text: '{"saved":"atomically"}' });
    expect(events.flatMap((c) => c.removed)).toEqual([]);
  });

  it('reads a folder that arrived whole (a git pull)', async () => {
    const dir = tempDir();
    savedRequests(dir, 'Orders');
    const { store, next } = await watched(dir);
    const change = next((c) => c.changed.length === 2);
    const pulled = path.join(tempDir(), 'Pulled');
    mkdirSync(path.join(pulled, 'Deep'), { recursive: true });
    writeFileSync(path.join(pulled, 'First.request.yaml'), readFileSync(fileOf(dir, 'Orders'), 'utf8').replace(/^id: .*\n/m, '').replace('name: Orders', 'name: First'));
    writeFileSync(path.join(pulled, 'Deep', 'Second.request.yaml'), readFileSync(fileOf(dir, 'Orders'), 'utf8').replace(/^id: .*\n/m, '').replace('name: Orders', 'name: Second'));
    renameSync(pulled, path.join(collectionDir(dir), 'Pulled'));
    await change;
    expect(store.list().map((p) => `${p.folder}/${p.name}`)).toEqual(['Pulled/First', '/Orders', 'Pulled/Deep/Second']);
    expect(store.collections()[0]!.folders).toEqual(['Pulled', 'Pulled/Deep']);
  });

  it('tells the page nothing of Keypost’s own saves', async () => {
    const dir = tempDir();
    const { Orders: orders, Sentinel: sentinel } = savedRequests(dir, 'Orders', 'Sentinel');
    const { store, events, next } = await watched(dir);
    value(store.update(orders!, draft('Orders', { body: '{"mine":1}' })));
    value(store.rename(orders!, 'Open orders'));
    const created = value(store.create(draft('Created')));
    value(store.createFolder(DEFAULT_COLLECTION, 'Team'));
    value(store.move(created.id, { collection: DEFAULT_COLLECTION, folder: 'Team' }));
    value(store.moveFolder(DEFAULT_COLLECTION, 'Team', 'Crew'));
    const duplicate = value(store.duplicate(orders!));
    value(store.remove(duplicate.id));
    // Then a change from outside: once it is told, so would Keypost's own saves have been (events come in order).
    const change = next((c) => c.changed.includes(sentinel!));
    edit(fileOf(dir, 'Sentinel'), '{"a":1}', '{"outside":true}');
    await change;
    const told = events.flatMap((c) => [...c.changed, ...c.removed]);
    expect(told.filter((id) => id !== sentinel)).toEqual([]);
    expect(store.list().map((p) => p.name)).toEqual(['Created', 'Open orders', 'Sentinel']);
  });

  it('marks a collection whose folder disappears as missing', async () => {
    const dir = tempDir();
    const checkout = path.join(tempDir(), 'checkout');
    mkdirSync(checkout);
    const { collections, store, next } = await watched(dir);
    const opened = value(collections.open(checkout));
    value(store.create(draft('Orders'), { collection: opened.id, folder: '' }));
    await collections.watching();
    const stateOf = () => store.collections().find((info) => info.id === opened.id)?.state;
    const gone = next(() => stateOf() === 'missing');
    rmSync(checkout, { recursive: true });
    await gone;
    expect(stateOf()).toBe('missing');
  });

  it('watches a folder holding a symbolic link loop without hanging', async () => {
    const dir = tempDir();
    const { Orders: orders } = savedRequests(dir, 'Orders');
    symlinkSync('.', path.join(collectionDir(dir), 'loop'));
    const { store, next } = await watched(dir);
    expect(store.collections()[0]!.unread.map((file) => file.file)).toEqual(['loop']);
    const change = next((c) => c.changed.length > 0);
    edit(fileOf(dir, 'Orders'), '{"a":1}', '{"still":"watched"}');
    expect(await change).toEqual({ changed: [orders], removed: [] });
  });
});

describe('opening and closing collections', () => {
  it('brings an opened folder back after a restart, watched, until it is closed; the default cannot be closed', async () => {
    const dir = tempDir();
    const checkout = path.join(tempDir(), 'team-api');
    mkdirSync(checkout);
    const first = await watched(dir);
    const opened = value(first.collections.open(checkout));
    expect(opened).toMatchObject({ id: collectionIdFor(checkout), name: 'team-api', path: checkout, state: 'ok' });
    // Opening it again is the same collection.
    expect(value(first.collections.open(checkout)).id).toBe(opened.id);
    const orders = value(first.store.create(draft('Orders'), { collection: opened.id, folder: '' }));
    expect(filesUnder(checkout)).toEqual(['Orders.request.yaml']);
    await first.collections.stop();

    const second = await watched(dir);
    expect(second.store.collections().map((info) => info.id)).toEqual([DEFAULT_COLLECTION, opened.id]);
    expect(value(second.store.get(orders.id))).toMatchObject({ collection: opened.id, name: 'Orders' });
    const change = second.next((c) => c.changed.includes(orders.id));
    edit(path.join(checkout, 'Orders.request.yaml'), '{"a":1}', '{"watched":"after restart"}');
    await change;

    expect(codeOf(second.collections.close(DEFAULT_COLLECTION))).toBe('INVALID_ARGUMENT');
    value(second.collections.close(opened.id));
    expect(second.store.collections().map((info) => info.id)).toEqual([DEFAULT_COLLECTION]);
    expect(codeOf(second.store.get(orders.id))).toBe('NOT_FOUND');
    expect(codeOf(second.collections.close(opened.id))).toBe('NOT_FOUND');
    await second.collections.stop();

    const third = await watched(dir);
    expect(third.store.collections().map((info) => info.id)).toEqual([DEFAULT_COLLECTION]);
    // Closing forgets the folder; its files stay.
    expect(filesUnder(checkout)).toEqual(['Orders.request.yaml']);
  });

  it('refuses to open a folder that is not there', async () => {
    const { collections } = await watched(tempDir());
    expect(codeOf(collections.open(path.join(tempDir(), 'nowhere')))).toBe('NOT_FOUND');
    expect(collections.store.collections()).toHaveLength(1);
  });
});
