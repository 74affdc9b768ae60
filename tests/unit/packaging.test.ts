// The installer configuration ships the hardening fuses and only the built app.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

describe('electron-builder.yml', () => {
  it('flips the fuses that harden a shipped app', async () => {
    const config = parse(await readFile('electron-builder.yml', 'utf8'));
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('targets Linux, macOS and Windows installers', async () => {
    const config = parse(await readFile('electron-builder.yml', 'utf8'));
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });
});
