// The application menu as plain data, per platform: commands and their accelerators come from shared/shortcuts.ts,
// so the menu shows the keys the page handles. main.ts turns it into Electron's menu with one setApplicationMenu.
import { shortcutById, type CommandId, type Platform } from '../../../shared/shortcuts';
import { REPORT_PROBLEM_URL } from './about';

/** The Electron roles the menu uses (their behaviour, and on macOS their native items, are Electron's). */
export type MenuRole =
  | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit'
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll'
  | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' | 'toggleDevTools'
  | 'minimize' | 'zoom' | 'close' | 'front' | 'help';

/**
 * One item, shaped like Electron's MenuItemConstructorOptions (core cannot import electron, not even its types). A
 * command item names the page command its click sends; a link item names the page it opens. Electron keeps such extra
 * fields on the MenuItem it builds and hands that item to `click`.
 */
export interface MenuItemTemplate {
  label?: string;
  role?: MenuRole;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  submenu?: MenuItemTemplate[];
  command?: CommandId;
  url?: string;
  click?: (item: MenuItemTemplate) => void;
}

/** Node's process.platform as the menu's three conventions (every other Unix follows Linux's). */
export const menuPlatform = (platform: string): Platform => (platform === 'darwin' || platform === 'win32' ? platform : 'linux');

export interface MenuOptions {
  platform: Platform;
  /** Developer tools are offered only in development (an unpackaged run). */
  development: boolean;
  /** The issue page Help → Report a problem… opens; without one (package.json names no repository) the item is left out. */
  reportProblemUrl?: string | null;
}

const separator: MenuItemTemplate = { type: 'separator' };

/** A command from the shared list, with its label and its one shown accelerator. */
function command(id: CommandId): MenuItemTemplate {
  const entry = shortcutById(id);
  return { label: entry.label, command: id, ...(entry.accelerator ? { accelerator: entry.accelerator } : {}) };
}

export function appMenuTemplate({ platform, development, reportProblemUrl = REPORT_PROBLEM_URL }: MenuOptions): MenuItemTemplate[] {
  const mac = platform === 'darwin';
  // Windows and Linux underline a menu's access key (Alt+F opens File); macOS has none.
  const title = (name: string) => (mac ? name : `&${name}`);

  const appMenu: MenuItemTemplate = {
    label: 'Keypost',
    submenu: [
      command('about'),
      separator,
      command('settings'),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemTemplate = {
    label: title('File'),
    submenu: [
      command('newTab'),
      separator,
      command('save'),
      command('saveAs'),
      separator,
      command('importPresets'),
      command('importCurl'),
      command('exportPresets'),
      separator,
      ...(mac ? [] : [command('settings'), separator]),
      command('closeTab'),
      // Exit on Windows, Quit (Ctrl+Q) on Linux, as Electron's role labels them; macOS quits from the app menu.
      ...(mac ? [] : [separator, { role: 'quit', label: platform === 'win32' ? 'Exit' : 'Quit' } satisfies MenuItemTemplate]),
    ],
  };
  const editMenu: MenuItemTemplate = {
    label: title('Edit'),
    // The roles make the clipboard keys work in every field (on macOS only a menu item gives them).
    submenu: [{ role: 'undo' }, { role: 'redo' }, separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const viewMenu: MenuItemTemplate = {
    label: title('View'),
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      ...(development ? [separator, { role: 'toggleDevTools' } satisfies MenuItemTemplate] : []),
    ],
  };
  // The close role's own accelerator (CmdOrCtrl+W) belongs to Close tab here.
  const closeWindow: MenuItemTemplate = { role: 'close', accelerator: 'CmdOrCtrl+Shift+W' };
  const windowMenu: MenuItemTemplate = {
    label: title('Window'),
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, closeWindow, separator, command('nextTab'), command('previousTab'), separator, { role: 'front' }]
      : [{ role: 'minimize' }, closeWindow, separator, command('nextTab'), command('previousTab')],
  };
  const reportProblem: MenuItemTemplate[] = reportProblemUrl ? [{ label: 'Report a problem…', url: reportProblemUrl }] : [];
  const helpMenu: MenuItemTemplate = {
    label: title('Help'),
    // On macOS the help role adds the system's menu search.
    ...(mac ? { role: 'help' } : {}),
    submenu: mac ? [command('shortcuts'), ...reportProblem] : [command('shortcuts'), ...reportProblem, separator, command('about')],
  };
  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** Every item. */
export function* menuItems(template: readonly MenuItemTemplate[]): Generator<MenuItemTemplate> {
  for (const item of template) {
    yield item;
    if (item.submenu) yield* menuItems(item.submenu);
  }
}

/** The template with `click` on every command and link item: main's one handler, which reads the clicked item. */
export function withClick(template: readonly MenuItemTemplate[], click: (item: MenuItemTemplate) => void): MenuItemTemplate[] {
  return template.map((item) => ({
    ...item,
    ...(item.command || item.url ? { click } : {}),
    ...(item.submenu ? { submenu: withClick(item.submenu, click) } : {}),
  }));
}
