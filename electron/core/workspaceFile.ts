// The open tabs, in a file of their own (keypost-workspace.json beside the presets): the page saves them as the user
// types, and that must never rewrite the presets file. A tab that does not validate is left out, the rest load.
import { fail, ok, type Result } from '../../shared/errors';
import { withoutSecrets } from '../../shared/secrets';
import { savedTabSchema, type SavedTab, type SavedWorkspace } from '../../shared/workspace';
import type { StoreBackend } from './presetStoreFile';

export const WORKSPACE_NAME = 'keypost-workspace';

export interface WorkspaceFile {
  load(): SavedWorkspace;
  save(workspace: SavedWorkspace): Result<void>;
}

export function createWorkspaceFile(backend: StoreBackend): WorkspaceFile {
  return {
    load() {
      const raw = backend.store;
      const tabs = (Array.isArray(raw.tabs) ? raw.tabs : []).flatMap((tab): SavedTab[] => {
        const parsed = savedTabSchema.safeParse(tab);
        return parsed.success ? [parsed.data] : [];
      });
      const active = typeof raw.active === 'number' && Number.isInteger(raw.active) ? raw.active : 0;
      return { tabs, active: Math.min(Math.max(active, 0), Math.max(tabs.length - 1, 0)) };
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
