// The secret guard at the doors of a collection: a request holding a secret is never written into a file (the file
// does not exist afterwards), a reference to a secret variable is kept as written, and a file that arrived with a
// secret in it is flagged on load, naming the file and the field.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CollectionInfo } from '../../shared/collections';
import { DEFAULT_PLACE } from '../../shared/collections';
import type { Result } from '../../shared/errors';
import type { Preset } from '../../shared/presets';
import { blankRequest, type RequestDocument } from '../../shared/request';
import { requestFileText } from '../../electron/core/collections/requestFile';
import { tempDataDir, testCore } from '../fixtures/presetStore';

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const GITHUB = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
const AWS = 'AKIAZ7VRSQ5BBCXYZ123';

const cores: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});
function core(dir = tempDataDir()) {
  const made = testCore({ dir, keychainService: 'Keypost-unit-unused' });
  cores.push(made);
  return made;
}
const requestFiles = (dir: string) => readdirSync(path.join(dir, 'collection')).filter((name) => name.endsWith('.request.yaml'));
const request = (change: Partial<RequestDocument>): RequestDocument => ({ ...blankRequest(), url: 'https://api.example.com/items', ...change });

describe('the secret guard before a write', () => {
  const places: Array<[string, string, (secret: string) => Partial<RequestDocument>]> = [
    ['header', 'header "X-Note"', (secret) => ({ headers: [{ name: 'X-Note', value: secret, enabled: true }] })],
    ['query', 'query parameter "note"', (secret) => ({ query: [{ name: 'note', value: secret, enabled: true }] })],
    ['body', 'body', (secret) => ({ body: { kind: 'json', text: JSON.stringify({ note: secret }) } })],
    ['URL', 'URL', (secret) => ({ url: `https://api.example.com/items/${secret}` })],
  ];
  for (const [where, field, put] of places) {
    for (const [kind, secret] of [['a JSON Web Token', JWT], ['a GitHub token', GITHUB], ['an AWS access key', AWS]] as const) {
      it(`refuses ${kind} in the ${where}: no file is written`, async () => {
        const { call, dir } = core();
        const saved = await call<Preset>('createPreset', { name: 'Leaky', request: request(put(secret)) }, DEFAULT_PLACE);
        expect(saved.ok).toBe(false);
        if (saved.ok) return;
        expect(saved.error.code).toBe('SECRET_IN_REQUEST');
        expect(saved.error.message).toContain(field);
        expect(saved.error.message).not.toContain(secret);
        expect(requestFiles(dir)).toEqual([]);
      });
    }
  }

  it('refuses an update that would add a secret, and the file keeps what it had', async () => {
    const { call, dir } = core();
    const created = (await call<Preset>('createPreset', { name: 'Items', request: request({}) }, DEFAULT_PLACE)) as Result<Preset> & { ok: true };
    const before = readFileSync(path.join(dir, 'collection', 'Items.request.yaml'), 'utf8');
    const updated = await call<Preset>('updatePreset', created.value.id, { name: 'Items', request: request({ body: { kind: 'text', text: `token=${GITHUB}` } }) }, null);
    expect(updated.ok ? 'ok' : updated.error.code).toBe('SECRET_IN_REQUEST');
    expect(readFileSync(path.join(dir, 'collection', 'Items.request.yaml'), 'utf8')).toBe(before);
  });

  it('keeps {{key}} and Bearer {{token}} exactly as written', async () => {
    const { call, dir } = core();
    const headers = [
      { name: 'X-API-Key', value: '{{key}}', enabled: true },
      { name: 'Authorization', value: 'Bearer {{token}}', enabled: true },
    ];
    const saved = await call<Preset>('createPreset', { name: 'By reference', request: request({ headers, auth: { kind: 'none' } }) }, DEFAULT_PLACE);
    expect(saved.ok).toBe(true);
    const text = readFileSync(path.join(dir, 'collection', 'By reference.request.yaml'), 'utf8');
    expect(text).toContain('value: "{{key}}"');
    expect(text).toContain('value: Bearer {{token}}');
  });
});

describe('a collection that arrives with a secret', () => {
  it('is flagged on load, naming the file and the field; the file is left as it is', async () => {
    const dir = tempDataDir();
    const folder = path.join(dir, 'collection', 'pulled');
    mkdirSync(folder, { recursive: true });
    const text = requestFileText({ id: null, name: 'From a teammate', request: request({ headers: [{ name: 'X-Deploy', value: GITHUB, enabled: true }] }) });
    writeFileSync(path.join(folder, 'From a teammate.request.yaml'), text);
    const { call } = core(dir);
    await expect
      .poll(async () => {
        const listed = await call<CollectionInfo[]>('listCollections');
        return listed.ok ? listed.value[0]!.secrets : [];
      })
      .toEqual([{ file: 'pulled/From a teammate.request.yaml', field: 'header "X-Deploy"', kind: 'a GitHub token' }]);
    expect(readFileSync(path.join(folder, 'From a teammate.request.yaml'), 'utf8')).toBe(text);
    expect(existsSync(path.join(folder, 'From a teammate.request.yaml'))).toBe(true);

    // What the guard found is kept with the file's parse, so the next start does not read an unchanged file again.
    await cores.pop()!.close();
    const cached = JSON.parse(readFileSync(path.join(dir, 'cache', 'collections', 'default.json'), 'utf8')) as { files: Record<string, { secrets?: unknown }> };
    expect(cached.files['pulled/From a teammate.request.yaml']!.secrets).toEqual([{ file: 'pulled/From a teammate.request.yaml', field: 'header "X-Deploy"', kind: 'a GitHub token' }]);
    const { call: again } = core(dir);
    await expect.poll(async () => ((await again<CollectionInfo[]>('listCollections')) as { ok: true; value: CollectionInfo[] }).value[0]!.secrets).toHaveLength(1);
  });
});
