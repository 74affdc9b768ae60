// Renderer build: React + Monaco bundled from node_modules (workers included), CSP injected into index.html.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/csp.ts';

const injectCsp: Plugin = {
  name: 'keypost-csp',
  transformIndexHtml: (html) =>
    html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
};

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), injectCsp],
  build: {
    // KEYPOST_RENDERER_OUT lets parallel test runs build into separate folders.
    outDir: process.env.KEYPOST_RENDERER_OUT ?? '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 8_000,
    // Monaco needs no inline data-URL fonts: keep assets as files so the CSP can stay 'self'.
    assetsInlineLimit: 0,
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  worker: { format: 'es' },
});
