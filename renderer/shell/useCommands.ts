// The window's commands, reached two ways: a key anywhere in the page (one keydown handler) and the application
// menu (main's menuCommand event). Both name commands from shared/shortcuts.ts, so a key and its menu item match.
import { useEffect, useRef } from 'react';
import { shortcutFor, type CommandId } from '../../shared/shortcuts';
import { onMenuCommand } from './shellActions';
import { platform } from '../platform';

export type CommandActions = Record<CommandId, () => void>;

/** actions: null while there is nothing for a command to act on yet (the keys are still kept from the browser). */
export function useCommands(actions: CommandActions | null): void {
  // The latest actions, read when a key or menu event arrives, so the listeners are added once.
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = shortcutFor(event, platform);
      if (!command) return;
      // Handled here, so Electron does not also hand the key to the menu item with this accelerator.
      event.preventDefault();
      latest.current?.[command]();
    };
    window.addEventListener('keydown', onKey);
    const stopMenu = onMenuCommand((command) => latest.current?.[command]());
    return () => {
      window.removeEventListener('keydown', onKey);
      stopMenu();
    };
  }, []);
}
