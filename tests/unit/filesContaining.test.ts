// The E2E leak search (tests/fixtures/filesContaining.ts): it finds a secret however the app or Chromium stored it,
// and a file it cannot read fails the search instead of counting as clean.
import { chmod, mkdir, mkdtemp, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { filesContaining } from '../fixtures/filesContaining';

const SECRET = 'kp-scan-secret-5e1f';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'keypost-scan-'));
  await mkdir(path.join(dir, 'Default', 'Local Storage'), { recursive: true });
});

describe('the leak search', () => {
  it('names every file holding the secret as UTF-8 or UTF-16, in nested folders, and no other file', async () => {
    const utf8 = path.join(dir, 'keypost-store.json');
    const utf16 = path.join(dir, 'Default', 'Local Storage', '000003.log');
    await writeFile(utf8, `{"token":"${SECRET}"}`);
    await writeFile(utf16, Buffer.concat([Buffer.from([0x01, 0x00]), Buffer.from(`value ${SECRET} end`, 'utf16le')]));
    await writeFile(path.join(dir, 'clean.json'), '{"token":"kp-scan-secret-other"}');
    await writeFile(path.join(dir, 'Default', 'half.txt'), SECRET.slice(0, -1));
    expect((await filesContaining(dir, SECRET)).sort()).toEqual([utf8, utf16].sort());
  });

  it('fails, naming the file, when a file is too large to read at once', async () => {
    // Past the 2 GiB one read can hold: a sparse file, so nothing is written to disk. Whatever it holds is unread.
    const huge = path.join(dir, 'Default', 'huge.bin');
    const handle = await open(huge, 'w');
    await handle.truncate(3 * 1024 ** 3);
    await handle.close();
    await expect(filesContaining(dir, SECRET)).rejects.toThrow(`Could not read ${huge} to search it for the secret`);
  });

  // root reads any file whatever its mode: only another user meets a file it may not read.
  it.skipIf(process.getuid?.() === 0)('fails, naming the file, when it may not read a file', async () => {
    const locked = path.join(dir, 'locked.json');
    await writeFile(locked, 'unknown');
    await chmod(locked, 0o000);
    await expect(filesContaining(dir, SECRET)).rejects.toThrow(`Could not read ${locked} to search it for the secret`);
  });
});
