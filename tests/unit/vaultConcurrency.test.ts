// Overlapping keychain calls (a credential list while tokens are written and deleted) must not take the
// process down: libsecret via keytar segfaults on that overlap (atom/node-keytar#477) unless calls are serialised.
import { afterAll, describe, expect, it } from 'vitest';
import { Secret } from '../../electron/core/credentials/secret';
import { createVault } from '../../electron/core/credentials/vault';
import { forgetKeychain } from '../fixtures/keychain';

const service = `Keypost-unit-concurrency-${process.pid}`;
const vault = createVault(service);

afterAll(async () => {
  await forgetKeychain(service);
});

describe('vault under concurrent calls', () => {
  it('lists credentials while others are being written and deleted, and every call answers', async () => {
    await vault.set('staging', new Secret('tok-concurrent'));
    const calls: Array<Promise<{ ok: boolean }>> = [];
    for (let i = 0; i < 150; i++) {
      calls.push(vault.list());
      calls.push(vault.set(`temp-${i % 5}`, new Secret(`tok-${i}`)).then(() => vault.delete(`temp-${i % 5}`)));
      calls.push(vault.get('never-stored'));
    }
    const results = await Promise.all(calls);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await vault.list()).toEqual({ ok: true, value: ['staging'] });
  }, 60_000);
});
