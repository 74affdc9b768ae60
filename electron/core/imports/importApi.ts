// Importing another tool's file (importFormats.ts): read a file main's dialog picks or fetch an address the user typed,
// convert it, keep the result in main under an id (its secrets never go to the page), answer a preview; on confirm,
// write it into the chosen collection (writeImport.ts). Also the body schema of an imported operation (openApiBodySchema.ts).
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Emit, KeypostApi } from '../../../shared/api';
import { fail, ok, type Result } from '../../../shared/errors';
import type { ForeignCollection, ForeignPreview } from '../../../shared/foreignImport';
import type { TransferFiles } from '../collections/presetTransfer';
import { fetchDocument } from './fetchDocument';
import { FOREIGN_MAX_BYTES, parseForeignText } from './foreignText';
import type { ForeignSource } from './foreignText';
import { convertForeign } from './importFormats';
import { createBodySchemas } from './openApiBodySchema';
import { writeForeignCollection, type WriteDeps } from './writeImport';

/** Converted files waiting for the user's confirmation: the last few only (each may hold thousands of requests). */
const PENDING_MAX = 3;

export interface ImportDeps extends WriteDeps {
  files: TransferFiles;
  emit: Emit;
}

type ImportCalls = 'readForeignFile' | 'readForeignUrl' | 'importForeign' | 'dropForeignImport' | 'bodySchema';

export function previewOf(id: string, source: string, foreign: ForeignCollection): ForeignPreview {
  const counts = new Map<string, number>();
  for (const { folder } of foreign.requests) counts.set(folder, (counts.get(folder) ?? 0) + 1);
  return {
    id,
    kind: foreign.kind,
    title: foreign.title,
    source,
    requestCount: foreign.requests.length,
    folders: [...counts].map(([folder, count]) => ({ folder, count })).sort((a, b) => (a.folder === '' ? -1 : b.folder === '' ? 1 : a.folder.localeCompare(b.folder))),
    // Names and where they came from; never the secret itself.
    credentials: foreign.credentials.map(({ name, source: from, oauth, secret }) => ({ name, source: from, kind: oauth ? 'oauth' : secret ? 'secret' : 'token' })),
    variables: foreign.variables.map((variable) => variable.name),
    notMapped: foreign.notMapped,
    problems: foreign.problems ?? [],
  };
}

export function createImportApi(deps: ImportDeps): Pick<KeypostApi, ImportCalls> {
  const pending = new Map<string, { foreign: ForeignCollection; source: string }>();

  async function convert(source: ForeignSource, shownAs: string): Promise<Result<ForeignPreview>> {
    const parsed = parseForeignText(source.text, source.fileName);
    if (!parsed.ok) return parsed;
    await new Promise<void>((resolve) => setImmediate(resolve));
    let converted: Result<ForeignCollection>;
    try {
      converted = await convertForeign(parsed.value, source);
    } catch {
      // A converter bug must not leave the user with a library's stack: say what failed, in words.
      return fail('IMPORT_INVALID', `${source.fileName} could not be converted: Keypost met something in it that it does not understand.`, { hint: 'Check that the document is valid (an online validator helps), or report the problem.' });
    }
    if (!converted.ok) return converted;
    const id = randomUUID();
    pending.set(id, { foreign: converted.value, source: shownAs });
    while (pending.size > PENDING_MAX) pending.delete(pending.keys().next().value!);
    return ok(previewOf(id, shownAs, converted.value));
  }

  return {
    async readForeignFile() {
      const chosen = deps.files.chooseForeignFile ? await deps.files.chooseForeignFile() : null;
      if (!chosen) return ok(null);
      const fileName = path.basename(chosen);
      let text: string;
      try {
        if ((await stat(chosen)).size > FOREIGN_MAX_BYTES) return fail('IMPORT_INVALID', `${fileName} is larger than ${FOREIGN_MAX_BYTES / 1024 / 1024} MB, more than Keypost imports.`);
        text = await readFile(chosen, 'utf8');
      } catch (error) {
        return fail('FILE_ERROR', `${fileName} could not be read.`, { hint: `Check that ${chosen} exists and can be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).` });
      }
      return convert({ fileName, text }, fileName);
    },

    async readForeignUrl(address) {
      const fetched = await fetchDocument(address);
      if (!fetched.ok) return fetched;
      return convert({ fileName: fetched.value.fileName, url: fetched.value.url, text: fetched.value.text }, fetched.value.url);
    },

    async importForeign(id, collection) {
      const held = pending.get(id);
      if (!held) return fail('NOT_FOUND', 'That import is no longer waiting.', { hint: 'Choose the file or address again.' });
      const written = await writeForeignCollection(held.foreign, collection, deps, (done, total) => deps.emit('importProgress', { id, done, total }));
      if (written.ok) pending.delete(id);
      return written;
    },

    async dropForeignImport(id) {
      pending.delete(id);
      return ok(undefined);
    },

    bodySchema: createBodySchemas(deps.store),
  };
}
