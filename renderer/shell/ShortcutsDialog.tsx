// Keyboard shortcuts: every key of shared/shortcuts.ts (the list the menu and the page's key handler use), grouped by
// where it works, written as this platform writes keys (⌘⇧S on macOS, Ctrl+Shift+S elsewhere).
import { Fragment } from 'react';
import { keyLabel, keysOf, shortcuts, type Platform, type ShortcutScope } from '../../shared/shortcuts';
import { ModalFooter } from '../ui';
import { Modal } from '../ui/Modal';
import './help.css';

const scopeTitles: Record<ShortcutScope, string> = {
  window: 'Anywhere in the window',
  bodyEditor: 'In the request body editor',
  response: 'In the response',
  findBar: 'In the find bar',
  presetList: 'In the presets list',
  dialog: 'In dialogs',
};

export function ShortcutsDialog({ platform, onClose }: { platform: Platform; onClose(): void }) {
  return (
    <Modal testId="shortcuts-dialog" title="Keyboard shortcuts" onCancel={onClose}>
      {(Object.keys(scopeTitles) as ShortcutScope[]).map((scope) => (
        <section key={scope} className="shortcut-group">
          <h4>{scopeTitles[scope]}</h4>
          <table className="shortcut-table">
            <tbody>
              {shortcuts
                .filter((entry) => entry.scope === scope && entry.accelerator)
                .map((entry) => (
                  <tr key={entry.id} data-testid="shortcut" data-id={entry.id}>
                    <td className="shortcut-keys">
                      {keysOf(entry).map((key, index) => (
                        <Fragment key={key}>
                          {index > 0 && ' or '}
                          <kbd data-testid="shortcut-key">{keyLabel(key, platform)}</kbd>
                        </Fragment>
                      ))}
                    </td>
                    <th scope="row">{entry.label}</th>
                    <td className="shortcut-description">{entry.description}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      <ModalFooter leave={{ label: 'Close', testId: 'shortcuts-close', onClick: onClose }} />
    </Modal>
  );
}
