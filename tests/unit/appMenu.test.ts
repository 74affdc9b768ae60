// The application menu per platform (electron/core/shell/appMenu.ts), built from the shared shortcut list: each platform's
// conventions, developer tools only in development, no accelerator twice, and no page but the issue page. Also About.
import { describe, expect, it } from 'vitest';
import { aboutKeypost, isAllowedExternalUrl, issuePageOf, REPORT_PROBLEM_URL, repositoryWebUrl } from '../../electron/core/shell/about';
import { appMenuTemplate, menuItems, menuPlatform, withClick, type MenuItemTemplate } from '../../electron/core/shell/appMenu';
import { aboutText } from '../../shared/about';
import { shortcuts, type Platform } from '../../shared/shortcuts';
import packageJson from '../../package.json' with { type: 'json' };

const platforms: Platform[] = ['darwin', 'win32', 'linux'];
/** The issue page a repository would give (package.json names none yet: see 'leaves Report a problem out'). */
const ISSUES = 'https://github.com/acme/keypost/issues';
const menu = (platform: Platform, development = false) => appMenuTemplate({ platform, development, reportProblemUrl: ISSUES });
const stripAccess = (label = '') => label.replace('&', '');
const submenu = (template: MenuItemTemplate[], label: string) => template.find((item) => stripAccess(item.label) === label)?.submenu ?? [];
const roles = (items: MenuItemTemplate[]) => items.filter((item) => item.role).map((item) => item.role);
const commands = (items: MenuItemTemplate[]) => items.filter((item) => item.command).map((item) => item.command);

// Electron's own accelerators for the roles used (lib/browser/api/menu-item-roles.ts), unless the template sets one.
const roleAccelerators: Record<string, Partial<Record<Platform, string>>> = {
  undo: { darwin: 'CmdOrCtrl+Z', win32: 'CmdOrCtrl+Z', linux: 'CmdOrCtrl+Z' },
  redo: { darwin: 'Shift+CmdOrCtrl+Z', win32: 'Control+Y', linux: 'Shift+CmdOrCtrl+Z' },
  cut: { darwin: 'CmdOrCtrl+X', win32: 'CmdOrCtrl+X', linux: 'CmdOrCtrl+X' },
  copy: { darwin: 'CmdOrCtrl+C', win32: 'CmdOrCtrl+C', linux: 'CmdOrCtrl+C' },
  paste: { darwin: 'CmdOrCtrl+V', win32: 'CmdOrCtrl+V', linux: 'CmdOrCtrl+V' },
  selectAll: { darwin: 'CmdOrCtrl+A', win32: 'CmdOrCtrl+A', linux: 'CmdOrCtrl+A' },
  resetZoom: { darwin: 'CmdOrCtrl+0', win32: 'CmdOrCtrl+0', linux: 'CmdOrCtrl+0' },
  zoomIn: { darwin: 'CmdOrCtrl+Plus', win32: 'CmdOrCtrl+Plus', linux: 'CmdOrCtrl+Plus' },
  zoomOut: { darwin: 'CmdOrCtrl+-', win32: 'CmdOrCtrl+-', linux: 'CmdOrCtrl+-' },
  togglefullscreen: { darwin: 'Control+Command+F', win32: 'F11', linux: 'F11' },
  toggleDevTools: { darwin: 'Alt+Command+I', win32: 'Ctrl+Shift+I', linux: 'Ctrl+Shift+I' },
  minimize: { darwin: 'CmdOrCtrl+M', win32: 'CmdOrCtrl+M', linux: 'CmdOrCtrl+M' },
  close: { darwin: 'CmdOrCtrl+W', win32: 'CmdOrCtrl+W', linux: 'CmdOrCtrl+W' },
  hide: { darwin: 'Command+H' },
  hideOthers: { darwin: 'Command+Alt+H' },
  quit: { darwin: 'CmdOrCtrl+Q', linux: 'CmdOrCtrl+Q' },
};
/** An accelerator in one spelling, to compare: modifiers sorted, CmdOrCtrl resolved for the platform. */
function normalised(accelerator: string, platform: Platform): string {
  const parts = accelerator.split('+').map((part) => part.toLowerCase());
  const key = parts.pop()!;
  const modifier = (name: string) =>
    ({ cmdorctrl: platform === 'darwin' ? 'cmd' : 'ctrl', commandorcontrol: platform === 'darwin' ? 'cmd' : 'ctrl', command: 'cmd', control: 'ctrl', option: 'alt' })[name] ?? name;
  return [...parts.map(modifier).sort(), key].join('+');
}

describe('the application menu', () => {
  for (const platform of platforms) {
    describe(platform, () => {
      const template = menu(platform);
      const items = [...menuItems(template)];

      it('shows every command of the shared list that names a menu, once, with its label and accelerator', () => {
        for (const entry of shortcuts.filter((candidate) => 'menu' in candidate)) {
          const shown = items.filter((item) => item.command === entry.id);
          expect(shown, entry.id).toHaveLength(1);
          expect(shown[0]!.label).toBe(entry.label);
          expect(shown[0]!.accelerator).toBe(entry.accelerator ?? undefined);
        }
        // And nothing it does not know: every command item is an entry of the list, with the list's accelerator.
        for (const item of items.filter((candidate) => candidate.command)) {
          expect(shortcuts.find((entry) => entry.id === item.command)?.accelerator ?? undefined).toBe(item.accelerator);
        }
      });

      it('puts each command in the menu the list names (Settings… and About in the app menu on macOS)', () => {
        const mac = platform === 'darwin';
        for (const entry of shortcuts) {
          if (!('menu' in entry)) continue;
          const inAppMenu = mac && (entry.id === 'settings' || entry.id === 'about');
          const where = inAppMenu ? submenu(template, 'Keypost') : submenu(template, { file: 'File', window: 'Window', help: 'Help' }[entry.menu]);
          expect(commands(where), `${entry.id} on ${platform}`).toContain(entry.id);
        }
      });

      it('has the standard Edit roles, View zoom and full screen, and the help commands', () => {
        expect(roles(submenu(template, 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
        expect(roles(submenu(template, 'View'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
        const help = submenu(template, 'Help');
        expect(commands(help)).toContain('shortcuts');
        expect(help.find((item) => item.url)?.label).toBe('Report a problem…');
      });

      it('offers developer tools only in development', () => {
        expect(items.some((item) => item.role === 'toggleDevTools')).toBe(false);
        expect(roles(submenu(menu(platform, true), 'View'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'toggleDevTools']);
      });

      it('never gives two items the same accelerator, its roles’ own included', () => {
        const seen = new Map<string, string>();
        for (const item of menuItems(menu(platform, true))) {
          const accelerator = item.accelerator ?? (item.role ? roleAccelerators[item.role]?.[platform] : undefined);
          if (!accelerator) continue;
          const key = normalised(accelerator, platform);
          expect(seen.get(key), `${accelerator}: ${item.label ?? item.role} and ${seen.get(key)}`).toBeUndefined();
          seen.set(key, item.label ?? item.role!);
        }
        // The close role gives up its own CmdOrCtrl+W to Close tab.
        expect(seen.get(normalised('CmdOrCtrl+W', platform))).toBe('Close tab');
      });

      it('reaches no page but the issue page', () => {
        const urls = items.flatMap((item) => Object.values(item).filter((value): value is string => typeof value === 'string' && /^[a-z][\w+.-]*:/i.test(value)));
        expect(urls).toEqual([ISSUES]);
        expect(items.filter((item) => item.url !== undefined).map((item) => item.url)).toEqual([ISSUES]);
      });
    });
  }

  it('on macOS: the app menu comes first, with About, Settings…, Hide, Hide Others, Show All and Quit', () => {
    const template = menu('darwin');
    expect(template.map((item) => item.label)).toEqual(['Keypost', 'File', 'Edit', 'View', 'Window', 'Help']);
    const app = template[0]!.submenu!;
    expect(app.filter((item) => item.type !== 'separator').map((item) => item.command ?? item.role)).toEqual(['about', 'settings', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(submenu(template, 'File'))).not.toContain('quit');
    expect(commands(submenu(template, 'File'))).not.toContain('settings');
    expect(commands(submenu(template, 'Help'))).not.toContain('about');
    expect(roles(submenu(template, 'Window'))).toEqual(['minimize', 'zoom', 'close', 'front']);
    expect(template.at(-1)!.role).toBe('help');
  });

  for (const platform of ['win32', 'linux'] as const) {
    it(`on ${platform}: File … ends with ${platform === 'win32' ? 'Exit' : 'Quit'}, Settings… is in File, About closes Help, and menus have access keys`, () => {
      const template = menu(platform);
      expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
      const file = submenu(template, 'File');
      expect(file.at(-1)).toEqual({ role: 'quit', label: platform === 'win32' ? 'Exit' : 'Quit' });
      expect(commands(file)).toEqual(['newTab', 'save', 'saveAs', 'importPresets', 'importCurl', 'exportPresets', 'settings', 'closeTab']);
      expect(submenu(template, 'Help').at(-1)?.command).toBe('about');
      expect(roles(submenu(template, 'Window'))).toEqual(['minimize', 'close']);
      expect([...menuItems(template)].some((item) => ['hide', 'hideOthers', 'unhide', 'services', 'front'].includes(item.role ?? ''))).toBe(false);
    });
  }

  it('maps Node platforms to the three conventions', () => {
    expect(['darwin', 'win32', 'linux', 'freebsd'].map(menuPlatform)).toEqual(['darwin', 'win32', 'linux', 'linux']);
  });

  it('gives the one click handler to command and link items only, which it hands the clicked item', () => {
    const clicked: MenuItemTemplate[] = [];
    const template = withClick(menu('linux'), (item) => clicked.push(item));
    const items = [...menuItems(template)];
    for (const item of items) expect(item.click !== undefined, item.label ?? item.role ?? item.type).toBe(Boolean(item.command || item.url));
    const newTab = items.find((item) => item.command === 'newTab')!;
    newTab.click!(newTab);
    expect(clicked).toEqual([newTab]);
    // The template it was given is left as it was.
    expect([...menuItems(menu('linux'))].some((item) => item.click)).toBe(false);
  });
});

describe('the issue page and About', () => {
  it('opens only the repository issue page, compared as a whole string', () => {
    expect(isAllowedExternalUrl(ISSUES, ISSUES)).toBe(true);
    for (const url of [`${ISSUES}/new`, ISSUES.toUpperCase(), 'https://evil.example/', `${ISSUES}#x`, undefined, 42]) {
      expect(isAllowedExternalUrl(url, ISSUES)).toBe(false);
    }
  });

  it('makes up no address: with no repository in package.json there is no Report a problem item and nothing to open', () => {
    expect(issuePageOf(undefined)).toBeNull();
    expect(issuePageOf('github:acme/keypost')).toBe(ISSUES);
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect([...menuItems(appMenuTemplate({ platform, development: false, reportProblemUrl: null }))].some((item) => item.url !== undefined)).toBe(false);
    }
    expect(isAllowedExternalUrl('https://github.com/keypost/keypost/issues', null)).toBe(false);
    // What this package.json gives today.
    expect(REPORT_PROBLEM_URL).toBe(issuePageOf((packageJson as { repository?: string }).repository));
  });

  it('reads the repository from package.json when it names one, in any form npm writes', () => {
    expect(repositoryWebUrl('git+https://github.com/acme/keypost.git')).toBe('https://github.com/acme/keypost');
    expect(repositoryWebUrl({ url: 'https://github.com/acme/keypost' })).toBe('https://github.com/acme/keypost');
    expect(repositoryWebUrl('github:acme/keypost')).toBe('https://github.com/acme/keypost');
    expect(repositoryWebUrl('acme/keypost')).toBe('https://github.com/acme/keypost');
  });

  it('reports the package and the runtime, and null for Electron and Chromium outside Electron', () => {
    const about = aboutKeypost();
    expect(about).toEqual({
      name: 'Keypost',
      version: packageJson.version,
      electron: null,
      chrome: null,
      node: process.versions.node,
      v8: process.versions.v8,
      license: packageJson.license,
    });
    expect(aboutKeypost({ electron: '1.2.3', chrome: '4.5.6', node: '7.8.9', v8: '10.11' })).toMatchObject({ electron: '1.2.3', chrome: '4.5.6', node: '7.8.9', v8: '10.11' });
    expect(aboutText(about)).toBe(
      [`Keypost: ${packageJson.version}`, 'Electron: not running in Electron', 'Chromium: not running in Electron', `Node.js: ${process.versions.node}`, `V8: ${process.versions.v8}`, `Licence: ${packageJson.license}`].join('\n'),
    );
  });
});
