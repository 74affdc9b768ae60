// A document the user gave the address of, fetched by main (the page never fetches): http or https only, at most
// FOREIGN_MAX_BYTES, within a time limit, each failure in words that name the address.
import { fetch } from 'undici';
import { fail, ok, type Result } from '../../../shared/errors';
import { FOREIGN_MAX_BYTES } from './foreignText';

export const FETCH_TIMEOUT_MS = 30_000;

export interface FetchedDocument {
  url: string;
  /** The last part of the path (`openapi.yaml`), or the host: how the preview names it. */
  fileName: string;
  text: string;
}

const NETWORK_WORDS: Record<string, string> = {
  ENOTFOUND: 'its host name could not be found (DNS)',
  EAI_AGAIN: 'its host name could not be looked up (DNS)',
  ECONNREFUSED: 'the server refused the connection',
  ECONNRESET: 'the server closed the connection',
  UND_ERR_CONNECT_TIMEOUT: 'the server did not answer in time',
  UND_ERR_HEADERS_TIMEOUT: 'the server did not answer in time',
  UND_ERR_BODY_TIMEOUT: 'the server stopped sending',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate is not from a trusted authority',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host',
};

function errorCode(error: unknown): string | undefined {
  let current = error as { code?: string; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === 'string' && NETWORK_WORDS[current.code]) return current.code;
    current = current.cause as typeof current;
  }
  return (error as { code?: string })?.code;
}

export async function fetchDocument(address: string, timeoutMs = FETCH_TIMEOUT_MS): Promise<Result<FetchedDocument>> {
  const url = URL.parse(address.trim());
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return fail('INVALID_URL', `“${address.trim().slice(0, 200)}” is not a web address Keypost can fetch.`, { hint: 'Type an http:// or https:// address of the document, such as https://example.com/openapi.json.' });
  }
  if (url.username || url.password) return fail('INVALID_URL', 'Keypost does not fetch an address with a user name or password in it.', { hint: 'Download the document and import the file instead.' });
  const where = url.href;
  const fileName = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '') || url.host;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    // undici's fetch follows redirects (http → https, a moved document) up to its limit of 20.
    const response = await fetch(url, { headers: { accept: 'application/json, application/yaml, text/yaml, */*;q=0.5', 'user-agent': 'Keypost' }, signal });
    if (response.status >= 400) {
      await response.body?.cancel();
      return fail('IMPORT_INVALID', `${where} answered ${response.status}${response.status === 404 ? ' (not found)' : ''}: there is no document to import there.`, { hint: 'Check the address; open it in a browser to see what it serves.' });
    }
    if (Number(response.headers.get('content-length')) > FOREIGN_MAX_BYTES) {
      await response.body?.cancel();
      return tooLarge(where);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
      size += chunk.length;
      if (size > FOREIGN_MAX_BYTES) {
        await response.body?.cancel().catch(() => {});
        return tooLarge(where);
      }
      chunks.push(chunk);
    }
    return ok({ url: response.url || where, fileName, text: Buffer.concat(chunks).toString('utf8') });
  } catch (error) {
    if (signal.aborted) return fail('TIMEOUT', `${where} did not send the document within ${Math.round(timeoutMs / 1000)} seconds.`, { hint: 'Try again, or download it and import the file.' });
    const code = errorCode(error);
    const why = (code && NETWORK_WORDS[code]) ?? 'the connection failed';
    return fail(code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'DNS_FAILURE' : code === 'ECONNREFUSED' ? 'CONNECTION_REFUSED' : 'NETWORK_ERROR', `${where} could not be fetched: ${why}.`, {
      hint: 'Check the address and your connection, or download the document and import the file.',
    });
  }
}

const tooLarge = (where: string) => fail('IMPORT_INVALID', `The document at ${where} is larger than ${FOREIGN_MAX_BYTES / 1024 / 1024} MB, more than Keypost imports.`);
