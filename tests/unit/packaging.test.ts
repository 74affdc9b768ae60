// The installer configuration ships the hardening fuses and only the built app.
import Ajv from 'ajv';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

describe('electron-builder.yml', () => {
  it('is a configuration the installed electron-builder accepts (checked against its own schema)', async () => {
    const schema = JSON.parse(await readFile('node_modules/app-builder-lib/scheme.json', 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const config = parse(await readFile('electron-builder.yml', 'utf8'));
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    // The schema refuses what it does not know, so a misspelt fuse would not pass silently.
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).toBe(false);
  });

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
