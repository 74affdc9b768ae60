// Test runs (the E2E harness, E2E_TARGET=electron) give the app a throwaway data folder and keychain service.
// A packaged app ignores both, so no environment variable can point a user's Keypost at other data or secrets.
export interface TestOverrides {
  userDataDir?: string;
  keychainService?: string;
}

export function testOverrides(env: Record<string, string | undefined>, isPackaged: boolean): TestOverrides {
  if (isPackaged) return {};
  return {
    userDataDir: env.KEYPOST_USER_DATA_DIR || undefined,
    keychainService: env.KEYPOST_KEYCHAIN_SERVICE || undefined,
  };
}
