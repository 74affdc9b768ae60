// Finds the installed Electron binary without require('electron'), which downloads it when missing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const electronPackage = path.resolve(import.meta.dirname, '../node_modules/electron');

/**
 * The path of the Electron binary `require('electron')` would give, or null when it is not installed
 * (its download was skipped or blocked). Like the electron package, it honours ELECTRON_OVERRIDE_DIST_PATH.
 * @returns {string | null}
 */
export function installedElectronBinary() {
  const pathFile = path.join(electronPackage, 'path.txt');
  // path.txt names the binary inside dist/ (electron, electron.exe, Electron.app/…); install.js writes it after the download.
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? path.join(override, relative || 'electron')
    : relative && path.join(electronPackage, 'dist', relative);
  return binary && existsSync(binary) ? binary : null;
}
