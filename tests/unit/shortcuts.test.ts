// The one list of commands and keys (shared/shortcuts.ts): every key it declares is one the page's matcher answers,
// on each platform, and no key means two things.
import { describe, expect, it } from 'vitest';
import { chordOf, commandIds, keyLabel, keysOf, shortcutFor, shortcuts, type KeyLike, type Platform } from '../../shared/shortcuts';

const platforms: Platform[] = ['darwin', 'win32', 'linux'];

/** The keydown a keyboard sends for an accelerator on a platform (a shifted letter arrives upper-case, as it does). */
function keydown(accelerator: string, platform: Platform): KeyLike {
  const chord = chordOf(accelerator, platform);
  const named: Record<string, string> = { enter: 'Enter', tab: 'Tab', pagedown: 'PageDown', pageup: 'PageUp', escape: 'Escape', delete: 'Delete', f2: 'F2', f3: 'F3' };
  const key = named[chord.key] ?? (chord.shift ? chord.key.toUpperCase() : chord.key);
  return { key, ctrlKey: chord.ctrl, metaKey: chord.meta, shiftKey: chord.shift, altKey: chord.alt };
}
const press = (key: string, modifiers: Partial<Omit<KeyLike, 'key'>> = {}): KeyLike => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });

// Electron's accelerator grammar (docs/api/accelerator.md): modifiers joined by "+" and one key code.
const MODIFIERS = /^(Command|Cmd|Control|Ctrl|CommandOrControl|CmdOrCtrl|Alt|Option|AltGr|Shift|Super|Meta)$/;
const KEY_CODE = /^([0-9A-Z]|F([1-9]|1[0-9]|2[0-4])|[)!@#$%^&*(:;+=<,_>.?/~`{\]}[|\\"'-]|Plus|Space|Tab|Capslock|Numlock|Scrolllock|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc)$/;

describe('the shortcut list', () => {
  const everyKey = shortcuts.flatMap((entry) => keysOf(entry).map((accelerator) => ({ entry, accelerator })));

  it('writes every key in Electron accelerator syntax, so the menu can show it as it is', () => {
    expect(everyKey.length).toBeGreaterThan(15);
    for (const { accelerator } of everyKey) {
      const parts = accelerator.split('+');
      expect(parts.at(-1), accelerator).toMatch(KEY_CODE);
      for (const modifier of parts.slice(0, -1)) expect(modifier, accelerator).toMatch(MODIFIERS);
    }
  });

  for (const platform of platforms) {
    it(`answers every key of the list with its own entry on ${platform}`, () => {
      for (const { entry, accelerator } of everyKey) {
        expect(shortcutFor(keydown(accelerator, platform), platform, entry.scope), `${accelerator} on ${platform}`).toBe(entry.id);
      }
    });

    it(`has no two entries on the same key on ${platform}`, () => {
      const seen = new Map<string, string>();
      for (const { entry, accelerator } of everyKey) {
        const chord = JSON.stringify(chordOf(accelerator, platform));
        expect(seen.get(chord), `${accelerator} (${entry.id}) on ${platform}`).toBeUndefined();
        seen.set(chord, entry.id);
      }
    });
  }

  it('gives each command of the window a unique id, and a menu only to window commands', () => {
    expect(new Set(shortcuts.map((entry) => entry.id)).size).toBe(shortcuts.length);
    for (const entry of shortcuts) if ('menu' in entry) expect(entry.scope, entry.id).toBe('window');
    expect(commandIds).toEqual(shortcuts.filter((entry) => entry.scope === 'window').map((entry) => entry.id));
  });
});

describe('shortcutFor, the page matcher', () => {
  it('uses ⌘ on macOS where Windows and Linux use Ctrl', () => {
    expect(shortcutFor(press('s', { metaKey: true }), 'darwin')).toBe('save');
    expect(shortcutFor(press('s', { ctrlKey: true }), 'darwin')).toBeNull();
    expect(shortcutFor(press('s', { ctrlKey: true }), 'linux')).toBe('save');
    expect(shortcutFor(press('s', { metaKey: true }), 'win32')).toBeNull();
    expect(shortcutFor(press('Enter', { metaKey: true }), 'darwin')).toBe('send');
    expect(shortcutFor(press('Enter', { ctrlKey: true }), 'win32')).toBe('send');
  });

  it('switches tabs with Control on every platform (⌘Tab is the macOS application switcher)', () => {
    for (const platform of platforms) {
      expect(shortcutFor(press('Tab', { ctrlKey: true }), platform)).toBe('nextTab');
      expect(shortcutFor(press('Tab', { ctrlKey: true, shiftKey: true }), platform)).toBe('previousTab');
      expect(shortcutFor(press('PageDown', { ctrlKey: true }), platform)).toBe('nextTab');
      expect(shortcutFor(press('PageUp', { ctrlKey: true }), platform)).toBe('previousTab');
    }
  });

  it('wants exactly the modifiers the key shows: Shift makes Save as, Alt or an extra modifier makes nothing', () => {
    expect(shortcutFor(press('S', { ctrlKey: true, shiftKey: true }), 'linux')).toBe('saveAs');
    expect(shortcutFor(press('s', { ctrlKey: true, altKey: true }), 'linux')).toBeNull();
    expect(shortcutFor(press('T', { ctrlKey: true, shiftKey: true }), 'linux')).toBeNull();
    expect(shortcutFor(press('w', { ctrlKey: true, metaKey: true }), 'linux')).toBeNull();
    expect(shortcutFor(press('s'), 'linux')).toBeNull();
  });

  it('answers keys of a part of the page only when asked about that part', () => {
    expect(shortcutFor(press('f', { ctrlKey: true }), 'linux')).toBeNull();
    expect(shortcutFor(press('f', { ctrlKey: true }), 'linux', 'response')).toBe('find');
    expect(shortcutFor(press('F2'), 'linux')).toBeNull();
    expect(shortcutFor(press('F2'), 'linux', 'presetList')).toBe('renamePreset');
    expect(shortcutFor(press('Escape'), 'darwin', 'dialog')).toBe('closeDialog');
  });
});

describe('keyLabel', () => {
  it('writes keys the way each platform does', () => {
    expect(keyLabel('CmdOrCtrl+Shift+S', 'darwin')).toBe('⇧⌘S');
    expect(keyLabel('CmdOrCtrl+Shift+S', 'linux')).toBe('Ctrl+Shift+S');
    expect(keyLabel('CmdOrCtrl+Enter', 'darwin')).toBe('⌘↵');
    expect(keyLabel('CmdOrCtrl+Enter', 'win32')).toBe('Ctrl+Enter');
    expect(keyLabel('Ctrl+Shift+Tab', 'darwin')).toBe('⌃⇧⇥');
    expect(keyLabel('Shift+Alt+F', 'darwin')).toBe('⌥⇧F');
    expect(keyLabel('Shift+Alt+F', 'linux')).toBe('Shift+Alt+F');
    expect(keyLabel('CmdOrCtrl+,', 'linux')).toBe('Ctrl+,');
    expect(keyLabel('Escape', 'linux')).toBe('Esc');
  });
});
