// Killing the app mid-save: a request file (or one of the app's JSON files) is always the old or the new version,
// never a torn one.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUEST_FILE_SUFFIX } from '../../electron/core/collections/requestFile';
import { SETTINGS_NAME } from '../../electron/core/settings/settingsStore';
import { collectionDir, openSettings, openStore } from '../fixtures/presetStore';
import { jsonDocument } from '../fixtures/sendJson';
import { value } from '../fixtures/collectionFiles';

const PRESETS = 200;
const writer = path.resolve(import.meta.dirname, '../fixtures/storeWriter.ts');
/** The bodies storeWriter.ts saves for "Preset 0": as it fills the collection, then the two it alternates. */
const WHOLE_BODIES = ['x'.repeat(1000), 'a'.repeat(2_000_000), 'b'.repeat(2_000_000)].map((filler) => JSON.stringify({ filler }));

/** Starts a process that saves one request in a loop, lets it write for `afterMs`, then SIGKILLs it. */
async function killWhileSaving(dir: string, afterMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, String(PRESETS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('atomic saves', () => {
  it('replaces a request file with a fully written new one (a rename), never rewriting it in place', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'keypost-atomic-'));
    const store = openStore(dir);
    const first = value(store.create({ name: 'First', request: jsonDocument({ url: 'https://example.com', body: '{}' }) }));
    const file = path.join(collectionDir(dir), 'First.request.yaml');
    const before = statSync(file).ino;
    value(store.update(first.id, { name: 'First', request: jsonDocument({ url: 'https://example.com', body: '{"second":2}' }) }));
    // An in-place write keeps the inode (and can be torn by a kill); a rename swaps in a new one.
    expect(statSync(file).ino).not.toBe(before);
    expect(readFileSync(file, 'utf8')).toContain('{"second":2}');
    expect(readdirSync(collectionDir(dir))).toEqual(['First.request.yaml']);
  });

  it('replaces the app’s JSON files (settings, open tabs, environments) by a rename too', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'keypost-atomic-'));
    const settings = openSettings(dir);
    value(settings.update({ timeoutSeconds: 40 }));
    const file = path.join(dir, `${SETTINGS_NAME}.json`);
    const before = statSync(file).ino;
    value(settings.update({ timeoutSeconds: 50 }));
    expect(statSync(file).ino).not.toBe(before);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ timeoutSeconds: 50 });
    expect(readdirSync(dir)).toEqual([`${SETTINGS_NAME}.json`]);
  });

  it('leaves complete, valid request files however often the app is killed while writing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'keypost-atomic-'));
    // Kill points spread over several write cycles (a cycle takes a few ms for a 2 MB body). A kill rarely lands
    // inside a write, so this checks recovery from real kills (stray temp files, partial runs); the test above is
    // the deterministic check of the mechanism.
    for (const afterMs of [0, 3, 7, 11, 17, 23, 31, 41]) {
      await killWhileSaving(dir, afterMs);
      const store = openStore(dir);
      expect(store.status()).toEqual({ backupPath: null, problems: [], migratedFrom: null });
      expect(store.collections()[0]!.unread).toEqual([]);
      expect(store.list()).toHaveLength(PRESETS);
      const saved = store.list().find((preset) => preset.name === 'Preset 0')!;
      const body = value(store.get(saved.id)).request.body;
      // One of the writer's versions whole: the first one (1 kB of "x"), or either large one.
      expect(body.kind === 'json' && WHOLE_BODIES.includes(body.text)).toBe(true);
      // What a kill can leave besides the requests: a save's temp file, which is no request and is never read.
      expect(readdirSync(collectionDir(dir)).filter((name) => !name.endsWith(REQUEST_FILE_SUFFIX))).toSatisfy((left: string[]) => left.every((name) => /\.request\.yaml\.tmp-\d+[0-9a-f]+$/.test(name)));
    }
  }, 120_000);
});
