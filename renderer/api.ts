// The only file that touches window.keypost (set by the preload in Electron, by the harness in tests); only actions
// (the *Actions.ts modules) import it: a lint rule keeps it out of components and stores.
import type { KeypostBridge } from '../shared/api';

declare global {
  interface Window {
    keypost?: KeypostBridge;
  }
}

export const api: KeypostBridge | undefined = window.keypost;
