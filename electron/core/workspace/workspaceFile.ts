// The open tabs, in a file of their own (keypost-workspace.json beside the presets): the page saves them as the user
// types, and that must never rewrite the presets file. A tab that does not validate is left out, the rest load, and so
// are tabs past the limit (a file written by hand or by a build that kept more); a file that did not load completely
// is copied aside first (the page's next save would overwrite it), and the page says so.
import { fail, ok, type Result } from '../../../shared/errors';
import { withoutSecrets } from '../../../shared/secrets';
import type { StoreDamage } from '../../../shared/storeFile';
import { MAX_OPEN_TABS, savedTabSchema, type LoadedWorkspace, type SavedTab, type SavedWorkspace } from '../../../shared/workspace';
import { damageReport, isUnreadable, type StoreBackend } from '../storeFiles';

export const WORKSPACE_NAME = 'keypost-workspace';

export interface WorkspaceFile {
  load(): LoadedWorkspace;
  save(workspace: SavedWorkspace): Result<void>;
}

export function createWorkspaceFile(backend: StoreBackend): WorkspaceFile {
  /** Decided at the first load, so the file is backed up once, before the page's first save. */
  let damage: { report: StoreDamage | undefined } | null = null;
  return {
    load() {
      const raw = backend.store;
      const entries: unknown[] = Array.isArray(raw.tabs) ? raw.tabs : [];
      const readable = entries.flatMap((tab): SavedTab[] => {
        const parsed = savedTabSchema.safeParse(tab);
        return parsed.success ? [parsed.data] : [];
      });
      // The page keeps no more, and its saves could not hold them: the rest stay in the copy the report names.
      const tabs = readable.slice(0, MAX_OPEN_TABS);
      const active = typeof raw.active === 'number' && Number.isInteger(raw.active) ? raw.active : 0;
      damage ??= { report: damageReport(backend, problemsOf(raw, entries.length - readable.length, readable.length - tabs.length)) };
      return { tabs, active: Math.min(Math.max(active, 0), Math.max(tabs.length - 1, 0)), ...(damage.report ? { damage: damage.report } : {}) };
    },
    save(workspace) {
      try {
        // The same atomic write as the presets (conf/electron-store: temporary file, fsync, rename).
        // Drafts without secret-looking header or query values: the keychain is the only place a secret is kept.
        const tabs = workspace.tabs.map((tab) => ({ ...tab, draft: withoutSecrets(tab.draft) }));
        backend.store = { ...workspace, tabs } as unknown as Record<string, unknown>;
        return ok(undefined);
      } catch (error) {
        return fail('STORE_WRITE_FAILED', 'Keypost could not save your open tabs.', {
          hint: `Check that the disk is not full and ${backend.path} is writable. Detail: ${(error as Error).message}`,
        });
      }
    },
  };
}

function problemsOf(raw: Record<string, unknown>, dropped: number, pastLimit: number): string[] {
  const problems: string[] = [];
  if (isUnreadable(raw)) problems.push('The open tabs file was not valid JSON, so no tab could be restored from it.');
  if (dropped > 0) problems.push(`${dropped} open tab${dropped === 1 ? '' : 's'} could not be read and ${dropped === 1 ? 'was' : 'were'} left out; the others were restored.`);
  if (pastLimit > 0) {
    const kept = `the first ${MAX_OPEN_TABS} were restored, the last ${pastLimit === 1 ? 'one' : pastLimit} left out`;
    problems.push(`The file held ${MAX_OPEN_TABS + pastLimit} readable open tabs, more than the ${MAX_OPEN_TABS} Keypost keeps open: ${kept}.`);
  }
  return problems;
}
