// Exposes the typed Keypost API to the page and nothing else (never ipcRenderer itself).
import { contextBridge, ipcRenderer } from 'electron';
import { channels, type KeypostApi } from '../shared/api';

const api = Object.fromEntries(
  Object.entries(channels).map(([name, channel]) => [name, (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)]),
) as unknown as KeypostApi;

contextBridge.exposeInMainWorld('keypost', api);
