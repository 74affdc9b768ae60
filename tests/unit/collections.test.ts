// Collections on disk (collectionStore.ts, collectionFolder.ts over real temp folders): files Keypost does not read
// and never overwrites, folders, changes made outside Keypost (an editor, git), and folders that cannot be written
// or are gone.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectionIdFor, createCollectionStore } from '../../electron/core/collections/collectionStore';
import { idForPath, requestFileText } from '../../electron/core/collections/requestFile';
import { DEFAULT_COLLECTION, DEFAULT_PLACE } from '../../shared/collections';
import { collectionDir, openStore } from '../fixtures/presetStore';
import { codeOf, draft, filesUnder, makeReadOnly, NO_READ_ONLY_FOLDER, textsUnder, value } from '../fixtures/collectionFiles';

// Node lists a folder sorted on Linux and macOS (libuv sorts); other file systems list in their own order. A test can
// turn the listing around, to show that what Keypost reads does not depend on it.
const listing = vi.hoisted(() => ({ reversed: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((...args: Parameters<typeof fs.readdirSync>) => {
    const entries = fs.readdirSync(...args);
    return listing.reversed ? [...entries].reverse() : entries;
  }) as typeof fs.readdirSync;
  return { ...fs, readdirSync, default: { ...fs, readdirSync } };
});

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'keypost-collections-test-'));
const inFolder = (folder: string, collection = DEFAULT_COLLECTION) => ({ collection, folder });

/** Writes `text` at `file` ('/'-separated) under `root`, making its folders. */
function writeFileAt(root: string, file: string, text: string): string {
  const absolute = path.join(root, ...file.split('/'));
  mkdirSync(path.dirname(absolute), { recursive: true });
  writeFileSync(absolute, text);
  return absolute;
}
/** A request file as someone writes it by hand: no id. */
const handWritten = (name: string, url = 'https://api.example.com/by-hand') => requestFileText({ id: null, name, request: draft(name, { url }).request });
/** An edit made outside Keypost, dated a few seconds later (a save's time is how a tab's version is told apart). */
function editOutside(absolute: string, edit: (text: string) => string) {
  writeFileSync(absolute, edit(readFileSync(absolute, 'utf8')));
  const later = new Date(Date.now() + 5_000);
  utimesSync(absolute, later, later);
}
const unreadOf = (store: ReturnType<typeof openStore>, collection = DEFAULT_COLLECTION) => store.collections().find((info) => info.id === collection)!.unread;

describe('files Keypost does not read', () => {
  it('lists an unreadable request file with the reason, and loads the rest', () => {
    const dir = tempDir();
    const root = collectionDir(dir);
    writeFileAt(root, 'Good.request.yaml', handWritten('Good'));
    writeFileAt(root, 'Broken.request.yaml', 'keypost: 1\nname: Broken\n\tmethod: GET\nrequest: {}\n');
    writeFileAt(root, 'Future.request.yaml', handWritten('Future').replace('keypost: 1', 'keypost: 7'));
    writeFileAt(root, 'Bad method.request.yaml', handWritten('Bad method').replace('method: POST', 'method: TRACE'));
    writeFileAt(root, 'Alias.request.yaml', 'keypost: 1\nname: &n Alias\nid: *n\n');
    const store = openStore(dir);
    expect(store.list().map((p) => p.name)).toEqual(['Good']);
    expect(unreadOf(store)).toEqual([
      { file: 'Alias.request.yaml', reason: expect.stringContaining('YAML alias') },
      { file: 'Bad method.request.yaml', reason: expect.stringMatching(/^Its field “request\.method” is not valid/) },
      { file: 'Broken.request.yaml', reason: 'It is not valid YAML (line 3).' },
      { file: 'Future.request.yaml', reason: 'It was written by a newer Keypost (format 7); this version reads format 1.' },
    ]);
  });

  it('lists the second file claiming a name already taken in its folder as unread, saying which file has it, whatever order the folder is listed in', () => {
    const dir = tempDir();
    const root = collectionDir(dir);
    // Twenty claimants, listed last to first: the first by name wins, on every file system.
    const files = Array.from({ length: 20 }, (_, i) => `claim-${String(i).padStart(2, '0')}.request.yaml`);
    for (const file of [...files].reverse()) writeFileAt(root, file, handWritten(file.startsWith('claim-00') ? 'Same' : 'same '));
    writeFileAt(root, 'Other folder/Same.request.yaml', handWritten('Same'));
    listing.reversed = true;
    let store: ReturnType<typeof openStore>;
    try {
      store = openStore(dir);
    } finally {
      listing.reversed = false;
    }
    expect(store.list().map((p) => `${p.folder}/${p.name}`)).toEqual(['/Same', 'Other folder/Same']);
    expect(value(store.get(idForPath(DEFAULT_COLLECTION, 'claim-00.request.yaml'))).name).toBe('Same');
    expect(unreadOf(store)).toEqual(files.slice(1).map((file) => ({ file, reason: 'It claims the name “same”, which claim-00.request.yaml in the same folder already has.' })));
  });

  it('ignores files that are not requests, and never deletes them', () => {
    const dir = tempDir();
    const root = collectionDir(dir);
    const others = ['README.md', 'other.yaml', 'openapi.json', 'Team/Sub/.gitkeep', 'Docs/a.md', 'Docs/b.md', '.git/config', 'node_modules/x/y.request.yaml'];
    for (const file of others) writeFileAt(root, file, `kept: ${file}\n`);
    const store = openStore(dir);
    const inside = value(store.create(draft('Inside'), inFolder('Team/Sub')));
    const documented = value(store.create(draft('Documented'), inFolder('Docs')));
    value(store.createFolder(DEFAULT_COLLECTION, 'Team/Empty'));
    expect(store.list().map((p) => p.id)).toEqual([documented.id, inside.id]);
    expect(unreadOf(store)).toEqual([]);
    expect(store.collections()[0]!.folders).toEqual(['Docs', 'Team', 'Team/Empty', 'Team/Sub']);

    // Deleting a folder deletes its requests; what else is in it stays (counted), and so do the folders holding it.
    expect(value(store.deleteFolder(DEFAULT_COLLECTION, 'Team'))).toEqual({ removed: [expect.objectContaining({ id: inside.id })], keptFiles: 1 });
    expect(value(store.deleteFolder(DEFAULT_COLLECTION, 'Docs'))).toEqual({ removed: [expect.objectContaining({ id: documented.id })], keptFiles: 2 });
    expect(store.list()).toEqual([]);
    expect(store.collections()[0]!.folders).toEqual(['Docs', 'Team', 'Team/Sub']);
    expect(filesUnder(root)).toEqual([...others].sort());
    for (const file of others) expect(readFileSync(path.join(root, file), 'utf8')).toBe(`kept: ${file}\n`);
  });

  it('reads a folder linking back up the tree once, saying it skipped the link, and does not hang', () => {
    const dir = tempDir();
    const root = collectionDir(dir);
    writeFileAt(root, 'Sub/Inner.request.yaml', handWritten('Inner'));
    symlinkSync('..', path.join(root, 'Sub', 'up'));
    symlinkSync('.', path.join(root, 'here'));
    symlinkSync('knot', path.join(root, 'knot'));
    const store = openStore(dir);
    expect(store.list().map((p) => p.name)).toEqual(['Inner']);
    expect(unreadOf(store)).toEqual([
      { file: 'here', reason: 'It links back to a folder already read (a symbolic link loop), so it was skipped.' },
      { file: 'Sub/up', reason: 'It links back to a folder already read (a symbolic link loop), so it was skipped.' },
    ]);
  });

  it('loads a folder of 10,000 requests', () => {
    const dir = tempDir();
    const root = collectionDir(dir);
    mkdirSync(root);
    const template = handWritten('NAME', 'https://api.example.com/items/N');
    for (let i = 0; i < 10_000; i++) writeFileSync(path.join(root, `r${i}.request.yaml`), template.replace('NAME', `Request ${i}`).replace('items/N', `items/${i}`));
    const started = performance.now();
    const store = openStore(dir);
    const list = store.list();
    // How fast belongs in the bench (npm run bench); here only that it completes, and whole.
    console.log(`10,000 request files loaded and listed in ${Math.round(performance.now() - started)} ms`);
    expect(list).toHaveLength(10_000);
    expect(list[0]!.name).toBe('Request 0');
    expect(list[9_999]!.name).toBe('Request 9999');
    expect(unreadOf(store)).toEqual([]);
  }, 120_000);

  it('never writes over an unread file: a request whose name would take its file name gets another one', () => {
    const dir = tempDir();
    const root = collectionDir(dir);
    const broken = 'keypost: 1\nname: [Orders\n';
    writeFileAt(root, 'Orders.request.yaml', broken);
    writeFileAt(root, 'Users.request.yaml', handWritten('Users').replace('keypost: 1', 'keypost: 2'));
    const store = openStore(dir);
    const orders = value(store.create(draft('Orders')));
    const other = value(store.create(draft('Other')));
    value(store.rename(other.id, 'Users'));
    expect(filesUnder(root)).toEqual(['Orders-2.request.yaml', 'Orders.request.yaml', 'Users-2.request.yaml', 'Users.request.yaml']);
    expect(readFileSync(path.join(root, 'Orders.request.yaml'), 'utf8')).toBe(broken);
    expect(readFileSync(path.join(root, 'Users.request.yaml'), 'utf8')).toContain('keypost: 2');
    expect(value(openStore(dir).get(orders.id)).name).toBe('Orders');
  });
});

describe('folders', () => {
  it('are folders on disk, made with their parents, and named once in a folder', () => {
    const dir = tempDir();
    const store = openStore(dir);
    value(store.createFolder(DEFAULT_COLLECTION, 'Team/Admin'));
    expect(existsSync(path.join(collectionDir(dir), 'Team', 'Admin'))).toBe(true);
    expect(store.collections()[0]!.folders).toEqual(['Team', 'Team/Admin']);
    expect(codeOf(store.createFolder(DEFAULT_COLLECTION, 'Team'))).toBe('DUPLICATE_NAME');
    expect(codeOf(store.createFolder('c-not-open', 'Team'))).toBe('NOT_FOUND');
    // An empty folder is part of the collection after a restart too.
    expect(openStore(dir).collections()[0]!.folders).toEqual(['Team', 'Team/Admin']);
  });

  it('moves a folder on disk with the requests inside: their ids stay, their folders follow', () => {
    const dir = tempDir();
    const root = collectionDir(dir);
    const store = openStore(dir);
    value(store.createFolder(DEFAULT_COLLECTION, 'Team/Admin'));
    value(store.createFolder(DEFAULT_COLLECTION, 'Other'));
    const top = value(store.create(draft('Top'), inFolder('Team')));
    const deep = value(store.create(draft('Deep'), inFolder('Team/Admin')));
    writeFileAt(root, 'Team/README.md', 'about the team\n');

    expect(codeOf(store.moveFolder(DEFAULT_COLLECTION, 'Team', 'Team/Admin/Inner'))).toBe('INVALID_ARGUMENT');
    expect(codeOf(store.moveFolder(DEFAULT_COLLECTION, 'Team', 'other'))).toBe('DUPLICATE_NAME');
    expect(codeOf(store.moveFolder(DEFAULT_COLLECTION, 'Nowhere', 'Somewhere'))).toBe('NOT_FOUND');
    expect(value(store.moveFolder(DEFAULT_COLLECTION, 'Team', 'Crew'))).toBe('Crew');
    expect(filesUnder(root)).toEqual(['Crew/Admin/Deep.request.yaml', 'Crew/README.md', 'Crew/Top.request.yaml']);
    expect(store.collections()[0]!.folders).toEqual(['Crew', 'Crew/Admin', 'Other']);
    expect(value(store.get(top.id))).toMatchObject({ folder: 'Crew', name: 'Top' });
    expect(value(store.get(deep.id))).toMatchObject({ folder: 'Crew/Admin', name: 'Deep' });

    // A subfolder moves up a level; the requests are still saved where they now are.
    value(store.moveFolder(DEFAULT_COLLECTION, 'Crew/Admin', 'Admin'));
    value(store.update(deep.id, draft('Deep', { body: '{"moved":true}' })));
    const reopened = openStore(dir);
    expect(value(reopened.get(deep.id))).toMatchObject({ folder: 'Admin', request: { body: { text: '{"moved":true}' } } });
    expect(value(reopened.get(top.id)).folder).toBe('Crew');
    expect(filesUnder(root)).toEqual(['Admin/Deep.request.yaml', 'Crew/README.md', 'Crew/Top.request.yaml']);
  });

  it('moves a request between folders and between open collections: the file moves, the id stays', () => {
    const dir = tempDir();
    const otherRoot = path.join(tempDir(), 'team-requests');
    mkdirSync(otherRoot);
    const store = openStore(dir);
    value(store.createFolder(DEFAULT_COLLECTION, 'Team'));
    const orders = value(store.create(draft('Orders')));
    expect(value(store.move(orders.id, inFolder('Team')))).toMatchObject({ id: orders.id, folder: 'Team' });
    expect(filesUnder(collectionDir(dir))).toEqual(['Team/Orders.request.yaml']);
    expect(codeOf(store.move(orders.id, inFolder('No such folder')))).toBe('NOT_FOUND');

    const other = value(store.openCollection(otherRoot));
    expect(other).toMatchObject({ id: collectionIdFor(otherRoot), name: 'team-requests', path: otherRoot, state: 'ok' });
    expect(value(store.move(orders.id, inFolder('', other.id)))).toMatchObject({ id: orders.id, collection: other.id, folder: '' });
    expect(filesUnder(collectionDir(dir))).toEqual([]);
    expect(filesUnder(otherRoot)).toEqual(['Orders.request.yaml']);
    expect(value(store.get(orders.id)).request).toEqual(orders.request);

    const restarted = createCollectionStore({ defaultRoot: collectionDir(dir), openRoots: [otherRoot], cacheDir: path.join(dir, 'cache', 'collections') });
    expect(value(restarted.get(orders.id))).toMatchObject({ collection: other.id, name: 'Orders' });
  });
});

describe('changes made outside Keypost', () => {
  it('refuses to write over a file edited since Keypost read it, and keeps the edit', () => {
    const dir = tempDir();
    const store = openStore(dir);
    const orders = value(store.create(draft('Orders')));
    const file = path.join(collectionDir(dir), 'Orders.request.yaml');
    editOutside(file, (text) => text.replace('{"a":1}', '{"edited":"outside"}'));
    const edited = readFileSync(file, 'utf8');

    const saved = store.update(orders.id, draft('Orders', { body: '{"mine":true}' }));
    expect(codeOf(saved)).toBe('CHANGED_ON_DISK');
    expect(!saved.ok && saved.error.message).toBe('“Orders” was changed outside Keypost since you opened it, so it was not written over.');
    expect(readFileSync(file, 'utf8')).toBe(edited);
    // The refusal read the file again: the page reloads the edit from here.
    expect(value(store.get(orders.id)).request.body).toEqual({ kind: 'json', text: '{"edited":"outside"}' });
    expect(codeOf(store.rename(orders.id, 'Renamed'))).toBe('ok');
  });

  it('refuses a save based on an older version than the file’s, and takes one based on the current one', () => {
    const dir = tempDir();
    const store = openStore(dir);
    const orders = value(store.create(draft('Orders')));
    const file = path.join(collectionDir(dir), 'Orders.request.yaml');
    editOutside(file, (text) => text.replace('{"a":1}', '{"edited":"outside"}'));
    const change = store.reread(DEFAULT_COLLECTION, ['Orders.request.yaml']);
    expect(change).toEqual({ changed: [orders.id], removed: [] });
    const current = value(store.get(orders.id));

    expect(codeOf(store.update(orders.id, draft('Orders', { body: '{"mine":true}' }), orders.updatedAt))).toBe('CHANGED_ON_DISK');
    expect(readFileSync(file, 'utf8')).toContain('{"edited":"outside"}');
    value(store.update(orders.id, draft('Orders', { body: '{"mine":true}' }), current.updatedAt));
    expect(readFileSync(file, 'utf8')).toContain('{"mine":true}');
  });

  it('refuses to delete a file edited since Keypost read it', () => {
    const dir = tempDir();
    const store = openStore(dir);
    const orders = value(store.create(draft('Orders')));
    const file = path.join(collectionDir(dir), 'Orders.request.yaml');
    editOutside(file, (text) => text.replace('{"a":1}', '{"edited":"outside"}'));
    expect(codeOf(store.remove(orders.id))).toBe('CHANGED_ON_DISK');
    expect(readFileSync(file, 'utf8')).toContain('{"edited":"outside"}');
    expect(value(store.remove(orders.id)).request.body).toEqual({ kind: 'json', text: '{"edited":"outside"}' });
    expect(existsSync(file)).toBe(false);
  });

  it('reads an edited file again, and drops a deleted one', () => {
    const dir = tempDir();
    const root = collectionDir(dir);
    const store = openStore(dir);
    const orders = value(store.create(draft('Orders')));
    const users = value(store.create(draft('Users')));
    editOutside(path.join(root, 'Orders.request.yaml'), (text) => text.replace('name: Orders', 'name: Open orders'));
    unlinkSync(path.join(root, 'Users.request.yaml'));
    expect(store.reread(DEFAULT_COLLECTION, ['Orders.request.yaml', 'Users.request.yaml'])).toEqual({ changed: [orders.id], removed: [users.id] });
    expect(store.list().map((p) => `${p.id}:${p.name}`)).toEqual([`${orders.id}:Open orders`]);
    // Keypost's own write, seen again (its watcher's event): no change.
    value(store.update(orders.id, draft('Open orders')));
    expect(store.reread(DEFAULT_COLLECTION, ['Orders.request.yaml'])).toEqual({ changed: [], removed: [] });
  });

  it('reads an editor’s atomic save (a temp file renamed over the request) as an edit', () => {
    const dir = tempDir();
    const root = collectionDir(dir);
    const store = openStore(dir);
    const orders = value(store.create(draft('Orders')));
    const file = path.join(root, 'Orders.request.yaml');
    writeFileSync(path.join(root, '.Orders.request.yaml.swp'), readFileSync(file, 'utf8').replace('{"a":1}', '{"saved":"atomically"}'));
    renameSync(path.join(root, '.Orders.request.yaml.swp'), file);
    expect(store.reread(DEFAULT_COLLECTION, ['.Orders.request.yaml.swp', 'Orders.request.yaml'])).toEqual({ changed: [orders.id], removed: [] });
    expect(value(store.get(orders.id)).request.body).toEqual({ kind: 'json', text: '{"saved":"atomically"}' });
  });

  it('follows a file renamed outside (git mv): a request saved by Keypost keeps its id, whichever path is reported first', () => {
    for (const order of ['new first', 'old first', 'one at a time'] as const) {
      const dir = tempDir();
      const root = collectionDir(dir);
      const store = openStore(dir);
      const orders = value(store.create(draft('Orders')));
      renameSync(path.join(root, 'Orders.request.yaml'), path.join(root, 'orders-v2.request.yaml'));
      const paths = order === 'old first' ? ['Orders.request.yaml', 'orders-v2.request.yaml'] : ['orders-v2.request.yaml', 'Orders.request.yaml'];
      const changes = order === 'one at a time' ? paths.map((one) => store.reread(DEFAULT_COLLECTION, [one])) : [store.reread(DEFAULT_COLLECTION, paths)];
      expect(changes.flatMap((change) => change.changed), order).toEqual([orders.id]);
      expect(changes.flatMap((change) => change.removed).filter((id) => id !== orders.id), order).toEqual([]);
      expect(store.list().map((p) => `${p.id}:${p.name}`), order).toEqual([`${orders.id}:Orders`]);
      expect(unreadOf(store), order).toEqual([]);
      // Saved again, it is written where it now is.
      value(store.update(orders.id, draft('Orders', { body: '{"after":"rename"}' })));
      expect(filesUnder(root), order).toEqual(['orders-v2.request.yaml']);
    }
  });

  it('follows a hand-written file renamed outside: the old one goes, the new one appears', () => {
    const dir = tempDir();
    const root = collectionDir(dir);
    writeFileAt(root, 'by-hand.request.yaml', handWritten('By hand'));
    const store = openStore(dir);
    const before = idForPath(DEFAULT_COLLECTION, 'by-hand.request.yaml');
    const after = idForPath(DEFAULT_COLLECTION, 'renamed.request.yaml');
    expect(store.list().map((p) => p.id)).toEqual([before]);
    renameSync(path.join(root, 'by-hand.request.yaml'), path.join(root, 'renamed.request.yaml'));
    expect(store.reread(DEFAULT_COLLECTION, ['renamed.request.yaml'])).toEqual({ changed: [after], removed: [before] });
    expect(store.reread(DEFAULT_COLLECTION, ['by-hand.request.yaml'])).toEqual({ changed: [], removed: [] });
    expect(store.list().map((p) => `${p.id}:${p.name}`)).toEqual([`${after}:By hand`]);
    expect(unreadOf(store)).toEqual([]);
  });

  it('gives a file copied outside an id of its own', () => {
    const dir = tempDir();
    const root = collectionDir(dir);
    const store = openStore(dir);
    value(store.createFolder(DEFAULT_COLLECTION, 'Copies'));
    const orders = value(store.create(draft('Orders')));
    cpSync(path.join(root, 'Orders.request.yaml'), path.join(root, 'Copies', 'Orders.request.yaml'));
    const copy = idForPath(DEFAULT_COLLECTION, 'Copies/Orders.request.yaml');
    expect(store.reread(DEFAULT_COLLECTION, ['Copies/Orders.request.yaml'])).toEqual({ changed: [copy], removed: [] });
    expect(store.list().map((p) => `${p.folder}/${p.name}:${p.id}`)).toEqual([`/Orders:${orders.id}`, `Copies/Orders:${copy}`]);
    // Its next save writes its own id into it.
    value(store.update(copy, draft('Orders', { body: '{"copy":true}' })));
    expect(readFileSync(path.join(root, 'Copies', 'Orders.request.yaml'), 'utf8')).toContain(`id: ${copy}\n`);
  });

  it('reads a folder that arrived whole (a git pull) with everything in it, and drops one that went', () => {
    const dir = tempDir();
    const root = collectionDir(dir);
    const store = openStore(dir);
    value(store.createFolder(DEFAULT_COLLECTION, 'Leaving'));
    const leaving = value(store.create(draft('Leaving'), inFolder('Leaving')));
    writeFileAt(root, 'Pulled/First.request.yaml', handWritten('First'));
    writeFileAt(root, 'Pulled/Deep/Second.request.yaml', handWritten('Second'));
    writeFileAt(root, 'Pulled/Deep/notes.md', 'notes\n');
    rmSync(path.join(root, 'Leaving'), { recursive: true });
    const change = store.reread(DEFAULT_COLLECTION, ['Pulled', 'Leaving']);
    const first = idForPath(DEFAULT_COLLECTION, 'Pulled/First.request.yaml');
    const second = idForPath(DEFAULT_COLLECTION, 'Pulled/Deep/Second.request.yaml');
    expect(new Set(change.changed)).toEqual(new Set([first, second]));
    expect(change.removed).toEqual([leaving.id]);
    expect(store.collections()[0]!.folders).toEqual(['Pulled', 'Pulled/Deep']);
    expect(store.list().map((p) => `${p.folder}/${p.name}`)).toEqual(['Pulled/First', 'Pulled/Deep/Second']);
  });

  it('follows a folder renamed outside: the requests inside keep their ids', () => {
    for (const order of [['Crew', 'Team'], ['Team', 'Crew']]) {
      const dir = tempDir();
      const root = collectionDir(dir);
      const store = openStore(dir);
      value(store.createFolder(DEFAULT_COLLECTION, 'Team'));
      const orders = value(store.create(draft('Orders'), inFolder('Team')));
      renameSync(path.join(root, 'Team'), path.join(root, 'Crew'));
      const change = store.reread(DEFAULT_COLLECTION, order);
      expect(change.changed, order.join()).toEqual([orders.id]);
      expect(store.collections()[0]!.folders, order.join()).toEqual(['Crew']);
      expect(store.list().map((p) => `${p.id}:${p.folder}`), order.join()).toEqual([`${orders.id}:Crew`]);
    }
  });
});

describe('a collection that cannot be written, or is gone', () => {
  /** Undone after each test, so the run's temp folder can be removed. */
  const undo: Array<() => void> = [];
  afterEach(() => {
    for (const step of undo.splice(0).reverse()) step();
  });

  it('says in words that a read-only collection cannot be written, and loses nothing held', (context) => {
    const dir = tempDir();
    const root = collectionDir(dir);
    const store = openStore(dir);
    const orders = value(store.create(draft('Orders')));
    const before = textsUnder(root);
    const folder = makeReadOnly(root);
    undo.push(folder.undo);
    if (!folder.readOnly) return context.skip(NO_READ_ONLY_FOLDER);

    for (const result of [store.create(draft('New')), store.update(orders.id, draft('Orders', { body: '{"lost":false}' })), store.rename(orders.id, 'Renamed')]) {
      expect(codeOf(result)).toBe('STORE_WRITE_FAILED');
      expect(!result.ok && result.error.message).toBe('Keypost could not write to the collection “My requests”: its folder is read-only. Nothing was saved; your edits stay in the tab.');
      expect(!result.ok && result.error.hint).toBe(`Check ${root}.`);
    }
    expect(store.collections()[0]!.state).toBe('readOnly');
    expect(store.list().map((p) => p.name)).toEqual(['Orders']);
    expect(value(store.get(orders.id))).toEqual(orders);
    expect(textsUnder(root)).toEqual(before);
  });

  it('marks a collection whose folder disappeared as missing, and does not make it again to save', () => {
    const dir = tempDir();
    const otherRoot = path.join(tempDir(), 'checkout');
    mkdirSync(otherRoot);
    const store = openStore(dir);
    const other = value(store.openCollection(otherRoot));
    const orders = value(store.create(draft('Orders'), inFolder('', other.id)));
    rmSync(otherRoot, { recursive: true });
    expect(store.reread(other.id, [''])).toEqual({ changed: [], removed: [] });
    expect(store.collections().find((info) => info.id === other.id)!.state).toBe('missing');

    const saved = store.create(draft('New'), inFolder('', other.id));
    expect(codeOf(saved)).toBe('STORE_WRITE_FAILED');
    expect(!saved.ok && saved.error.message).toContain('its folder is gone');
    expect(existsSync(otherRoot)).toBe(false);
    expect(codeOf(store.update(orders.id, draft('Orders')))).toBe('STORE_WRITE_FAILED');
    expect(existsSync(otherRoot)).toBe(false);

    // Back (a drive mounted again): read again, and writable.
    mkdirSync(otherRoot);
    store.reread(other.id, ['']);
    expect(store.collections().find((info) => info.id === other.id)!.state).toBe('ok');
    value(store.create(draft('Back'), inFolder('', other.id)));
    expect(filesUnder(otherRoot)).toEqual(['Back.request.yaml']);
  });

  it('opens a folder that is not there as missing after a restart, and refuses to open a path that is no folder', () => {
    const dir = tempDir();
    const gone = path.join(tempDir(), 'gone');
    mkdirSync(collectionDir(dir));
    const store = createCollectionStore({ defaultRoot: collectionDir(dir), openRoots: [gone], cacheDir: path.join(dir, 'cache', 'collections') });
    expect(store.collections().map((info) => [info.name, info.state])).toEqual([
      ['My requests', 'ok'],
      ['gone', 'missing'],
    ]);
    expect(codeOf(openStore(dir).openCollection(gone))).toBe('NOT_FOUND');
    expect(codeOf(openStore(dir).openCollection(writeFileAt(dir, 'a-file', 'x')))).toBe('NOT_FOUND');
    expect(value(openStore(dir).create(draft('Orders'), DEFAULT_PLACE)).collection).toBe(DEFAULT_COLLECTION);
  });
});
