// The renderer's Content-Security-Policy: injected into index.html at build time and sent as a
// response header by whatever serves the page (Electron's app:// protocol, the E2E harness).
// 'unsafe-inline' styles only: Monaco injects <style> elements. No inline or remote scripts, no network.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "worker-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
