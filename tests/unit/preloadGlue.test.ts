// The built preload (dist-electron/preload.cjs), run as a sandboxed preload runs: in its own context, with a
// `require` that knows nothing but 'electron' (the recording stand-in). What does the page get?
import { readFile } from 'node:fs/promises';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channels, eventChannels, type KeypostBridge } from '../../shared/api';
import { builtGlue } from '../fixtures/builtGlue';
import { createElectronStandIn, type ElectronStandIn } from '../fixtures/electronStandIn';

let electron: ElectronStandIn;
let required: string[];
let bridge: KeypostBridge;

beforeAll(async () => {
  const built = builtGlue('preload.cjs');
  const source = await readFile(built, 'utf8');
  electron = createElectronStandIn({ userData: '/nowhere' });
  required = [];
  // A sandboxed preload gets a limited require; Keypost's must need 'electron' only, so everything else is bundled.
  const sandboxedRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`module not found: ${name}`);
    return electron;
  };
  vm.runInNewContext(source, { require: sandboxedRequire, module: { exports: {} }, exports: {} }, { filename: built });
  bridge = electron.contextBridge.exposed.get('keypost') as KeypostBridge;
});

describe('the preload', () => {
  it('requires nothing but electron', () => {
    expect(required).toEqual(['electron']);
  });

  it('exposes exactly the typed API as window.keypost, and nothing else', () => {
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['keypost']);
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(channels), 'on'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends each call on its channel with the arguments as given, and hands back the answer', async () => {
    for (const [name, channel] of Object.entries(channels)) {
      const call = bridge[name as keyof typeof channels] as (...args: unknown[]) => Promise<unknown>;
      expect(await call('first', { second: 2 })).toEqual({ ok: true, value: `answer from ${channel}` });
      expect(electron.ipcRenderer.invoked.at(-1)).toEqual([channel, 'first', { second: 2 }]);
    }
  });

  it("forwards main's events with the payload only, never the IPC event, until unsubscribed", () => {
    const payloads: unknown[] = [];
    const unsubscribe = bridge.on('sendProgress', (payload) => payloads.push(payload));
    const progress = { requestId: 'r1', receivedBytes: 10, totalBytes: null };
    electron.ipcRenderer.deliver(eventChannels.sendProgress, progress);
    expect(payloads).toEqual([progress]);

    unsubscribe();
    electron.ipcRenderer.deliver(eventChannels.sendProgress, progress);
    expect(payloads).toHaveLength(1);
    expect(electron.ipcRenderer.listenerCount(eventChannels.sendProgress)).toBe(0);
  });

  it('refuses to subscribe to an event that does not exist', () => {
    expect(() => bridge.on('nonsense' as 'sendProgress', () => {})).toThrow(/Unknown event/);
  });
});
