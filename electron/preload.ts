// Exposes the typed Keypost API to the page and nothing else (never ipcRenderer itself).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channels, eventChannels, type KeypostBridge } from '../shared/api';

const calls = Object.fromEntries(
  Object.entries(channels).map(([name, channel]) => [name, (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)]),
);

const on: KeypostBridge['on'] = (event, listener) => {
  const channel = eventChannels[event];
  if (!channel) throw new Error(`Unknown event ${String(event)}`);
  // The page gets the payload only, never the IpcRendererEvent (which exposes the sender).
  const forward = (_event: IpcRendererEvent, payload: Parameters<typeof listener>[0]) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => void ipcRenderer.removeListener(channel, forward);
};

contextBridge.exposeInMainWorld('keypost', { ...calls, on } as KeypostBridge);
