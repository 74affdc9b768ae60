// The app's commands and their keys, declared once: the application menu (electron/core/shell/appMenu.ts) shows these
// accelerators, the page handles exactly these (shortcutFor), and the Keyboard shortcuts window lists them.

export type Platform = 'darwin' | 'win32' | 'linux';

/**
 * Where a key works. `window`: anywhere in the window (the page's one keydown handler, and the menu). The others are
 * keys of one part of the page, listed so the Keyboard shortcuts window tells the whole story; no menu shows them.
 */
export type ShortcutScope = 'window' | 'bodyEditor' | 'response' | 'findBar' | 'presetList' | 'dialog';

/** The menu a command appears in (on macOS, Settings… and About move to the app menu, as the platform expects). */
export type MenuName = 'file' | 'window' | 'help';

export interface ShortcutEntry {
  id: string;
  /** What the menu item and the Keyboard shortcuts window call it. */
  label: string;
  /** Electron accelerator syntax (`CmdOrCtrl+T`); null for a command only the menu or a button offers. */
  accelerator: string | null;
  /** Further keys for the same command (shown after the first; a menu shows only the first). */
  alternates?: readonly string[];
  scope: ShortcutScope;
  menu?: MenuName;
  /** One sentence for the Keyboard shortcuts window. */
  description: string;
}

export const shortcuts = [
  { id: 'send', label: 'Send', accelerator: 'CmdOrCtrl+Enter', scope: 'window', description: 'Send the request in the active tab (the body editor too).' },
  { id: 'newTab', label: 'New tab', accelerator: 'CmdOrCtrl+T', scope: 'window', menu: 'file', description: 'Open a new request in a tab of its own.' },
  { id: 'save', label: 'Save', accelerator: 'CmdOrCtrl+S', scope: 'window', menu: 'file', description: 'Save the request as its preset (the first save asks for a name).' },
  { id: 'saveAs', label: 'Save as…', accelerator: 'CmdOrCtrl+Shift+S', scope: 'window', menu: 'file', description: 'Save a copy of the request under a new name.' },
  { id: 'importPresets', label: 'Import…', accelerator: null, scope: 'window', menu: 'file', description: 'Import presets from a Keypost export file.' },
  { id: 'importCurl', label: 'Import cURL…', accelerator: null, scope: 'window', menu: 'file', description: 'Turn a pasted cURL command into the request (pasting one into the URL field does the same).' },
  { id: 'exportPresets', label: 'Export…', accelerator: null, scope: 'window', menu: 'file', description: 'Export every preset to a file (never a token).' },
  { id: 'settings', label: 'Settings…', accelerator: 'CmdOrCtrl+,', scope: 'window', menu: 'file', description: 'Open Settings: body size limit, timeout, redirects, theme.' },
  { id: 'closeTab', label: 'Close tab', accelerator: 'CmdOrCtrl+W', scope: 'window', menu: 'file', description: 'Close the active tab (asks first when it has unsaved edits).' },
  // Control on every platform: ⌘Tab is macOS's application switcher.
  { id: 'nextTab', label: 'Next tab', accelerator: 'Ctrl+Tab', alternates: ['Ctrl+PageDown'], scope: 'window', menu: 'window', description: 'Show the next tab, wrapping around.' },
  { id: 'previousTab', label: 'Previous tab', accelerator: 'Ctrl+Shift+Tab', alternates: ['Ctrl+PageUp'], scope: 'window', menu: 'window', description: 'Show the previous tab, wrapping around.' },
  { id: 'shortcuts', label: 'Keyboard shortcuts', accelerator: 'CmdOrCtrl+/', scope: 'window', menu: 'help', description: 'Show this list.' },
  { id: 'about', label: 'About Keypost', accelerator: null, scope: 'window', menu: 'help', description: 'Versions of Keypost, Electron, Chromium, Node and V8, and the licence.' },

  { id: 'formatBody', label: 'Format JSON', accelerator: 'Shift+Alt+F', scope: 'bodyEditor', description: 'Re-indent the JSON body (whitespace only; numbers stay exact).' },
  { id: 'find', label: 'Find in the response', accelerator: 'CmdOrCtrl+F', scope: 'response', description: 'Open find in Pretty and Raw; in Tree, focus the JSONPath filter.' },
  { id: 'nextMatch', label: 'Next match', accelerator: 'Enter', alternates: ['F3'], scope: 'findBar', description: 'Go to the next match.' },
  { id: 'previousMatch', label: 'Previous match', accelerator: 'Shift+Enter', alternates: ['Shift+F3'], scope: 'findBar', description: 'Go to the previous match.' },
  { id: 'renamePreset', label: 'Rename preset', accelerator: 'F2', scope: 'presetList', description: 'Rename the selected preset.' },
  { id: 'deletePreset', label: 'Delete preset', accelerator: 'Delete', scope: 'presetList', description: 'Delete the selected preset (Undo stays offered for 8 s).' },
  { id: 'closeDialog', label: 'Close', accelerator: 'Escape', scope: 'dialog', description: 'Close a dialog or the find bar without changing anything.' },
] as const satisfies readonly ShortcutEntry[];

type Entry = (typeof shortcuts)[number];
export type ShortcutId = Entry['id'];
/** A command of the whole window: what a key anywhere, a menu item or a button can ask the page to do. */
export type CommandId = Extract<Entry, { scope: 'window' }>['id'];

export const commandIds: readonly CommandId[] = shortcuts.filter((entry): entry is Extract<Entry, { scope: 'window' }> => entry.scope === 'window').map((entry) => entry.id);
export const isCommandId = (value: unknown): value is CommandId => commandIds.includes(value as CommandId);

export const shortcutById = (id: ShortcutId): ShortcutEntry => shortcuts.find((entry) => entry.id === id)!;

/** Every key of an entry: its accelerator, then its alternates. */
export const keysOf = (entry: ShortcutEntry): string[] => (entry.accelerator ? [entry.accelerator, ...(entry.alternates ?? [])] : []);

/** The part of a KeyboardEvent the matcher reads (shared/ has no DOM types). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Chord {
  key: string;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

// Accelerator key names whose KeyboardEvent.key differs; everything else compares case-insensitively as written.
const keyNames: Record<string, string> = { return: 'enter', esc: 'escape', space: ' ', plus: '+', up: 'arrowup', down: 'arrowdown', left: 'arrowleft', right: 'arrowright' };

/** An accelerator as the modifiers and key a keydown carries on `platform` (CmdOrCtrl: ⌘ on macOS, Ctrl elsewhere). */
export function chordOf(accelerator: string, platform: Platform): Chord {
  const parts = accelerator.split('+');
  // "CmdOrCtrl++" ends with an empty part: the key is "+".
  const key = parts.at(-1) === '' ? '+' : parts.at(-1)!;
  const chord: Chord = { key: keyNames[key.toLowerCase()] ?? key.toLowerCase(), ctrl: false, meta: false, shift: false, alt: false };
  for (const modifier of parts.slice(0, parts.at(-1) === '' ? -2 : -1).map((part) => part.toLowerCase())) {
    if (modifier === 'cmdorctrl' || modifier === 'commandorcontrol') chord[platform === 'darwin' ? 'meta' : 'ctrl'] = true;
    else if (modifier === 'ctrl' || modifier === 'control') chord.ctrl = true;
    else if (modifier === 'cmd' || modifier === 'command' || modifier === 'super' || modifier === 'meta') chord.meta = true;
    else if (modifier === 'alt' || modifier === 'option') chord.alt = true;
    else if (modifier === 'shift') chord.shift = true;
    else throw new Error(`Unknown modifier "${modifier}" in accelerator "${accelerator}"`);
  }
  return chord;
}

const sameChord = (event: KeyLike, chord: Chord) =>
  event.key.toLowerCase() === chord.key &&
  event.ctrlKey === chord.ctrl &&
  event.metaKey === chord.meta &&
  event.shiftKey === chord.shift &&
  event.altKey === chord.alt;

/**
 * The entry a keydown asks for in `scope` (the whole window by default), or null. Modifiers must match exactly, so
 * the key the menu shows is the only one that runs its command: Ctrl+Enter sends on Linux and Windows, ⌘↵ on macOS.
 */
export function shortcutFor(event: KeyLike, platform: Platform, scope?: 'window'): CommandId | null;
export function shortcutFor(event: KeyLike, platform: Platform, scope: ShortcutScope): ShortcutId | null;
export function shortcutFor(event: KeyLike, platform: Platform, scope: ShortcutScope = 'window'): ShortcutId | null {
  for (const entry of shortcuts) {
    if (entry.scope === scope && keysOf(entry).some((accelerator) => sameChord(event, chordOf(accelerator, platform)))) return entry.id;
  }
  return null;
}

const macSymbols: Record<string, string> = { enter: '↵', tab: '⇥', escape: 'Esc', delete: '⌦', pageup: 'PageUp', pagedown: 'PageDown', ' ': 'Space' };
const otherNames: Record<string, string> = { enter: 'Enter', tab: 'Tab', escape: 'Esc', delete: 'Delete', pageup: 'PageUp', pagedown: 'PageDown', ' ': 'Space' };

/** How a key reads on `platform`: ⌘⇧S on macOS (modifiers in Apple's order ⌃⌥⇧⌘), Ctrl+Shift+S elsewhere. */
export function keyLabel(accelerator: string, platform: Platform): string {
  const chord = chordOf(accelerator, platform);
  const key = (platform === 'darwin' ? macSymbols : otherNames)[chord.key] ?? chord.key.toUpperCase();
  if (platform === 'darwin') return `${chord.ctrl ? '⌃' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.meta ? '⌘' : ''}${key}`;
  return [chord.ctrl && 'Ctrl', chord.meta && 'Super', chord.shift && 'Shift', chord.alt && 'Alt', key].filter(Boolean).join('+');
}
