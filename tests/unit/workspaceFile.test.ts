// The open tabs file (keypost-workspace.json): a damaged one is copied aside before the page's next save can
// overwrite it, the tabs that still read are restored, and the page is told what was lost and where the original is.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_NAME } from '../../electron/core/workspace/workspaceFile';
import { blankRequest } from '../../shared/request';
import { MAX_OPEN_TABS } from '../../shared/workspace';
import { openWorkspace } from '../fixtures/presetStore';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'keypost-workspace-'));
const fileIn = (dir: string) => path.join(dir, `${WORKSPACE_NAME}.json`);
const backupsIn = (dir: string) => readdirSync(dir).filter((name) => name.startsWith(`${WORKSPACE_NAME}.corrupt-`));
const draft = (url: string) => ({ ...blankRequest(), url });

describe('the open tabs file', () => {
  it('restores a sound file as saved, and backs nothing up', () => {
    const dir = tempDir();
    expect(openWorkspace(dir).save({ tabs: [{ presetId: null, draft: draft('https://api.example.com/a') }], active: 0 }).ok).toBe(true);
    const loaded = openWorkspace(dir).load();
    expect(loaded.tabs.map((tab) => tab.draft.url)).toEqual(['https://api.example.com/a']);
    expect(loaded.damage).toBeUndefined();
    expect(backupsIn(dir)).toEqual([]);
  });

  it('keeps a file that is not JSON byte for byte beside it, once, and says no tab could be restored', () => {
    const dir = tempDir();
    const damaged = '{"tabs": [{"presetId": null, "draft": {"url": "https://api.exa';
    writeFileSync(fileIn(dir), damaged);
    const workspace = openWorkspace(dir);
    const loaded = workspace.load();
    expect(loaded.tabs).toEqual([]);
    expect(loaded.damage!.problems.join(' ')).toContain('not valid JSON');
    expect(readFileSync(loaded.damage!.backupPath!, 'utf8')).toBe(damaged);
    // The page's first save rewrites the file; the copy stays, and loading again makes no second one.
    expect(workspace.save({ tabs: [], active: 0 }).ok).toBe(true);
    workspace.load();
    expect(backupsIn(dir)).toEqual([path.basename(loaded.damage!.backupPath!)]);
  });

  it('restores the tabs that read, leaves out the one that does not, and keeps the original', () => {
    const dir = tempDir();
    expect(
      openWorkspace(dir).save({
        tabs: [
          { presetId: null, draft: draft('https://api.example.com/kept') },
          { presetId: null, draft: draft('https://api.example.com/broken') },
        ],
        active: 1,
      }).ok,
    ).toBe(true);
    const text = readFileSync(fileIn(dir), 'utf8');
    const file = JSON.parse(text) as { tabs: Array<{ draft: { method: unknown } }> };
    file.tabs[1]!.draft.method = 42;
    writeFileSync(fileIn(dir), JSON.stringify(file));

    const loaded = openWorkspace(dir).load();
    expect(loaded.tabs.map((tab) => tab.draft.url)).toEqual(['https://api.example.com/kept']);
    expect(loaded.active).toBe(0);
    expect(loaded.damage!.problems).toEqual(['1 open tab could not be read and was left out; the others were restored.']);
    expect(JSON.parse(readFileSync(loaded.damage!.backupPath!, 'utf8'))).toEqual(file);
  });

  it('restores as many tabs as Keypost keeps from a file holding more, says how many were left out, and keeps them all in the copy', () => {
    const dir = tempDir();
    const tabs = Array.from({ length: MAX_OPEN_TABS + 2 }, (_, index) => ({ presetId: null, draft: draft(`https://api.example.com/${index}`) }));
    // Written as a hand-edited file or a build that kept more would have it (the page's saves are checked in main).
    expect(openWorkspace(dir).save({ tabs, active: MAX_OPEN_TABS + 1 }).ok).toBe(true);
    const original = readFileSync(fileIn(dir), 'utf8');

    const loaded = openWorkspace(dir).load();
    expect(loaded.tabs.map((tab) => tab.draft.url)).toEqual(tabs.slice(0, MAX_OPEN_TABS).map((tab) => tab.draft.url));
    expect(loaded.active).toBe(MAX_OPEN_TABS - 1);
    expect(loaded.damage!.problems).toEqual([
      `The file held ${MAX_OPEN_TABS + 2} readable open tabs, more than the ${MAX_OPEN_TABS} Keypost keeps open: the first ${MAX_OPEN_TABS} were restored, the last 2 left out.`,
    ]);
    expect(readFileSync(loaded.damage!.backupPath!, 'utf8')).toBe(original);
  });
});
