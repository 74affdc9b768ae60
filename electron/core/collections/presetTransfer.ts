// Export and import of preset files: tokens never leave the keychain, imported entries are validated one by one.
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { KeypostApi } from '../../../shared/api';
import { fail, ok } from '../../../shared/errors';
import { presetDraftSchema, type PresetDraft } from '../../../shared/presets';
import { credentialOf } from '../../../shared/request';
import { EXPORT_FORMAT, EXPORT_VERSION, exportFileSchema, type ExportFile } from '../../../shared/transfer';
import { fromFlatPreset } from './presetMigrations';
import type { CollectionStore } from './collectionStore';
import type { Vault } from '../credentials/vault';
import { withoutSecretsInFiles } from './presetApi';

/** Native file dialogs in the app (main.ts); paths chosen by the spec in the E2E harness. null = cancelled. */
export interface TransferFiles {
  chooseExportPath(suggestedName: string): Promise<string | null>;
  chooseImportPath(): Promise<string | null>;
  /** An OpenAPI document or a Postman collection to import (imports/importApi.ts). */
  chooseForeignFile?(): Promise<string | null>;
}

const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
// Unknown fields beside the name and request (a "token" someone added by hand, say) are dropped, never stored;
// inside the request, the document's strict schema refuses the entry instead.
const importedPreset = z.object(presetDraftSchema.shape);

export function createTransferApi({ store, vault, files }: { store: CollectionStore; vault: Vault; files: TransferFiles }): Pick<
  KeypostApi,
  'exportPresets' | 'readImportFile' | 'importPresets'
> {
  return {
    async exportPresets(ids) {
      const wanted = new Set(ids);
      const presets: PresetDraft[] = [];
      for (const summary of store.list()) {
        if (!wanted.has(summary.id)) continue;
        const preset = store.get(summary.id);
        // The name and the (validated, secret-free) request only: no id, no timestamp.
        if (preset.ok) presets.push({ name: preset.value.name, request: preset.value.request });
      }
      if (presets.length === 0) return fail('NOT_FOUND', 'Select at least one preset to export.');
      const target = await files.chooseExportPath('keypost-presets.json');
      if (!target) return ok(null);
      const file: ExportFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), presets };
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { flag: 'wx' });
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        return fail('FILE_ERROR', `The export could not be written to ${target}.`, { hint: (error as Error).message });
      }
      return ok({ path: target, count: presets.length });
    },

    async readImportFile() {
      const source = await files.chooseImportPath();
      if (!source) return ok(null);
      const fileName = path.basename(source);
      const invalid = (why: string) =>
        fail('IMPORT_INVALID', `${fileName} is not a Keypost preset export: ${why}`, { hint: 'Choose a file made with Export in Keypost.' });
      let text: string;
      try {
        if ((await stat(source)).size > IMPORT_MAX_BYTES) return invalid('it is larger than 50 MB.');
        text = await readFile(source, 'utf8');
      } catch (error) {
        return fail('FILE_ERROR', `${fileName} could not be read.`, { hint: (error as Error).message });
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return invalid('it is not valid JSON.');
      }
      const file = exportFileSchema.safeParse(json);
      if (!file.success) return invalid('it lacks the "format": "keypost-presets" header or the presets list.');
      const presets: PresetDraft[] = [];
      let skipped = 0;
      for (const entry of file.data.presets) {
        // Version 1 files hold flat presets (url, method, body, credential): read as the store migrates them.
        const parsed = importedPreset.safeParse(file.data.version === 1 ? fromFlatPreset(entry) : entry);
        if (parsed.success) presets.push(parsed.data);
        else skipped++;
      }
      if (presets.length === 0) return invalid('it contains no valid presets.');
      const stored = await vault.list();
      const held = new Set(stored.ok ? stored.value : []);
      return ok({
        fileName,
        presets,
        skipped,
        conflicts: store.conflicts(presets.map((p) => p.name)),
        missingCredentials: [...new Set(presets.map((p) => credentialOf(p.request)).filter((c): c is string => c !== null && !held.has(c)))].sort(),
      });
    },

    importPresets: async (presets, onConflict) => {
      const clean = await withoutSecretsInFiles(presets);
      return clean.ok ? store.importDrafts(presets, onConflict) : clean;
    },
  };
}
