// Importing an API at scale, on the real core (createCore) as the app runs it: GitHub's REST description (OpenAPI 3.0,
// some 1,200 operations, 13 MB) and a synthetic document of 5,000 operations, each read and converted (the preview),
// then written into the default collection. Also the longest stretch main's event loop was held: the window must
// stay responsive throughout. Needs a keychain (scripts/with-keychain.sh).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DEFAULT_COLLECTION } from '../../shared/collections';
import type { Result } from '../../shared/errors';
import type { ForeignImportOutcome, ForeignPreview } from '../../shared/foreignImport';
import { forgetKeychain } from '../fixtures/keychain';
import { githubRestText, syntheticDocument } from '../fixtures/openApiDocuments';
import { tempDataDir, testCore } from '../fixtures/presetStore';
import { figure, ms, printTable, verdict } from './table';

const TOTAL_TARGET_MS = 10_000;
const HELD_TARGET_MS = 1_000;

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const documents = [
  { name: 'GitHub REST (OpenAPI 3.0, 13 MB)', key: 'github', file: 'api.github.com.json', text: githubRestText() },
  { name: 'Synthetic, 5,000 operations', key: 'synthetic5000', file: 'big.json', text: JSON.stringify(syntheticDocument(5_000)) },
];

const rows = [];
for (const document of documents) {
  const dir = tempDataDir();
  const chosen = path.join(dir, 'chosen', document.file);
  mkdirSync(path.dirname(chosen), { recursive: true });
  writeFileSync(chosen, document.text);
  const service = `Keypost-bench-import-${process.pid}-${document.key}`;
  const core = testCore({ dir, keychainService: service, host: { transferFiles: { chooseExportPath: async () => null, chooseImportPath: async () => null, chooseForeignFile: async () => chosen } } });
  const held = monitorEventLoopDelay({ resolution: 10 });
  held.enable();
  let started = performance.now();
  const preview = value(await core.call<ForeignPreview>('readForeignFile'));
  const previewMs = performance.now() - started;
  started = performance.now();
  const outcome = value(await core.call<ForeignImportOutcome>('importForeign', preview.id, DEFAULT_COLLECTION));
  const writeMs = performance.now() - started;
  held.disable();
  const heldMs = held.max / 1e6;
  if (outcome.requests !== preview.requestCount) throw new Error('the import lost requests');
  await core.close();
  await forgetKeychain(service);
  const total = previewMs + writeMs;
  rows.push({
    document: document.name,
    requests: outcome.requests,
    'read + convert': ms(figure(`${document.key}.previewMs`, previewMs)),
    'write': ms(figure(`${document.key}.writeMs`, writeMs)),
    total: ms(figure(`${document.key}.totalMs`, total)),
    'main held at most': ms(figure(`${document.key}.heldMs`, heldMs)),
    target: `total ≤ ${TOTAL_TARGET_MS / 1000} s, held ≤ ${HELD_TARGET_MS} ms`,
    verdict: verdict(`import ${document.name}`, { total: total <= TOTAL_TARGET_MS, held: heldMs <= HELD_TARGET_MS }),
  });
}
printTable('Import of an OpenAPI document (preview, then written into a collection)', rows);
