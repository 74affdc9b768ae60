// Argument schemas for every IPC call; main validates with them before anything runs.
import { z } from 'zod';
import type { ApiName, KeypostApi } from './api';
import { credentialNameSchema as credentialName, credentialOriginSchema } from './credentials';
import { BYTES_PER_MB, MAX_BODY_LIMIT_MB } from './http';
import { collectionIdSchema, folderPathSchema, presetPlaceSchema } from './collections';
import { cookieEditSchema, cookieJarIdSchema, cookieRefSchema } from './cookies';
import { historyFilterSchema, historyIdSchema } from './history';
import { environmentIdSchema, environmentSchema } from './environments';
import { variableNameSchema } from './variableName';
import { oauthConfigSchema, oauthSecretsSchema } from './oauth';
import { presetDraftSchema, presetIdSchema, presetNameSchema, presetSchema } from './presets';
import { requestDocumentSchema } from './request';
import { maxRedirectsSchema, rendererSettingsPatchSchema } from './settings';
import { savedWorkspaceSchema } from './workspace';
import { CERTIFICATE_FILE_ROLES, clientCertificateDraftSchema, clientCertificateIdSchema, passphraseSchema } from './clientCertificates';

const requestId = z.string().min(1).max(100);
const noArguments = z.tuple([]);
const foreignImportId = z.string().min(1).max(64);
// Control characters are rejected later with a specific code (HEADER_INJECTION), so allow them here.
const token = z.string().min(1).max(16_384);

export const sendCallSchema = z
  .object({
    requestId,
    request: requestDocumentSchema,
    timeoutMs: z.number().int().min(1).max(600_000),
    // In-memory ceiling for a body; past it the body goes to a temp file. Capped so no caller can ask main to hold gigabytes.
    maxBodyBytes: z.number().int().min(1).max(MAX_BODY_LIMIT_MB * BYTES_PER_MB).optional(),
    // The "redirects followed" setting's own schema (0–20), so the call and the store agree on the range.
    maxRedirects: maxRedirectsSchema.optional(),
    collectionId: cookieJarIdSchema.optional(),
  })
  .strict();

/** Argument tuples per call, checked in main before anything runs. */
export const argSchemas: { [K in ApiName]: z.ZodType<Parameters<KeypostApi[K]>> } = {
  send: z.tuple([sendCallSchema]),
  cancel: z.tuple([requestId]),
  checkCredential: z.tuple([z.object({ request: requestDocumentSchema, timeoutMs: sendCallSchema.shape.timeoutMs, collectionId: cookieJarIdSchema.optional() }).strict()]),
  setToken: z.tuple([credentialName, token]),
  tokenStatus: z.tuple([credentialName]),
  revealToken: z.tuple([credentialName]),
  deleteToken: z.tuple([credentialName]),
  saveBody: z.tuple([requestId]),
  readBody: z.tuple([requestId, z.number().int().min(0), z.number().int().min(4).max(64 * 1024 * 1024)]),
  openBody: z.tuple([requestId]),
  chooseUploadFile: noArguments,
  storeStatus: noArguments,
  listPresets: noArguments,
  getPreset: z.tuple([presetIdSchema]),
  createPreset: z.tuple([presetDraftSchema, presetPlaceSchema]),
  updatePreset: z.tuple([presetIdSchema, presetDraftSchema, z.number().int().nonnegative().nullable()]),
  renamePreset: z.tuple([presetIdSchema, presetNameSchema]),
  duplicatePreset: z.tuple([presetIdSchema]),
  deletePreset: z.tuple([presetIdSchema]),
  restorePreset: z.tuple([presetSchema]),
  movePreset: z.tuple([presetIdSchema, presetPlaceSchema]),
  listCollections: noArguments,
  openCollection: noArguments,
  closeCollection: z.tuple([collectionIdSchema]),
  createFolder: z.tuple([collectionIdSchema, folderPathSchema.refine((folder) => folder !== '', 'A folder needs a name.')]),
  moveFolder: z.tuple([collectionIdSchema, folderPathSchema, folderPathSchema]),
  deleteFolder: z.tuple([collectionIdSchema, folderPathSchema]),
  getSettings: noArguments,
  updateSettings: z.tuple([rendererSettingsPatchSchema]),
  chooseCaFile: noArguments,
  setProxyPassword: z.tuple([token.nullable()]),
  listCredentials: noArguments,
  renameCredential: z.tuple([credentialName, credentialName]),
  allowCredentialOrigin: z.tuple([credentialName, credentialOriginSchema]),
  removeCredentialOrigin: z.tuple([credentialName, credentialOriginSchema]),
  saveOAuthCredential: z.tuple([credentialName, oauthConfigSchema, oauthSecretsSchema]),
  signInOAuth: z.tuple([credentialName]),
  listEnvironments: noArguments,
  saveEnvironment: z.tuple([environmentSchema]),
  deleteEnvironment: z.tuple([environmentIdSchema]),
  setActiveEnvironment: z.tuple([environmentIdSchema.nullable()]),
  setEnvironmentSecret: z.tuple([environmentIdSchema, variableNameSchema, z.string().max(16_384).nullable()]),
  exportPresets: z.tuple([z.array(presetIdSchema).min(1).max(100_000)]),
  readImportFile: noArguments,
  importPresets: z.tuple([z.array(presetDraftSchema).min(1).max(100_000), z.enum(['rename', 'replace'])]),
  readForeignFile: noArguments,
  readForeignUrl: z.tuple([z.string().min(1).max(8_192)]),
  importForeign: z.tuple([foreignImportId, collectionIdSchema]),
  dropForeignImport: z.tuple([foreignImportId]),
  bodySchema: z.tuple([presetIdSchema]),
  getWorkspace: noArguments,
  saveWorkspace: z.tuple([savedWorkspaceSchema]),
  getAbout: noArguments,
  listHistory: z.tuple([historyFilterSchema]),
  getHistoryEntry: z.tuple([historyIdSchema]),
  deleteHistoryEntry: z.tuple([historyIdSchema]),
  clearHistory: noArguments,
  chooseCertificateFile: z.tuple([z.enum(CERTIFICATE_FILE_ROLES)]),
  saveClientCertificate: z.tuple([clientCertificateDraftSchema, passphraseSchema]),
  removeClientCertificate: z.tuple([clientCertificateIdSchema]),
  listCookies: z.tuple([cookieJarIdSchema]),
  revealCookie: z.tuple([cookieJarIdSchema, cookieRefSchema]),
  editCookie: z.tuple([cookieJarIdSchema, cookieRefSchema, cookieEditSchema]),
  deleteCookie: z.tuple([cookieJarIdSchema, cookieRefSchema]),
  clearCookies: z.tuple([cookieJarIdSchema]),
  getCollectionCaFile: z.tuple([collectionIdSchema]),
  chooseCollectionCaFile: z.tuple([collectionIdSchema]),
  removeCollectionCaFile: z.tuple([collectionIdSchema]),
};
