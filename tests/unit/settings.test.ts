// The Settings dialog's settings: timeout, redirects followed and theme are stored, validated one by one, and default
// for files written before them; typed values are read as the dialog reads them; the theme reaches the page and Monaco.
// Real files in temp dirs, through the core main builds.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../shared/errors';
import {
  bodyLimitMbSchema,
  maxRedirectsSchema,
  parseWholeNumber,
  type RendererSettings,
  rendererSettingsPatchSchema,
  themeSchema,
  timeoutSecondsSchema,
} from '../../shared/settings';
import { STORE_SCHEMA_VERSION } from '../../shared/storeFile';
import { STORE_NAME } from '../../electron/core/collections/presetStoreFile';
import { SETTINGS_NAME } from '../../electron/core/settings/settingsStore';
import { testCore } from '../fixtures/presetStore';

// theme.ts drives Monaco, which only loads in a browser: record what it is asked instead.
const monacoThemes = vi.hoisted(() => [] as string[]);
vi.mock('../../renderer/request/editor/monaco', () => ({ monaco: { editor: { setTheme: (theme: string) => monacoThemes.push(theme) } } }));

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'keypost-settings-test-'));
const settingsFile = (dir: string) => path.join(dir, `${SETTINGS_NAME}.json`);
/** The presets file as builds before the settings file wrote it: the settings inside. */
const writeLegacyStore = (dir: string, settings: Record<string, unknown>, schemaVersion = STORE_SCHEMA_VERSION) =>
  writeFileSync(path.join(dir, `${STORE_NAME}.json`), JSON.stringify({ schemaVersion, presets: [], settings }));
const core = (dir: string) => testCore({ dir, keychainService: `Keypost-unit-settings-${process.pid}` });

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const codeOf = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);
const messageOf = (schema: { safeParse(input: unknown): { success: boolean; error?: { issues: Array<{ message: string }> } } }, input: unknown) =>
  schema.safeParse(input).error?.issues[0]?.message;

/** The page's getSettings / updateSettings against the settings in `dir`, as main answers them. */
function settingsCalls(dir: string) {
  const { call } = core(dir);
  return (name: 'getSettings' | 'updateSettings', ...args: unknown[]) => call<RendererSettings>(name, ...args);
}

describe('the timeout, redirects and theme settings', () => {
  it('default to 30 s, 5 redirects and following the system, for the page too', async () => {
    expect(value(await settingsCalls(tempDir())('getSettings'))).toMatchObject({ timeoutSeconds: 30, maxRedirects: 5, theme: 'system' });
  });

  it('move over from the presets file older builds kept them in, once, with defaults for the newer ones', async () => {
    const dir = tempDir();
    writeLegacyStore(dir, { lastPresetId: null, selectedCredential: 'staging', windowBounds: null, bodyLimitMb: 64 });
    const first = core(dir);
    expect(first.settings.get()).toMatchObject({ selectedCredential: 'staging', bodyLimitMb: 64, timeoutSeconds: 30, maxRedirects: 5, theme: 'system' });
    expect(value(await first.call('storeStatus'))).toEqual({ backupPath: null, problems: [], migratedFrom: null });
    expect(JSON.parse(await readFile(settingsFile(dir), 'utf8'))).toMatchObject({ selectedCredential: 'staging', bodyLimitMb: 64 });
    // From now on the settings file is the one read: an old copy left in the presets file changes nothing.
    writeLegacyStore(dir, { selectedCredential: 'old', bodyLimitMb: 8 });
    expect(core(dir).settings.get()).toMatchObject({ selectedCredential: 'staging', bodyLimitMb: 64 });

    // Older schema versions too: migrated, still nothing reported as damaged.
    const v2 = tempDir();
    writeLegacyStore(v2, { lastPresetId: null, selectedCredential: 'staging', windowBounds: null }, 2);
    const migrated = core(v2);
    expect(migrated.settings.get()).toMatchObject({ selectedCredential: 'staging', timeoutSeconds: 30, maxRedirects: 5, theme: 'system' });
    expect(value(await migrated.call('storeStatus'))).toEqual({ backupPath: null, problems: [], migratedFrom: 2 });
  });

  it('announce each saved change, naming only the settings whose values changed (main follows the theme)', async () => {
    const { settings, call } = core(tempDir());
    const heard: string[][] = [];
    settings.onChange((_settings, changed) => heard.push([...changed]));
    value(await call('updateSettings', { theme: 'dark', timeoutSeconds: 30 }));
    value(await call('updateSettings', { theme: 'dark' }));
    expect(codeOf(await call('updateSettings', { theme: 'blue' }))).toBe('INVALID_ARGUMENT');
    expect(heard).toEqual([['theme']]);
  });

  it('are saved by the page and still set after a restart', async () => {
    const dir = tempDir();
    const call = settingsCalls(dir);
    expect(value(await call('updateSettings', { timeoutSeconds: 120 }))).toMatchObject({ timeoutSeconds: 120, maxRedirects: 5, theme: 'system' });
    value(await call('updateSettings', { maxRedirects: 0 }));
    value(await call('updateSettings', { theme: 'light' }));
    expect(JSON.parse(await readFile(settingsFile(dir), 'utf8'))).toMatchObject({ timeoutSeconds: 120, maxRedirects: 0, theme: 'light' });
    expect(value(await settingsCalls(dir)('getSettings'))).toMatchObject({ timeoutSeconds: 120, maxRedirects: 0, theme: 'light' });
  });

  it('refuse values out of range or of the wrong kind, and keep the saved ones', async () => {
    const call = settingsCalls(tempDir());
    value(await call('updateSettings', { timeoutSeconds: 45, maxRedirects: 3, theme: 'dark' }));
    const refused: Array<[keyof RendererSettings, unknown[]]> = [
      ['timeoutSeconds', [0, -1, 601, 1.5, Number.NaN, '30', null]],
      ['maxRedirects', [-1, 21, 2.5, Number.NaN, '5', null]],
      ['theme', ['', 'Light', 'blue', 1, null]],
    ];
    for (const [key, bads] of refused) {
      for (const bad of bads) {
        expect(codeOf(await call('updateSettings', { [key]: bad })), `${key} ${String(bad)}`).toBe('INVALID_ARGUMENT');
        expect(rendererSettingsPatchSchema.safeParse({ [key]: bad }).success, `${key} ${String(bad)}`).toBe(false);
      }
    }
    expect(value(await call('getSettings'))).toMatchObject({ timeoutSeconds: 45, maxRedirects: 3, theme: 'dark' });
    // The ends of each range are allowed.
    expect(value(await call('updateSettings', { timeoutSeconds: 1, maxRedirects: 20 }))).toMatchObject({ timeoutSeconds: 1, maxRedirects: 20 });
    expect(value(await call('updateSettings', { timeoutSeconds: 600, maxRedirects: 0 }))).toMatchObject({ timeoutSeconds: 600, maxRedirects: 0 });
  });

  it('say what is wrong in words', () => {
    expect(messageOf(timeoutSecondsSchema, 0)).toBe('The timeout is at least 1 second.');
    expect(messageOf(timeoutSecondsSchema, 601)).toBe('The timeout is at most 600 seconds.');
    expect(messageOf(timeoutSecondsSchema, 1.5)).toBe('The timeout is a whole number of seconds.');
    expect(messageOf(timeoutSecondsSchema, '30')).toBe('The timeout is a number of seconds.');
    expect(messageOf(maxRedirectsSchema, -1)).toBe('The number of redirects followed cannot be negative.');
    expect(messageOf(maxRedirectsSchema, 21)).toBe('At most 20 redirects can be followed.');
    expect(messageOf(maxRedirectsSchema, 2.5)).toBe('The number of redirects followed is a whole number.');
    expect(messageOf(themeSchema, 'blue')).toBe('The theme is "system", "light" or "dark".');
  });

  it('resets only the hand-edited bad ones to their defaults, names them, and keeps the rest', async () => {
    const dir = tempDir();
    writeFileSync(settingsFile(dir), JSON.stringify({ selectedCredential: 'staging', bodyLimitMb: 64, timeoutSeconds: 0, maxRedirects: 50, theme: 'solarized' }));
    const { settings, call } = core(dir);
    expect(settings.get()).toMatchObject({ selectedCredential: 'staging', bodyLimitMb: 64, timeoutSeconds: 30, maxRedirects: 5, theme: 'system' });
    const [problem] = value(await call<{ problems: string[] }>('storeStatus')).problems;
    expect(problem).toContain('Invalid settings were reset: timeoutSeconds, maxRedirects, theme.');
    // The original, as the user left it, is kept beside the repaired file.
    const backup = /kept at (.+)\.$/.exec(problem!)![1]!;
    expect(JSON.parse(await readFile(backup, 'utf8'))).toMatchObject({ timeoutSeconds: 0, theme: 'solarized' });
    expect(JSON.parse(await readFile(settingsFile(dir), 'utf8'))).toMatchObject({ timeoutSeconds: 30, theme: 'system' });
  });
});

describe('the proxy setting', () => {
  const manual = (url: string, bypass = '') => ({ proxy: { mode: 'manual', url, bypass } });

  it('defaults to the system proxy, and keeps a manual proxy and its bypass list across a restart', async () => {
    const dir = tempDir();
    const call = settingsCalls(dir);
    expect(value(await call('getSettings')).proxy).toEqual({ mode: 'system', url: '', bypass: '' });
    value(await call('updateSettings', manual('http://proxy.corp.example:3128', 'localhost, .internal')));
    expect(value(await settingsCalls(dir)('getSettings')).proxy).toEqual({ mode: 'manual', url: 'http://proxy.corp.example:3128', bypass: 'localhost, .internal' });
  });

  it('refuses, in words, a manual address with a password, of another scheme, with a path, or that does not parse', async () => {
    const call = settingsCalls(tempDir());
    const refused: Array<[string, string]> = [
      ['http://ada:s3cret@proxy.corp.example:3128', 'A proxy password does not belong in the address'],
      ['socks4://127.0.0.1:1080', 'SOCKS4 proxies are not supported: for a SOCKS5 proxy write socks5://host:port.'],
      ['socks5://ada:s3cret@127.0.0.1:1080', 'A proxy password does not belong in the address'],
      ['socks5://127.0.0.1:1080/path', 'A proxy address is only a scheme, host and port'],
      ['ftp://proxy.corp.example', 'A proxy address starts with http://, https://, socks5:// or socks5h://, not ftp://.'],
      ['http://proxy.corp.example:3128/path', 'A proxy address is only a scheme, host and port'],
      ['proxy corp', '"proxy corp" is not a proxy address'],
      ['', 'is not a proxy address'],
    ];
    for (const [url, words] of refused) {
      const answer = await call('updateSettings', manual(url));
      expect(!answer.ok && answer.error.message, url).toContain(words);
    }
    // The password never reached the file.
    expect(JSON.stringify(value(await call('getSettings')))).not.toContain('s3cret');
  });
});

describe('a whole number typed in a settings field', () => {
  it('is used when it is only digits and in the setting’s range', () => {
    expect(parseWholeNumber('30', timeoutSecondsSchema)).toBe(30);
    expect(parseWholeNumber(' 600 ', timeoutSecondsSchema)).toBe(600);
    expect(parseWholeNumber('0', maxRedirectsSchema)).toBe(0);
    expect(parseWholeNumber('20', maxRedirectsSchema)).toBe(20);
    expect(parseWholeNumber('1024', bodyLimitMbSchema)).toBe(1024);
  });

  it('is refused when empty, signed, fractional, in exponent form or out of range', () => {
    for (const text of ['', ' ', 'abc', '-1', '+5', '1.5', '1e2', '0x10', '0', '601']) {
      expect(parseWholeNumber(text, timeoutSecondsSchema), JSON.stringify(text)).toBeNull();
    }
    expect(parseWholeNumber('21', maxRedirectsSchema)).toBeNull();
    expect(parseWholeNumber('-0', maxRedirectsSchema)).toBeNull();
    expect(parseWholeNumber('1025', bodyLimitMbSchema)).toBeNull();
  });
});

describe('the theme', () => {
  let osPrefersLight: boolean;
  let osChanged: (() => void) | undefined;
  const root = { dataset: {} as Record<string, string> };

  beforeEach(() => {
    vi.resetModules();
    monacoThemes.length = 0;
    osPrefersLight = false;
    osChanged = undefined;
    root.dataset = {};
    vi.stubGlobal('document', { documentElement: root });
    vi.stubGlobal('matchMedia', (query: string) => {
      expect(query).toBe('(prefers-color-scheme: light)');
      return {
        get matches() {
          return osPrefersLight;
        },
        addEventListener: (_type: 'change', listener: () => void) => (osChanged = listener),
      };
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  /** What a user flipping the OS between light and dark mode causes. */
  const osSwitchesTo = (light: boolean) => {
    osPrefersLight = light;
    osChanged?.();
  };

  it('follows the system until a setting arrives, for the editor as for the page', async () => {
    const theme = await import('../../renderer/settings/theme');
    expect(theme.editorTheme()).toBe('vs-dark');
    osPrefersLight = true;
    expect(theme.editorTheme()).toBe('vs');
  });

  it('marks the page and switches Monaco for a chosen palette, whatever the OS does', async () => {
    const { applyTheme } = await import('../../renderer/settings/theme');
    applyTheme('light');
    expect(root.dataset.theme).toBe('light');
    expect(monacoThemes).toEqual(['vs']);
    osSwitchesTo(false);
    expect(monacoThemes).toEqual(['vs']);

    applyTheme('dark');
    expect(root.dataset.theme).toBe('dark');
    osSwitchesTo(true);
    expect(monacoThemes).toEqual(['vs', 'vs-dark']);
  });

  it('with "Follow the system", moves Monaco with the OS as it changes', async () => {
    const { applyTheme, editorTheme } = await import('../../renderer/settings/theme');
    applyTheme('system');
    expect(root.dataset.theme).toBe('system');
    expect(monacoThemes).toEqual(['vs-dark']);
    osSwitchesTo(true);
    osSwitchesTo(false);
    expect(monacoThemes).toEqual(['vs-dark', 'vs', 'vs-dark']);
    expect(editorTheme()).toBe('vs-dark');
  });

  it('maps each setting to its palette and Monaco theme', async () => {
    const { editorThemeFor, paletteFor } = await import('../../renderer/settings/theme');
    expect([paletteFor('system', true), paletteFor('system', false), paletteFor('light', false), paletteFor('dark', true)]).toEqual([
      'light',
      'dark',
      'light',
      'dark',
    ]);
    expect([editorThemeFor('light'), editorThemeFor('dark')]).toEqual(['vs', 'vs-dark']);
  });
});
