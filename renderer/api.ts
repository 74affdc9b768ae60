// The only file that touches window.keypost (set by the preload in Electron, by the harness in tests).
import type { KeypostApi } from '../shared/api';

declare global {
  interface Window {
    keypost?: KeypostApi;
  }
}

export const api: KeypostApi | undefined = window.keypost;

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
