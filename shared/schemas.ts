// Argument schemas for every IPC call; main validates with them before anything runs.
import { z } from 'zod';
import { httpMethods, type ApiName, type KeypostApi } from './api';

const requestId = z.string().min(1).max(100);
const credentialName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w .@-]+$/, 'letters, digits, space, _ . @ - only');
// Control characters are rejected later with a specific code (HEADER_INJECTION), so allow them here.
const token = z.string().min(1).max(16_384);

export const sendRequestSchema = z
  .object({
    requestId,
    url: z.string().max(8_192),
    method: z.enum(httpMethods),
    body: z.string().max(50 * 1024 * 1024),
    credential: credentialName,
    timeoutMs: z.number().int().min(1).max(600_000),
  })
  .strict();

/** Argument tuples per call, checked in main before anything runs. */
export const argSchemas: { [K in ApiName]: z.ZodType<Parameters<KeypostApi[K]>> } = {
  send: z.tuple([sendRequestSchema]),
  cancel: z.tuple([requestId]),
  setToken: z.tuple([credentialName, token]),
  tokenStatus: z.tuple([credentialName]),
  revealToken: z.tuple([credentialName]),
  deleteToken: z.tuple([credentialName]),
};
