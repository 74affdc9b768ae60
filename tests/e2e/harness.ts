// Launches Keypost for E2E specs. Default: the built renderer in Debian Chromium, with window.keypost
// backed by the real main-process dispatch (real keychain, real fetch) through page.exposeBinding.
// E2E_TARGET=electron launches the real Electron app instead, where a binary exists.
import { chromium, _electron, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { channels } from '../../shared/api';
import { createDispatch } from '../../electron/core/handlers';
import { loadRendererFile } from '../../electron/core/rendererFiles';
import { createVault } from '../../electron/core/vault';

export interface LaunchedApp {
  page: Page;
  userDataDir: string;
  /** Keychain service this app instance uses (per userDataDir, so parallel specs never collide). */
  keychainService: string;
  close(): Promise<void>;
}

const projectRoot = path.resolve(import.meta.dirname, '../..');
const rendererRoot = process.env.KEYPOST_RENDERER_OUT ?? path.join(projectRoot, 'dist/renderer');

/** Same userDataDir => same keychain service: launching twice with it is a restart. */
export function keychainServiceFor(userDataDir: string): string {
  return `Keypost-test-${createHash('sha256').update(userDataDir).digest('hex').slice(0, 12)}`;
}

export async function launchApp(options: { userDataDir?: string } = {}): Promise<LaunchedApp> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'keypost-e2e-')));
  const keychainService = keychainServiceFor(userDataDir);
  return process.env.E2E_TARGET === 'electron'
    ? launchElectron(userDataDir, keychainService)
    : launchChromium(userDataDir, keychainService);
}

async function launchChromium(userDataDir: string, keychainService: string): Promise<LaunchedApp> {
  const server = createServer(async (request, response) => {
    const file = await loadRendererFile(rendererRoot, new URL(request.url ?? '/', 'http://x').pathname);
    response.writeHead(file.status, file.headers).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const dispatch = createDispatch({ vault: createVault(keychainService), trustedOrigin: origin });
  // The browser profile lives in the app's data dir, so the token grep covers renderer storage too.
  const context = await chromium.launchPersistentContext(path.join(userDataDir, 'renderer-profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await context.exposeBinding('__keypostInvoke', (source, channel: string, args: unknown[]) =>
    dispatch(channel, args, source.frame.url()),
  );
  // Mirrors electron/preload.ts: one function per channel, nothing else.
  await context.addInitScript((channelMap: Record<string, string>) => {
    const invoke = (window as unknown as { __keypostInvoke: (c: string, a: unknown[]) => Promise<unknown> }).__keypostInvoke;
    const api = Object.fromEntries(
      Object.entries(channelMap).map(([name, channel]) => [name, (...args: unknown[]) => invoke(channel, args)]),
    );
    Object.defineProperty(window, 'keypost', { value: Object.freeze(api), writable: false });
  }, channels);

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/index.html`);
  await page.getByTestId('send').waitFor();
  return {
    page,
    userDataDir,
    keychainService,
    close: async () => {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function launchElectron(userDataDir: string, keychainService: string): Promise<LaunchedApp> {
  const app = await _electron.launch({
    args: [projectRoot],
    env: { ...process.env, KEYPOST_USER_DATA_DIR: userDataDir, KEYPOST_KEYCHAIN_SERVICE: keychainService },
  });
  const page = await app.firstWindow();
  await page.getByTestId('send').waitFor();
  return { page, userDataDir, keychainService, close: () => app.close() };
}
