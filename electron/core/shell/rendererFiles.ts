// Maps a request for the renderer to a file in the built renderer folder, refusing anything outside it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

export interface RendererFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export async function loadRendererFile(root: string, pathname: string): Promise<RendererFile> {
  try {
    // Inside the try: a malformed escape ("/%E0%A4%A") makes decodeURIComponent throw, and that is a 404 too.
    const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(root, `.${relative}`);
    if (!file.startsWith(path.resolve(root) + path.sep)) return notFound();
    const body = await readFile(file);
    const type = MIME[path.extname(file)] ?? 'application/octet-stream';
    return { status: 200, headers: { ...securityHeaders, 'Content-Type': type }, body };
  } catch {
    return notFound();
  }
}

function notFound(): RendererFile {
  return { status: 404, headers: { ...securityHeaders, 'Content-Type': 'text/plain' }, body: Buffer.from('Not found') };
}
