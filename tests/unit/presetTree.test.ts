// The sidebar's tree, by its pure functions: which rows show (collections, folders, requests, with depth) for what is
// open and what is typed in the filter, where a drag may drop, and how the library store keeps folders open and the
// selection across renames, moves and reveals. No React, no IPC.
import { describe, expect, it } from 'vitest';
import { type CollectionInfo, DEFAULT_PLACE } from '../../shared/collections';
import type { PresetSummary } from '../../shared/presets';
import { collectionsListed, folderMoved, initialLibrary, nodeToggled, placeRevealed, presetsListed, rowSelected, selectedPlace, type Library } from '../../renderer/presets/library';
import {
  allPlaces,
  buildTreeIndex,
  canMoveTo,
  collectionKey,
  dropPlace,
  folderKey,
  movableOf,
  placeLabel,
  requestKey,
  visibleRows,
  type TreeRow,
} from '../../renderer/presets/presetTree';
import { newTab, presetRewritten, type Workspace } from '../../renderer/workspace/workspace';
import { blankRequest } from '../../shared/request';

const collection = (id: string, name: string, folders: string[] = []): CollectionInfo => ({ id, name, path: `/data/${name}`, folders, unread: [], secrets: [], state: 'ok' });
let nextId = 0;
const request = (name: string, folder = '', collectionId = 'default', url = `https://api.example/${name.toLowerCase().replace(/ /g, '-')}`): PresetSummary => ({
  id: `p${++nextId}`,
  name,
  updatedAt: 1,
  collection: collectionId,
  folder,
  method: 'GET',
  url,
  credential: null,
});

const mine = collection('default', 'My requests', ['billing', 'billing/refunds', 'empty', 'users']);
const team = collection('c-team', 'team-api', ['auth']);
const list = [
  request('Health'),
  request('Invoices', 'billing'),
  request('Refund one', 'billing/refunds'),
  request('Users list', 'users'),
  request('Login', 'auth', 'c-team', 'https://team.example/login'),
];
const index = buildTreeIndex([mine, team], list);

/** Each row as "depth kind name" with ▾/▸ for open/closed nodes: the tree as a user reads it. */
const shape = (rows: TreeRow[]) =>
  rows.map((row) => {
    const name = row.kind === 'collection' ? row.collection.name : row.kind === 'folder' ? row.name : row.preset.name;
    const mark = row.kind === 'request' ? '' : row.expanded ? '▾ ' : '▸ ';
    return `${'  '.repeat(row.depth)}${mark}${name}`;
  });

describe('the tree', () => {
  it('shows each collection with its folders (empty ones too) before its requests, closed folders hiding what they hold', () => {
    const tree = visibleRows(index, '', new Set([collectionKey('default'), collectionKey('c-team')]));
    expect(shape(tree.rows)).toEqual(['▾ My requests', '  ▸ billing', '  ▸ empty', '  ▸ users', '  Health', '▾ team-api', '  ▸ auth']);
    expect(tree).toMatchObject({ requests: 1, filtering: false });
    const empty = tree.rows.find((row) => row.kind === 'folder' && row.name === 'empty');
    expect(empty).toMatchObject({ empty: true, requests: 0 });
    expect(tree.rows.find((row) => row.kind === 'folder' && row.name === 'billing')).toMatchObject({ empty: false, requests: 2, depth: 1 });
  });

  it('opens what is expanded, to any depth, and gives each row a key that does not change with the list', () => {
    const open = new Set([collectionKey('default'), folderKey('default', 'billing'), folderKey('default', 'billing/refunds')]);
    const tree = visibleRows(index, '', open);
    expect(shape(tree.rows)).toEqual(['▾ My requests', '  ▾ billing', '    ▾ refunds', '      Refund one', '    Invoices', '  ▸ empty', '  ▸ users', '  Health', '▸ team-api']);
    expect(tree.rows.map((row) => row.key)).toContain(requestKey(list[2]!.id));
    const again = visibleRows(buildTreeIndex([mine, team], [...list, request('Another')]), '', open);
    expect(again.rows.find((row) => row.kind === 'folder' && row.name === 'refunds')!.key).toBe(folderKey('default', 'billing/refunds'));
  });

  it('filters by name or URL in any case, showing each match under the folders and collection it lives in, opened', () => {
    const tree = visibleRows(index, '  REFUND ', new Set());
    expect(shape(tree.rows)).toEqual(['▾ My requests', '  ▾ billing', '    ▾ refunds', '      Refund one']);
    expect(tree).toMatchObject({ requests: 1, filtering: true });
    expect(shape(visibleRows(index, 'team.example', new Set()).rows)).toEqual(['▾ team-api', '  ▾ auth', '    Login']);
    expect(visibleRows(index, 'nothing like it', new Set()).rows).toEqual([]);
  });

  it('shows a folder whose own name matches, closed when nothing in it matches too', () => {
    expect(shape(visibleRows(index, 'empt', new Set()).rows)).toEqual(['▾ My requests', '  ▸ empty']);
    expect(visibleRows(index, 'empt', new Set()).requests).toBe(0);
  });

  it('draws a request of a collection it was not told about under that collection rather than losing it', () => {
    const tree = visibleRows(buildTreeIndex([], [request('Orphan', 'a/b')]), '', new Set([collectionKey('default'), folderKey('default', 'a'), folderKey('default', 'a/b')]));
    expect(shape(tree.rows)).toEqual(['▾ My requests', '  ▾ a', '    ▾ b', '      Orphan']);
  });

  it('filters 10,000 requests in folders in a few milliseconds a keystroke', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => request(`Request ${i}`, `area ${i % 20}/part ${i % 7}`));
    const folders = [...new Set(many.flatMap((preset) => [preset.folder.split('/')[0]!, preset.folder]))];
    const big = buildTreeIndex([collection('default', 'My requests', folders)], many);
    expect(visibleRows(big, '', new Set([collectionKey('default')])).rows).toHaveLength(21);
    const typing = () => {
      for (const typed of ['r', 're', 'req', 'requ', 'reque', 'request 1', 'request 12', 'request 123']) visibleRows(big, typed, new Set());
    };
    typing();
    const started = performance.now();
    typing();
    // About 10 ms here; the bound leaves room for a busy machine.
    expect((performance.now() - started) / 8).toBeLessThan(50);
    expect(visibleRows(big, 'request 123', new Set()).requests).toBe(11);
  });
});

describe('moving in the tree', () => {
  const rows = visibleRows(index, '', new Set([collectionKey('default'), folderKey('default', 'billing'), collectionKey('c-team')])).rows;
  const row = (name: string) => rows.find((each) => (each.kind === 'collection' ? each.collection.name : each.kind === 'folder' ? each.name : each.preset.name) === name)!;

  it('drops a request into a folder, a collection’s top level or beside another request, never where it is', () => {
    expect(dropPlace(row('Health'), row('billing'))).toEqual({ collection: 'default', folder: 'billing' });
    expect(dropPlace(row('Invoices'), row('My requests'))).toEqual(DEFAULT_PLACE);
    expect(dropPlace(row('Invoices'), row('team-api'))).toEqual({ collection: 'c-team', folder: '' });
    expect(dropPlace(row('Invoices'), row('Health'))).toEqual(DEFAULT_PLACE);
    expect(dropPlace(row('Invoices'), row('billing'))).toBeNull();
  });

  it('moves a folder only within its collection, never into itself, below itself, or where it already is', () => {
    expect(dropPlace(row('users'), row('billing'))).toEqual({ collection: 'default', folder: 'billing' });
    expect(dropPlace(row('refunds'), row('My requests'))).toEqual(DEFAULT_PLACE);
    expect(dropPlace(row('billing'), row('refunds'))).toBeNull();
    expect(dropPlace(row('billing'), row('billing'))).toBeNull();
    expect(dropPlace(row('billing'), row('My requests'))).toBeNull();
    expect(dropPlace(row('billing'), row('team-api'))).toBeNull();
    expect(dropPlace(row('My requests'), row('billing'))).toBeNull();
  });

  it('lists every place for "Move to…" and says each in words', () => {
    const places = allPlaces([mine, team]);
    expect(places.map((place) => placeLabel([mine, team], place))).toEqual([
      'My requests',
      'My requests / billing',
      'My requests / billing / refunds',
      'My requests / empty',
      'My requests / users',
      'team-api',
      'team-api / auth',
    ]);
    const folder = movableOf(row('billing'))!;
    expect(places.filter((place) => canMoveTo(folder, place)).map((place) => place.folder)).toEqual(['empty', 'users']);
    expect(places.filter((place) => canMoveTo(movableOf(row('Health'))!, place))).toHaveLength(6);
  });
});

describe('the library store: open folders and the selection', () => {
  const listed = (): Library => presetsListed(collectionsListed(initialLibrary, [mine]), list);

  it('opens a collection the first time it is listed, and leaves closed the ones the user closed', () => {
    let library = listed();
    expect([...library.expanded]).toEqual([collectionKey('default')]);
    library = nodeToggled(library, collectionKey('default'), false);
    library = collectionsListed(library, [mine, team]);
    expect([...library.expanded]).toEqual([collectionKey('c-team')]);
    expect(nodeToggled(library, collectionKey('c-team'), true)).toBe(library);
  });

  it('reveals a place or a request: its collection and folders open, and it selected', () => {
    const library = placeRevealed(listed(), { collection: 'default', folder: 'billing/refunds' });
    expect(library.selected).toBe(folderKey('default', 'billing/refunds'));
    expect([...library.expanded].sort()).toEqual([collectionKey('default'), folderKey('default', 'billing')].sort());
    const shown = placeRevealed(listed(), { collection: 'default', folder: 'billing/refunds' }, 'p9');
    expect(shown.selected).toBe(requestKey('p9'));
    expect(shown.expanded.has(folderKey('default', 'billing/refunds'))).toBe(true);
  });

  it('keeps a renamed or moved folder, and the folders in it, as open and as selected as they were', () => {
    let library = placeRevealed(listed(), { collection: 'default', folder: 'billing/refunds' });
    library = nodeToggled(library, folderKey('default', 'billing/refunds'), true);
    library = folderMoved(library, 'default', 'billing', 'money');
    expect(library.selected).toBe(folderKey('default', 'money/refunds'));
    expect([...library.expanded].sort()).toEqual([collectionKey('default'), folderKey('default', 'money'), folderKey('default', 'money/refunds')].sort());
  });

  it('puts what is saved or made where the selection is: a folder, a request’s folder, else the default collection’s top', () => {
    const library = collectionsListed(listed(), [mine, team]);
    expect(selectedPlace(library)).toEqual(DEFAULT_PLACE);
    expect(selectedPlace(rowSelected(library, folderKey('default', 'users')))).toEqual({ collection: 'default', folder: 'users' });
    expect(selectedPlace(rowSelected(library, requestKey(list[2]!.id)))).toEqual({ collection: 'default', folder: 'billing/refunds' });
    expect(selectedPlace(rowSelected(library, collectionKey('c-team')))).toEqual({ collection: 'c-team', folder: '' });
    // A folder or collection no longer there: the default.
    expect(selectedPlace(rowSelected(library, folderKey('default', 'gone')))).toEqual(DEFAULT_PLACE);
    expect(selectedPlace(rowSelected(library, collectionKey('c-closed')))).toEqual(DEFAULT_PLACE);
  });
});

describe('tabs of a request whose file was written anew (renamed, moved)', () => {
  it('take its name and the file’s new time, so their next save is based on it; their drafts stay as typed', () => {
    const draft = { ...blankRequest(), url: 'https://api.example/typed' };
    const tab = newTab(draft, { id: 'p1', name: 'Old', updatedAt: 5, request: blankRequest() });
    const workspace: Workspace = { tabs: [tab, newTab(blankRequest())], activeId: tab.id };
    const next = presetRewritten(workspace, { id: 'p1', name: 'New', updatedAt: 9 });
    expect(next.tabs[0]!.preset).toMatchObject({ id: 'p1', name: 'New', updatedAt: 9 });
    expect(next.tabs[0]!.draft).toBe(draft);
    expect(next.tabs[1]).toBe(workspace.tabs[1]);
  });
});
