// Serving the built renderer: CSP on every response, nothing outside the folder.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRendererFile } from '../../electron/core/shell/rendererFiles';

let root: string;
beforeAll(async () => {
  const base = await mkdtemp(path.join(tmpdir(), 'keypost-renderer-'));
  root = path.join(base, 'renderer');
  await mkdir(root);
  await writeFile(path.join(root, 'index.html'), '<html></html>');
  await writeFile(path.join(base, 'secret.txt'), 'outside');
});

describe('loadRendererFile', () => {
  it('serves index.html with a strict CSP', async () => {
    const file = await loadRendererFile(root, '/');
    expect(file.status).toBe(200);
    expect(file.headers['Content-Type']).toContain('text/html');
    const csp = file.headers['Content-Security-Policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('refuses paths that climb out of the renderer folder', async () => {
    expect((await loadRendererFile(root, '/../secret.txt')).status).toBe(404);
    expect((await loadRendererFile(root, '/%2e%2e/secret.txt')).status).toBe(404);
    expect((await loadRendererFile(root, '/missing.js')).status).toBe(404);
  });

  it('answers a malformed percent escape with 404 instead of throwing', async () => {
    for (const pathname of ['/%', '/%E0%A4%A', '/index%ZZ.html']) {
      const file = await loadRendererFile(root, pathname);
      expect(file.status).toBe(404);
      expect(file.headers['Content-Security-Policy']).toContain("default-src 'none'");
    }
  });
});
