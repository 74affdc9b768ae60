// Fuzzes the IPC layer: thousands of malformed argument lists to every channel, from the app and from
// strangers. Every call must answer with a typed Result (never throw), and the core must keep working.
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/api';
import { errorCodes, type Result } from '../../shared/errors';
import { testCore } from '../fixtures/presetStore';
import { forgetKeychain } from '../fixtures/keychain';

const FROM_APP = 'app://keypost/index.html';
const service = `Keypost-unit-fuzz-${process.pid}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'keypost-fuzz-'));
// Dialogs answer "cancelled", so no file outside the temp dir is ever touched.
const { dispatch } = testCore({ dir: dataDir, keychainService: service, host: { chooseUploadFile: async () => null, chooseFolder: async () => null, chooseCaFile: async () => null } });

afterAll(async () => {
  await forgetKeychain(service);
});

// Hostile values: anything fast-check can build, plus strings and keys that often break handlers.
const hostile = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('__proto__', 'constructor', '../../etc/passwd', 'a\r\nX-Injected: 1', '\u0000', 'x'.repeat(70_000)),
  fc.dictionary(fc.constantFrom('__proto__', 'url', 'body', 'name', 'id', 'credential', 'method'), fc.anything()),
);
const argumentLists = fc.array(hostile, { maxLength: 4 });

function expectTypedResult(result: Result<unknown>): void {
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(errorCodes).toContain(result.error.code);
    // INTERNAL means a handler threw on input that validation should have stopped.
    expect(result.error.code).not.toBe('INTERNAL');
    expect(typeof result.error.message).toBe('string');
  }
}

describe('IPC fuzzing', () => {
  it.each(Object.entries(channels))('%s answers every malformed call with a typed result', async (_name, channel) => {
    await fc.assert(
      fc.asyncProperty(argumentLists, async (args) => {
        expectTypedResult(await dispatch(channel, args, FROM_APP));
      }),
      { numRuns: 250, seed: 20261129 },
    );
  });

  it('refuses every call from an unexpected sender, whatever the channel', async () => {
    const senders = fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom(undefined, 'app://keypost.evil/', 'file:///index.html'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.values(channels)), argumentLists, senders, async (channel, args, sender) => {
        const result = await dispatch(channel, args, sender);
        expect(result.ok || result.error.code).toBe('FORBIDDEN_SENDER');
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('answers unknown channels with UNKNOWN_CHANNEL', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), argumentLists, async (channel, args) => {
        fc.pre(!Object.values(channels).includes(channel as never));
        const result = await dispatch(channel, args, FROM_APP);
        expect(result.ok || result.error.code).toBe('UNKNOWN_CHANNEL');
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('still works normally afterwards', async () => {
    expect(await dispatch(channels.setToken, ['after-fuzz', 'tok-ok'], FROM_APP)).toEqual({ ok: true, value: undefined });
    expect(await dispatch(channels.tokenStatus, ['after-fuzz'], FROM_APP)).toEqual({ ok: true, value: { stored: true, facts: { kind: 'opaque' } } });
  });
});
