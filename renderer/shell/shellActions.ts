// The window's own calls: About Keypost's versions, and the application menu's commands as they arrive from main.
import type { CommandId } from '../../shared/shortcuts';
import { isCommandId } from '../../shared/shortcuts';
import { api } from '../api';

export const loadAbout = () => api!.getAbout();

export const onMenuCommand = (run: (command: CommandId) => void): (() => void) =>
  api?.on('menuCommand', ({ command }) => {
    if (isCommandId(command)) run(command);
  }) ?? (() => {});
