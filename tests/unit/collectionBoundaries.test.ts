// A collection's edges: a link out of the folder is neither read nor written into, and a folder that overlaps an open
// collection is not opened as a second one (one file would be two requests, each writing over the other).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blankRequest } from '../../shared/request';
import { requestFileText } from '../../electron/core/collections/requestFile';
import { openStore, tempDataDir, testCore } from '../fixtures/presetStore';

const requestText = (name: string) => requestFileText({ id: null, name, request: { ...blankRequest(), url: 'https://api.example.com' } });

describe('collection boundaries', () => {
  it('skips a folder that links outside the collection, saying so, and reads none of its files', () => {
    const dir = tempDataDir();
    const outside = mkdtempSync(path.join(tmpdir(), 'keypost-outside-'));
    writeFileSync(path.join(outside, 'Private.request.yaml'), requestText('Private'));
    mkdirSync(path.join(dir, 'collection'), { recursive: true });
    symlinkSync(outside, path.join(dir, 'collection', 'linked'));
    const store = openStore(dir);
    expect(store.list()).toEqual([]);
    const [collection] = store.collections();
    expect(collection!.folders).toEqual([]);
    expect(collection!.unread).toEqual([{ file: 'linked', reason: 'It links to a folder outside the collection, so it was skipped.' }]);
  });

  it('does not open a folder inside an open collection, nor one that holds it', () => {
    const dir = tempDataDir();
    const store = openStore(dir);
    mkdirSync(path.join(dir, 'collection', 'inner'), { recursive: true });
    const inside = store.openCollection(path.join(dir, 'collection', 'inner'));
    expect(inside.ok ? 'opened' : inside.error.message).toBe('That folder is inside the collection “My requests”, which is open already.');
    const holding = store.openCollection(dir);
    expect(holding.ok ? 'opened' : holding.error.message).toBe('That folder holds the collection “My requests”, which is open already.');
    const apart = mkdtempSync(path.join(tmpdir(), 'keypost-apart-'));
    writeFileSync(path.join(apart, 'Shared.request.yaml'), requestText('Shared'));
    expect(store.openCollection(apart).ok).toBe(true);
    expect(store.list().map((preset) => preset.name)).toEqual(['Shared']);
  });

  it('refuses a folder called node_modules, which a collection never reads (its requests would vanish)', async () => {
    const core = testCore({ keychainService: 'Keypost-unit-unused' });
    try {
      const made = await core.call('createFolder', 'default', 'api/node_modules');
      expect(made.ok ? 'made' : made.error.code).toBe('INVALID_ARGUMENT');
    } finally {
      await core.close();
    }
  });
});
