// Launches Keypost for E2E specs. Default: the built renderer in Debian Chromium, with window.keypost
// backed by the real main-process dispatch (real keychain, real fetch) through page.exposeBinding.
// E2E_TARGET=electron launches the real Electron app instead, where a binary exists.
import { chromium, _electron, type Page } from '@playwright/test';
import Conf from 'conf';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { channels, type Emit } from '../../shared/api';
import type { CommandId } from '../../shared/shortcuts';
import { createCore } from '../../electron/core/createCore';
import { loadRendererFile } from '../../electron/core/shell/rendererFiles';
import type { OriginAnswer, OriginQuestion } from '../../electron/core/credentials/originGate';
import { signInInBrowser } from '../fixtures/signInBrowser';
import type { CertificateFileRole } from '../../shared/clientCertificates';

interface KeypostTestHooks {
  __keypostInvoke(channel: string, args: unknown[]): Promise<unknown>;
  __keypostEmit(event: string, payload: unknown): void;
  /** The body a benchmark staged (LaunchedApp.stageBody), and how it gets there: part by part, from `at`. */
  __keypostStaged?: Uint8Array;
  __keypostStage(total: number, at: number, part: { length: number; deflated: string }): Promise<void>;
}

export interface LaunchedApp {
  page: Page;
  userDataDir: string;
  /** Keychain service this app instance uses (per userDataDir, so parallel specs never collide). */
  keychainService: string;
  /** The system clipboard's text, read from outside the page (the page itself may only write it, as in the app). */
  readClipboard(): Promise<string>;
  /** Requests a path from whatever serves the page (the harness's HTTP server, or Electron's app:// handler). */
  fetchFromApp(pathname: string): Promise<{ status: number; headers: Record<string, string> }>;
  /** Chooses the application menu's item for this command (shared/shortcuts.ts); the harness sends main's event for it. */
  chooseMenuCommand(command: CommandId): Promise<void>;
  /**
   * Benchmarks only: puts a copy of a body the server will send into the page beforehand, so that a body part
   * main reads, once checked equal to the staged bytes at its offset, reaches the page as a structured clone of
   * those bytes (what Electron's IPC costs the page) instead of over CDP (tens of MB/s here; Electron's IPC copies
   * in memory). Only the call and where the part is cross CDP. Nothing to stage under Electron.
   */
  stageBody(body: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

const projectRoot = path.resolve(import.meta.dirname, '../..');
const deflate = promisify(deflateRaw);
const rendererRoot = process.env.KEYPOST_RENDERER_OUT ?? path.join(projectRoot, 'dist/renderer');

/** Same userDataDir => same keychain service: launching twice with it is a restart. */
export function keychainServiceFor(userDataDir: string): string {
  return `Keypost-test-${createHash('sha256').update(userDataDir).digest('hex').slice(0, 12)}`;
}

/** Where the stand-in for the "Save body" dialog puts a body: this folder, under the suggested name. */
export const savedBodyDirFor = (userDataDir: string) => path.join(userDataDir, 'saved-bodies');
/** Where the stand-in for Export's save dialog writes… */
export const exportPathFor = (userDataDir: string) => path.join(userDataDir, 'exports', 'keypost-presets.json');
/** …and where the stand-in for Import's open dialog reads the file a spec put there (no file = the user cancelled). */
export const importPathFor = (userDataDir: string) => path.join(userDataDir, 'imports', 'keypost-presets.json');
/** The stand-in for the upload file dialog picks the file a spec put here (no file = the user cancelled). */
export const uploadPathFor = (userDataDir: string) => path.join(userDataDir, 'uploads', 'upload.txt');
/** The stand-in for the folder dialog ("Open collection folder…") picks the folder whose path a spec wrote in this file
 *  (no file = the user cancelled). */
export const chosenFolderFileFor = (userDataDir: string) => path.join(userDataDir, 'dialogs', 'chosen-folder.txt');
/** The stand-in for the dialog of “Import OpenAPI or Postman…” picks the file whose path a spec wrote here (no file = cancelled). */
export const chosenForeignFileFor = (userDataDir: string) => path.join(userDataDir, 'dialogs', 'chosen-foreign-file.txt');
/** The stand-in for Settings' CA file dialog picks the file whose path a spec wrote here (no file = cancelled). */
export const chosenCaFileFor = (userDataDir: string) => path.join(userDataDir, 'dialogs', 'chosen-ca-file.txt');
/** The stand-in for Settings' client certificate dialogs picks, for each kind of file, the path a spec wrote in its own
 *  file here (no file = cancelled). */
export const chosenCertificateFileFor = (userDataDir: string, role: CertificateFileRole) => path.join(userDataDir, 'dialogs', `chosen-${role}-file.txt`);
/** The stand-in for the OS "open file" (shell.openPath) records each path here, one per line, instead of launching an app. */
const openedFilesLog = (userDataDir: string) => path.join(userDataDir, 'opened-files.txt');

/** The stand-in for main's question before a credential goes to a new origin (confirmCredentialOrigin) answers with
 *  the first line of this file, taking it out (no line = the user cancelled)… */
const originAnswersFile = (userDataDir: string) => path.join(userDataDir, 'credential-origin-answers.txt');
/** …and records each question it was asked here, one JSON line each. */
const originQuestionsLog = (userDataDir: string) => path.join(userDataDir, 'credential-origin-questions.jsonl');

/** The answers the user will give to main's next questions about a credential's origin, in order. */
export async function stageOriginAnswers(userDataDir: string, ...answers: OriginAnswer[]): Promise<void> {
  await appendFile(originAnswersFile(userDataDir), answers.map((answer) => `${answer}\n`).join(''));
}

/** The questions main asked about a credential's origin, oldest first. */
export async function originQuestionsFor(userDataDir: string): Promise<OriginQuestion[]> {
  const log = await readFile(originQuestionsLog(userDataDir), 'utf8').catch(() => '');
  return log
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OriginQuestion);
}

/** The paths the app asked the OS to open, oldest first. */
export async function openedFilesFor(userDataDir: string): Promise<string[]> {
  const log = await readFile(openedFilesLog(userDataDir), 'utf8').catch(() => '');
  return log.split('\n').filter(Boolean);
}

interface StandInPaths {
  exportPath: string;
  importPath: string;
  uploadPath: string;
  savedBodyDir: string;
  openedLog: string;
  originAnswers: string;
  originQuestions: string;
  chosenFolderFile: string;
  chosenForeignFile: string;
  chosenCaFile: string;
  /** chosenCertificateFileFor with the role left as {role}. */
  chosenCertificateFile: string;
}
const standInPaths = (userDataDir: string): StandInPaths => ({
  exportPath: exportPathFor(userDataDir),
  importPath: importPathFor(userDataDir),
  uploadPath: uploadPathFor(userDataDir),
  savedBodyDir: savedBodyDirFor(userDataDir),
  openedLog: openedFilesLog(userDataDir),
  originAnswers: originAnswersFile(userDataDir),
  originQuestions: originQuestionsLog(userDataDir),
  chosenFolderFile: chosenFolderFileFor(userDataDir),
  chosenForeignFile: chosenForeignFileFor(userDataDir),
  chosenCaFile: chosenCaFileFor(userDataDir),
  chosenCertificateFile: chosenCertificateFileFor(userDataDir, '{role}' as CertificateFileRole),
});

/**
 * The stand-ins for the native dialogs and the OS "open file", defined once. Self-contained (no imports, no
 * closure), so E2E_TARGET=electron runs this very function inside Electron's main process (electronApp.evaluate).
 */
function fileStandIns(paths: StandInPaths) {
  const fs = process.getBuiltinModule('node:fs/promises');
  const { dirname, join } = process.getBuiltinModule('node:path');
  return {
    chooseExportPath: async (_suggestedName: string) => {
      await fs.mkdir(dirname(paths.exportPath), { recursive: true });
      return paths.exportPath;
    },
    chooseImportPath: () => fs.access(paths.importPath).then(() => paths.importPath, () => null),
    chooseUploadFile: () => fs.access(paths.uploadPath).then(() => paths.uploadPath, () => null),
    chooseSavePath: async (suggestedName: string) => {
      await fs.mkdir(paths.savedBodyDir, { recursive: true });
      return join(paths.savedBodyDir, suggestedName);
    },
    chooseFolder: () => fs.readFile(paths.chosenFolderFile, 'utf8').then((text) => text.trim() || null, () => null),
    chooseForeignFile: () => fs.readFile(paths.chosenForeignFile, 'utf8').then((text) => text.trim() || null, () => null),
    chooseCaFile: () => fs.readFile(paths.chosenCaFile, 'utf8').then((text) => text.trim() || null, () => null),
    chooseCertificateFile: (role: 'certificate' | 'key' | 'pkcs12') =>
      fs.readFile(paths.chosenCertificateFile.replace('{role}', role), 'utf8').then((text) => text.trim() || null, () => null),
    openFile: async (file: string) => {
      await fs.appendFile(paths.openedLog, `${file}\n`);
      return '';
    },
    confirmCredentialOrigin: async (question: { credential: string; origin: string; allowed: string[]; purpose?: string }) => {
      await fs.appendFile(paths.originQuestions, `${JSON.stringify(question)}\n`);
      const [next = '', ...rest] = (await fs.readFile(paths.originAnswers, 'utf8').catch(() => '')).split('\n');
      await fs.writeFile(paths.originAnswers, rest.join('\n'));
      return (['once', 'always'].includes(next) ? next : 'cancel') as 'once' | 'always' | 'cancel';
    },
  };
}

/**
 * The stand-in for the system browser (shell.openExternal): a user who, shown an OAuth 2.0 sign-in page (an
 * authorization request, which names its redirect_uri), signs in there with the test's OpenID provider
 * (signInInBrowser), back to Keypost's loopback redirect; any other page is only looked at. It resolves once that
 * is done, where the real browser resolves on opening: the app waits for the redirect either way, and a sign-in the
 * stand-in could not finish then fails in words in the app (it "could not open the browser") instead of after the
 * five minutes a user gets. Self-contained like fileStandIns: E2E_TARGET=electron runs it in Electron's main process.
 */
function browserStandIn(signIn: typeof signInInBrowser) {
  return async (url: string): Promise<void> => {
    if (new URL(url).searchParams.has('redirect_uri')) await signIn(url);
  };
}

/** Data dirs this process made (each holds a browser profile): removed when it exits, after every relaunch into them. */
const madeDirs = new Set<string>();
process.once('exit', () => {
  for (const dir of madeDirs) rmSync(dir, { recursive: true, force: true });
});

/** exposeGc (benchmarks): the page and its workers get gc(), so a bench can tell what the app keeps from garbage a
 *  collection has yet to free. Chromium only. */
export async function launchApp(options: { userDataDir?: string; exposeGc?: boolean } = {}): Promise<LaunchedApp> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'keypost-e2e-')));
  if (!options.userDataDir) madeDirs.add(userDataDir);
  const keychainService = keychainServiceFor(userDataDir);
  return process.env.E2E_TARGET === 'electron' ? launchElectron(userDataDir, keychainService) : launchChromium(userDataDir, keychainService, options.exposeGc ?? false);
}

async function launchChromium(userDataDir: string, keychainService: string, exposeGc: boolean): Promise<LaunchedApp> {
  const server = createServer(async (request, response) => {
    const file = await loadRendererFile(rendererRoot, new URL(request.url ?? '/', 'http://x').pathname);
    response.writeHead(file.status, file.headers).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let page: Page | undefined;
  // Events reach the page the way preload's `on` delivers them: the payload only.
  const emit: Emit = (event, payload) => {
    void page?.evaluate(([name, data]) => (window as unknown as KeypostTestHooks).__keypostEmit(name, data), [event, payload] as const).catch(() => {});
  };
  // The core main builds (createCore), over conf (electron-store's backend) in userDataDir: a relaunch reloads it.
  const { chooseExportPath, chooseImportPath, chooseForeignFile, chooseSavePath, openFile, chooseUploadFile, confirmCredentialOrigin, chooseFolder, chooseCaFile, chooseCertificateFile } = fileStandIns(standInPaths(userDataDir));
  const core = createCore({
    dataDir: userDataDir,
    openStoreFile: (storeOptions) => new Conf<Record<string, unknown>>(storeOptions),
    keychainService,
    trustedOrigin: origin,
    host: {
      emit,
      transferFiles: { chooseExportPath, chooseImportPath, chooseForeignFile },
      chooseSavePath,
      chooseUploadFile,
      chooseFolder,
      chooseCaFile,
      chooseCertificateFile,
      openPath: openFile,
      openExternal: browserStandIn(signInInBrowser),
      confirmCredentialOrigin,
    },
  });
  const { dispatch } = core;
  // The browser profile lives in the app's data dir, so the token grep covers renderer storage too.
  const context = await chromium.launchPersistentContext(path.join(userDataDir, 'renderer-profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // What the app grants (electron/hardening.ts): plain-text clipboard writes from its own page, nothing else.
    permissions: [],
    viewport: { width: 1280, height: 800 },
    args: ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(exposeGc ? ['--js-flags=--expose-gc'] : [])],
  });
  // Answers travel as one JSON string: Playwright serialises objects value by value (over a second for
  // 10,000 presets), while Electron's IPC clones them in milliseconds. Results are plain JSON data, except
  // body parts (Uint8Array), which Electron clones as bytes: here they travel beside the JSON, deflated and in
  // base64, because CDP carries only about 20 MB/s (Electron's IPC copies bytes in memory); or, for a body a
  // benchmark staged in the page, only where the part is (see stageBody).
  let staged: Buffer | undefined;
  await context.exposeBinding('__keypostInvoke', async (source, channel: string, args: unknown[]) => {
    const bytes: Uint8Array[] = [];
    const readFrom = channel === channels.readBody ? (args[1] as number) : -1;
    const json = JSON.stringify(await dispatch(channel, args, source.frame.url()), function (this: Record<string, unknown>, key, value) {
      const original = this[key];
      if (!(original instanceof Uint8Array)) return value;
      // A body part equal to the staged body at its offset: only where it is travels (see stageBody).
      if (readFrom >= 0 && staged?.subarray(readFrom, readFrom + original.length).equals(original)) return { __staged: readFrom, length: original.length };
      // Like structured clone, a view carries its whole ArrayBuffer: a part that is a view of the body costs the body.
      bytes.push(new Uint8Array(original.buffer));
      return { __bytes: bytes.length - 1, offset: original.byteOffset, length: original.byteLength };
    });
    // Deflated on libuv's threads, so this process (main, here) goes on receiving bodies meanwhile.
    const blobs = await Promise.all(bytes.map(async (whole) => ({ length: whole.length, deflated: (await deflate(whole, { level: 1 })).toString('base64') })));
    return { json, blobs };
  });
  // Mirrors electron/preload.ts: one function per channel, plus `on` for main's events.
  // Scripts run with tsx (benchmarks) compile with esbuild's keepNames, which puts __name(...) calls inside
  // functions Playwright serialises into the page; define it there so the bridge below still installs.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await context.addInitScript((channelMap: Record<string, string>) => {
    const hooks = window as unknown as KeypostTestHooks;
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    // Inflate straight into a buffer of the known size, so a part exists once, as it would after Electron's IPC.
    const inflate = async ({ length, deflated }: { length: number; deflated: string }) => {
      const bytes = new Uint8Array(length);
      const stream = new DecompressionStream('deflate-raw');
      const writer = stream.writable.getWriter();
      void writer.write((Uint8Array as unknown as { fromBase64(text: string): Uint8Array<ArrayBuffer> }).fromBase64(deflated));
      void writer.close();
      let at = 0;
      for await (const chunk of stream.readable as unknown as AsyncIterable<Uint8Array>) {
        bytes.set(chunk, at);
        at += chunk.length;
      }
      return bytes;
    };
    const invoke = async (channel: string, args: unknown[]): Promise<unknown> => {
      const { json, blobs } = (await hooks.__keypostInvoke(channel, args)) as { json: string; blobs: Array<{ length: number; deflated: string }> };
      // A staged part (see stageBody) costs the page what Electron's IPC costs it: the preload's ipcRenderer.invoke
      // answer is a structured clone of main's reply, deserialized into fresh memory, one copy of the part's bytes
      // that the page keeps (the message it was read from is freed at once, never left for the garbage collector).
      // Here that copy is the cut from the staged body, and the reply around it is cloned with the cut transferred
      // (moved, not copied): one copy, as in Electron. Cloning a cut without transferring it left a second copy per
      // part as garbage, which the renderer's peak memory counted against the app.
      if (json.includes('"__staged"')) {
        type Staged = { __staged: number; length: number };
        const isStaged = (value: unknown): value is Staged => typeof (value as Staged | null)?.__staged === 'number';
        const cuts: ArrayBuffer[] = [];
        const reply: unknown = JSON.parse(json, (_key, value) => {
          if (!isStaged(value)) return value;
          const cut = hooks.__keypostStaged!.slice(value.__staged, value.__staged + value.length);
          cuts.push(cut.buffer);
          return cut;
        });
        return structuredClone(reply, { transfer: cuts });
      }
      if (blobs.length === 0) return JSON.parse(json);
      const parts = await Promise.all(blobs.map(inflate));
      type Placeholder = { __bytes: number; offset: number; length: number };
      const isPlaceholder = (value: unknown): value is Placeholder => typeof (value as Placeholder | null)?.__bytes === 'number';
      return JSON.parse(json, (_key, value) =>
        isPlaceholder(value) ? new Uint8Array(parts[value.__bytes]!.buffer, value.offset, value.length) : value,
      );
    };
    // readBody too is one call per part, as the preload makes it: each answer is what main holds for that request id
    // at that offset when asked, so a part can never come from an attempt the page no longer reads.
    const calls: Record<string, (...args: unknown[]) => Promise<unknown>> = Object.fromEntries(
      Object.entries(channelMap).map(([name, channel]) => [name, (...args: unknown[]) => invoke(channel, args)]),
    );
    const on = (event: string, listener: (payload: unknown) => void) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => void listeners.get(event)?.delete(listener);
    };
    hooks.__keypostEmit = (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload));
    hooks.__keypostStage = async (total, at, part) => {
      if (at === 0) hooks.__keypostStaged = new Uint8Array(total);
      hooks.__keypostStaged!.set(await inflate(part), at);
    };
    Object.defineProperty(window, 'keypost', { value: Object.freeze({ ...calls, on }), writable: false });
  }, channels);

  // The page may write the clipboard, as the app allows (clipboard-sanitized-write); reading it is refused.
  await context.grantPermissions(['clipboard-write'], { origin });
  // Specs read the clipboard from a page of another origin (same server, host "localhost") that may read it.
  const clipboardReaderOrigin = origin.replace('127.0.0.1', 'localhost');
  await context.grantPermissions(['clipboard-read'], { origin: clipboardReaderOrigin });

  const opened = context.pages()[0] ?? (await context.newPage());
  page = opened;
  await opened.goto(`${origin}/index.html`);
  await opened.getByTestId('send').waitFor();
  return {
    page: opened,
    userDataDir,
    keychainService,
    readClipboard: async () => {
      const reader = await context.newPage();
      try {
        await reader.goto(`${clipboardReaderOrigin}/clipboard-reader`);
        return await reader.evaluate(() => navigator.clipboard.readText());
      } finally {
        await reader.close();
      }
    },
    fetchFromApp: async (pathname) => {
      const response = await opened.request.get(`${origin}${pathname}`);
      return { status: response.status(), headers: response.headers() };
    },
    // There is no menu here: the event main sends for a click (main.ts onMenuClick).
    chooseMenuCommand: async (command) => emit('menuCommand', { command }),
    stageBody: async (body) => {
      staged = undefined;
      const PART = 8 * 1024 * 1024;
      for (let at = 0; at < body.length; at += PART) {
        const part = body.subarray(at, at + PART);
        const deflated = (await deflate(part, { level: 1 })).toString('base64');
        await opened.evaluate(([total, from, length, text]) => (window as unknown as KeypostTestHooks).__keypostStage(total, from, { length, deflated: text }), [body.length, at, part.length, deflated] as const);
      }
      staged = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    },
    close: async () => {
      await context.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // As the app does on quit (main.ts): over-limit bodies' temp files go, pooled connections close.
      await core.close();
    },
  };
}

/** The stand-ins' sources, rebuilt inside Electron's main process (functions cannot cross into it). */
interface StandInSources {
  files: string;
  browser: string;
  signIn: string;
}

/** Runs inside Electron's main process: the native dialogs and shell.openPath answer through fileStandIns, and
 *  shell.openExternal through browserStandIn. */
function installElectronStandIns({ dialog, shell }: typeof import('electron'), [sources, paths]: [StandInSources, StandInPaths]): void {
  const rebuilt = (source: string): unknown => new Function(`return (${source})`)();
  const standIns = (rebuilt(sources.files) as typeof fileStandIns)(paths);
  const lastOptions = (args: unknown[]) => (args.at(-1) ?? {}) as { defaultPath?: string; filters?: Array<{ name: string }> };
  dialog.showSaveDialog = (async (...args: unknown[]) => {
    const { defaultPath = '', filters = [] } = lastOptions(args);
    const name = defaultPath.split(/[\\/]/).pop() ?? '';
    // Export's dialog is the one filtered to Keypost presets (main.ts); "Save body" has no filter.
    const isExport = filters.some((filter) => filter.name === 'Keypost presets');
    const filePath = isExport ? await standIns.chooseExportPath(name) : await standIns.chooseSavePath(name);
    return filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' };
  }) as typeof dialog.showSaveDialog;
  dialog.showOpenDialog = (async (...args: unknown[]) => {
    // The collection dialog picks a folder; Import's is filtered to Keypost presets; the upload dialog has no filter.
    const options = lastOptions(args) as { filters?: Array<{ name: string }>; properties?: string[] };
    const isFolder = (options.properties ?? []).includes('openDirectory');
    const isImport = (options.filters ?? []).some((filter) => filter.name === 'Keypost presets');
    const isForeign = (options.filters ?? []).some((filter) => filter.name === 'OpenAPI or Postman');
    const isCaFile = (options.filters ?? []).some((filter) => filter.name === 'CA certificates (PEM)');
    // Main's client certificate filters name the role: "Client certificate (PEM)", "Private key (PEM)", "… (PKCS#12)".
    const names = (options.filters ?? []).map((filter) => filter.name).join(' ');
    const certificateRole = names.includes('PKCS#12') ? 'pkcs12' : names.includes('Private key') ? 'key' : names.includes('Client certificate') ? 'certificate' : null;
    const file = isFolder
      ? await standIns.chooseFolder()
      : isImport
        ? await standIns.chooseImportPath()
        : isForeign
          ? await standIns.chooseForeignFile()
          : isCaFile
            ? await standIns.chooseCaFile()
            : certificateRole
              ? await standIns.chooseCertificateFile(certificateRole)
              : await standIns.chooseUploadFile();
    return file ? { canceled: false, filePaths: [file] } : { canceled: true, filePaths: [] };
  }) as typeof dialog.showOpenDialog;
  shell.openPath = (file: string) => standIns.openFile(file);
  // Main's question about a credential's origin (main.ts askCredentialOrigin): the question read back from the dialog's
  // words (the allowed origins are not in them), the staged answer given as the button main maps to it.
  const answerOfButton: Record<string, string> = { 'Send once': 'once', 'Allow always': 'always', Allow: 'always', Cancel: 'cancel' };
  dialog.showMessageBox = (async (...args: unknown[]) => {
    const options = args.at(-1) as { message: string; buttons: string[]; cancelId: number };
    const [, credential = '', origin = ''] = /“(.+)” (?:to|to be sent to) (\S+)\?$/.exec(options.message) ?? [];
    const purpose = options.message.startsWith('Allow') ? 'add' : 'send';
    const answer = await standIns.confirmCredentialOrigin({ credential, origin, allowed: [], purpose });
    const button = options.buttons.findIndex((label) => answerOfButton[label] === answer);
    return { response: button >= 0 ? button : options.cancelId, checkboxChecked: false };
  }) as typeof dialog.showMessageBox;
  shell.openExternal = (rebuilt(sources.browser) as typeof browserStandIn)(rebuilt(sources.signIn) as typeof signInInBrowser);
}

async function launchElectron(userDataDir: string, keychainService: string): Promise<LaunchedApp> {
  const app = await _electron.launch({
    args: [projectRoot],
    env: { ...process.env, KEYPOST_USER_DATA_DIR: userDataDir, KEYPOST_KEYCHAIN_SERVICE: keychainService },
  });
  const sources: StandInSources = { files: fileStandIns.toString(), browser: browserStandIn.toString(), signIn: signInInBrowser.toString() };
  await app.evaluate(installElectronStandIns, [sources, standInPaths(userDataDir)] as [StandInSources, StandInPaths]);
  const page = await app.firstWindow();
  await page.getByTestId('send').waitFor();
  return {
    page,
    userDataDir,
    keychainService,
    readClipboard: () => app.evaluate(({ clipboard }) => clipboard.readText()),
    // net.fetch goes through the app:// handler main registered, as the window's own requests do.
    fetchFromApp: (pathname) =>
      app.evaluate(async ({ net }, url) => {
        const response = await net.fetch(url);
        return { status: response.status, headers: Object.fromEntries(response.headers) };
      }, `app://keypost${pathname}`),
    // Electron keeps the template's `command` on each MenuItem; click() runs main's handler as a real click does.
    stageBody: async () => {},
    chooseMenuCommand: (command) =>
      app.evaluate(({ Menu }, wanted) => {
        type Item = { command?: string; click: () => void; submenu?: { items: Item[] } | null };
        const find = (items: Item[]): Item | undefined =>
          items.find((item) => item.command === wanted) ?? items.map((item) => item.submenu && find(item.submenu.items)).find(Boolean) ?? undefined;
        const item = find((Menu.getApplicationMenu()?.items ?? []) as unknown as Item[]);
        if (!item) throw new Error(`No menu item for ${wanted}`);
        item.click();
      }, command),
    close: () => app.close(),
  };
}
