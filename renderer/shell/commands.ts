// The window's commands (shared/shortcuts.ts), each the action its key and its menu item run.
import type { CommandId } from '../../shared/shortcuts';
import { openDialog } from '../dialogs/dialog';
import { chooseImportFile, exportPresets, saveActiveTab, saveActiveTabAs } from '../presets/presetActions';
import { sendActiveTab } from '../request/sendActions';
import { closeActiveTab, cycleTabs, openBlankTab } from '../workspace/tabActions';

export const commands: Record<CommandId, () => void> = {
  send: sendActiveTab,
  newTab: openBlankTab,
  save: () => void saveActiveTab(),
  saveAs: saveActiveTabAs,
  importPresets: () => void chooseImportFile(),
  importCurl: () => openDialog({ kind: 'curlImport' }),
  exportPresets: () => void exportPresets(),
  settings: () => openDialog({ kind: 'settings' }),
  closeTab: closeActiveTab,
  nextTab: () => cycleTabs(1),
  previousTab: () => cycleTabs(-1),
  shortcuts: () => openDialog({ kind: 'shortcuts' }),
  about: () => openDialog({ kind: 'about' }),
};
