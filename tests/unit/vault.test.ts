// The keychain vault against the real Secret Service (gnome-keyring under dbus-run-session).
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import { Secret } from '../../electron/core/credentials/secret';
import { createVault, KEYCHAIN_SERVICE } from '../../electron/core/credentials/vault';
import { forgetKeychain } from '../fixtures/keychain';

const service = `Keypost-unit-${process.pid}`;
const vault = createVault(service);

afterAll(async () => {
  await forgetKeychain(service);
});

describe('vault', () => {
  it('uses the service name "Keypost" by default', async () => {
    const account = `probe-${process.pid}`;
    const shipped = createVault();
    expect(KEYCHAIN_SERVICE).toBe('Keypost');
    expect((await shipped.set(account, new Secret('probe-value'))).ok).toBe(true);
    try {
      expect(await keytar.getPassword('Keypost', account)).toBe('probe-value');
    } finally {
      await shipped.delete(account);
    }
  });

  it('stores, reads, lists and deletes tokens in the OS keychain', async () => {
    expect(await vault.get('staging')).toEqual({ ok: true, value: null });
    expect((await vault.set('staging', new Secret('tok-staging'))).ok).toBe(true);
    expect((await vault.set('prod', new Secret('tok-prod'))).ok).toBe(true);

    const read = await vault.get('staging');
    expect(read.ok && read.value?.reveal()).toBe('tok-staging');
    expect(await keytar.getPassword(service, 'prod')).toBe('tok-prod');
    expect(await vault.list()).toEqual({ ok: true, value: ['prod', 'staging'] });

    expect(await vault.delete('staging')).toEqual({ ok: true, value: true });
    expect(await vault.delete('staging')).toEqual({ ok: true, value: false });
    expect(await vault.list()).toEqual({ ok: true, value: ['prod'] });
  });

  it('replaces a token in place', async () => {
    await vault.set('rotate', new Secret('old'));
    await vault.set('rotate', new Secret('new'));
    const read = await vault.get('rotate');
    expect(read.ok && read.value?.reveal()).toBe('new');
  });
});
