// The only file that touches window.keypost (set by the preload in Electron, by the harness in tests).
import type { KeypostBridge } from '../shared/api';

declare global {
  interface Window {
    keypost?: KeypostBridge;
  }
}

export const api: KeypostBridge | undefined = window.keypost;

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
