// Client certificates (mutual TLS): per host pattern, a PEM certificate and key or a PKCS#12 file, by path. The
// passphrase never lives here: it is in the keychain under the entry's id (electron/core/network/clientCertificates.ts).
import { z } from 'zod';

export const CLIENT_CERTIFICATE_KINDS = ['pem', 'pkcs12'] as const;
/** What main's file dialog is asked for: each with its own filter and its own check of the file. */
export const CERTIFICATE_FILE_ROLES = ['certificate', 'key', 'pkcs12'] as const;
export type CertificateFileRole = (typeof CERTIFICATE_FILE_ROLES)[number];

const HOST_PATTERN = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;
const IPV6_PATTERN = /^\[[0-9a-f:.]+\](:\d{1,5})?$/;

/** Why a host pattern is refused, or null: "api.example.com", "*.example.com", "127.0.0.1:8443", "[::1]:8443". */
export function hostPatternProblem(text: string): string | null {
  const pattern = text.trim().toLowerCase();
  if (pattern === '') return 'A client certificate needs the host it is for, as api.example.com, *.example.com or host:port.';
  if (/^[a-z]+:\/\//.test(pattern)) return 'Write only the host (api.example.com or host:port), without https://.';
  if (!HOST_PATTERN.test(pattern) && !IPV6_PATTERN.test(pattern)) {
    return `"${text}" is not a host pattern: write a host (api.example.com), a wildcard for its subdomains (*.example.com), or host:port.`;
  }
  return null;
}

export const hostPatternSchema = z
  .string()
  .max(300)
  .superRefine((text, context) => {
    const problem = hostPatternProblem(text);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .transform((text) => text.trim().toLowerCase());

const filePath = z.string().min(1).max(4096);
export const clientCertificateIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'A client certificate id is letters, digits and dashes.');

export const clientCertificateSchema = z
  .object({
    id: clientCertificateIdSchema,
    host: hostPatternSchema,
    kind: z.enum(CLIENT_CERTIFICATE_KINDS),
    /** The PEM certificate, or the PKCS#12 file (.p12, .pfx). */
    certificateFile: filePath,
    /** The PEM key; null for PKCS#12, which holds its key. */
    keyFile: filePath.nullable(),
    /** Whether a passphrase is stored in the keychain for it (never the passphrase). */
    hasPassphrase: z.boolean(),
  })
  .strict()
  .refine((entry) => (entry.kind === 'pem') === (entry.keyFile !== null), 'A PEM certificate goes with a PEM key file; a PKCS#12 file holds its own key.');
export type ClientCertificate = z.infer<typeof clientCertificateSchema>;

export const clientCertificatesSchema = z.array(clientCertificateSchema).max(100);

/** What the page sends to save one: the files it chose through main's dialog, and the passphrase once (undefined:
 *  keep the stored one; null: none). */
export type ClientCertificateDraft = Omit<ClientCertificate, 'hasPassphrase'>;
export const clientCertificateDraftSchema = z
  .object({ id: clientCertificateIdSchema, host: hostPatternSchema, kind: z.enum(CLIENT_CERTIFICATE_KINDS), certificateFile: filePath, keyFile: filePath.nullable() })
  .strict();
export const passphraseSchema = z.string().min(1).max(1024).nullable().optional();

/** What saving answers: the list now, and a warning that did not stop it (an expired certificate). */
export interface SavedClientCertificates {
  clientCertificates: ClientCertificate[];
  warning: string | null;
}

/** The entry for host:port: "host:port" first, then the exact host, then the longest "*.domain" that covers it.
 *  A bare host never covers its subdomains, so a certificate goes only where its pattern says. */
export function clientCertificateFor<T extends Pick<ClientCertificate, 'host'>>(entries: readonly T[], hostname: string, port: string): T | null {
  const host = hostname.toLowerCase();
  const named = (pattern: string) => {
    const withPort = /^(.*):(\d+)$/.exec(pattern);
    // "[::1]:8443", "host:8443" have a port; "[::1]" has none.
    return withPort && !pattern.endsWith(']') ? { name: withPort[1]!, port: withPort[2]! } : { name: pattern, port: null };
  };
  let best: { entry: T; rank: number } | null = null;
  for (const entry of entries) {
    const { name, port: wanted } = named(entry.host);
    if (wanted !== null && wanted !== port) continue;
    const bare = name.replace(/^\[|\]$/g, '');
    const rank = bare === host ? (wanted ? 3_000 : 2_000) : bare.startsWith('*.') && host.endsWith(bare.slice(1)) ? 1_000 + bare.length : -1;
    if (rank >= 0 && (!best || rank > best.rank)) best = { entry, rank };
  }
  return best?.entry ?? null;
}

/** The entry's name in messages: its host pattern and file. */
export const clientCertificateLabel = (entry: Pick<ClientCertificate, 'host' | 'certificateFile'>) =>
  `the client certificate for ${entry.host} (${entry.certificateFile.split(/[\\/]/).pop()})`;
