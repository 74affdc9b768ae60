// The main-process side of the IPC contract: each call validated, run against the core, answered with a Result.
import { type ApiName, channels, type Emit, type KeypostApi } from '../../shared/api';
import { argSchemas } from '../../shared/schemas';
import { fail, ok, type Result } from '../../shared/errors';
import { aboutKeypost } from './about';
import { cachedVault } from './cachedVault';
import { createEnvironmentApi } from './environmentApi';
import type { Environments } from './environments';
import { createOAuthCredentials } from './oauth/oauthCredentials';
import { createOAuthApi } from './oauthApi';
import type { OAuthConfigs } from './oauthConfigFile';
import { createCredentialApi } from './credentialApi';
import { createHistoryApi, recordingSends } from './historyApi';
import type { HistoryFile } from './historyFile';
import { createPresetApi } from './presetApi';
import type { PresetStore } from './presetStore';
import { createTransferApi, type TransferFiles } from './presetTransfer';
import { createResponseBodies } from './responseBodies';
import { createSaveBodyApi, type ChooseSavePath, type OpenFile } from './saveBodyApi';
import { createSendApi } from './sendApi';
import { createTokenApi } from './tokenApi';
import type { Vault } from './vault';
import type { WorkspaceFile } from './workspaceFile';

export interface CoreDeps {
  vault: Vault;
  /** Origin the renderer is served from (app://keypost in Electron, http://127.0.0.1:port in tests). */
  trustedOrigin: string;
  /** Pushes an event to the renderer (progress while a body downloads). */
  emit: Emit;
  /** Presets and settings, over electron-store in the app and conf in tests (presetStore.ts). */
  store: PresetStore;
  /** The open tabs, in their own file beside the presets (workspaceFile.ts). */
  workspace: WorkspaceFile;
  /** Request history, appended to its own file beside the presets (historyFile.ts). */
  history: HistoryFile;
  /** Where exports go and imports come from: native dialogs in the app, spec-chosen paths in tests. */
  files: TransferFiles;
  /** Where "save body" writes: a save dialog in the app, a path in the test's data dir in E2E. Without it, saveBody fails. */
  chooseSavePath?: ChooseSavePath;
  /** Opens an over-limit body's temp file: shell.openPath in the app, a recorder in E2E. Without it, openBody fails. */
  openFile?: OpenFile;
  /** Picks a file to upload: an open dialog in the app, a spec-chosen path in E2E. Without it, chooseUploadFile fails. */
  chooseUploadFile?: () => Promise<string | null>;
  /** Which credentials are OAuth 2.0 ones, with their settings (oauthConfigFile.ts). */
  oauthConfigs: OAuthConfigs;
  /** Environments and their secret values (environments.ts). */
  environments: Environments;
  /** Opens an OAuth sign-in page in the system browser; without it, the browser sign-in fails with a message. */
  openBrowser?: (url: string) => Promise<void>;
}

export type Dispatch = (channel: string, args: unknown[], senderUrl: string | undefined) => Promise<Result<unknown>>;

/** The API implemented on trusted, already-validated arguments: one module per area. */
export function createApi(given: CoreDeps): KeypostApi {
  const bodies = createResponseBodies();
  const vault = cachedVault(given.vault);
  // One OAuthCredentials for the whole app: the send path and the credential calls share its tokens and refreshes.
  const deps = { ...given, vault, oauth: createOAuthCredentials({ vault }) };
  return {
    ...recordingSends(createSendApi({ ...deps, bodies }), deps),
    ...createHistoryApi(deps),
    ...createSaveBodyApi({ ...deps, bodies }),
    ...createTokenApi(deps),
    ...createPresetApi(deps),
    ...createCredentialApi(deps),
    ...createOAuthApi(deps),
    ...createEnvironmentApi(deps),
    ...createTransferApi(deps),
    chooseUploadFile: async () =>
      deps.chooseUploadFile ? ok(await deps.chooseUploadFile()) : fail('INTERNAL', 'Choosing files is not available here.'),
    getWorkspace: async () => ok(deps.workspace.load()),
    saveWorkspace: async (workspace) => deps.workspace.save(workspace),
    getAbout: async () => ok(aboutKeypost()),
  };
}

const apiNameByChannel = new Map<string, ApiName>(
  Object.entries(channels).map(([name, channel]) => [channel, name as ApiName]),
);

/** True when the call comes from our own renderer page, not from a navigated-to or embedded origin. */
export function isTrustedSender(senderUrl: string | undefined, trustedOrigin: string): boolean {
  if (!senderUrl) return false;
  try {
    // Not URL.origin: WHATWG gives "null" as the origin of non-special schemes such as app://.
    const { protocol, host } = new URL(senderUrl);
    return `${protocol}//${host}` === trustedOrigin;
  } catch {
    return false;
  }
}

/** One entry point for every IPC call: sender check, channel lookup, argument validation, never a throw. */
export function createDispatch(deps: CoreDeps, api: KeypostApi = createApi(deps)): Dispatch {
  return async (channel, args, senderUrl) => {
    if (!isTrustedSender(senderUrl, deps.trustedOrigin)) {
      return fail('FORBIDDEN_SENDER', 'This call did not come from the Keypost window and was refused.');
    }
    const name = apiNameByChannel.get(channel);
    if (!name) return fail('UNKNOWN_CHANNEL', `Unknown call "${String(channel).slice(0, 80)}".`);
    const parsed = argSchemas[name].safeParse(args);
    if (!parsed.success) {
      // Paths and messages only: zod's messages never echo the value, which might be a token.
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`);
      return fail('INVALID_ARGUMENT', `Invalid arguments for ${name}: ${problems.slice(0, 3).join('; ')}`);
    }
    try {
      const method = api[name] as (...a: unknown[]) => Promise<Result<unknown>>;
      return await method(...(parsed.data as unknown[]));
    } catch {
      return fail('INTERNAL', `Keypost hit an unexpected error while running ${name}.`, { hint: 'Try again; nothing was lost.' });
    }
  };
}
