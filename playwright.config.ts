// E2E: the built renderer in Debian Chromium (or real Electron with E2E_TARGET=electron). `npm test` builds first.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // A click or read waiting for an element that never comes fails naming it, not as a bare test timeout minutes later.
  use: { actionTimeout: 20_000 },
  // One report per target, so `npm test` reads both runs (scripts/test-all.mjs).
  reporter: [['list'], ['json', { outputFile: process.env.E2E_TARGET === 'electron' ? 'reports/e2e-electron.json' : 'reports/e2e.json' }]],
  retries: 0,
  // A stray test.only would silently shrink the CI run to one test.
  forbidOnly: !!process.env.CI,
});
