// Settings calls: the page reads and changes the settings it owns (window bounds belong to main); a CA file only
// through main's file dialog, read before it is saved.
import type { KeypostApi } from '../../../shared/api';
import { fail, ok } from '../../../shared/errors';
import type { RendererSettings, Settings } from '../../../shared/settings';
import { useHttp1Only } from '../send/httpVersion';
import { readCaFile, useCaFile } from '../send/trust';
import type { SettingsStore } from './settingsStore';

interface Deps {
  settings: SettingsStore;
  /** Main's open dialog for a CA file (null: cancelled). */
  chooseCaFile?: () => Promise<string | null>;
}

export function createSettingsApi({ settings, chooseCaFile }: Deps): Pick<KeypostApi, 'getSettings' | 'updateSettings' | 'chooseCaFile'> {
  // The CA file in the settings joins the trusted certificates now and whenever it changes (an unreadable one is
  // named in the next certificate error instead).
  useCaFile(settings.get().caFile);
  settings.onChange((current, changed) => {
    if (changed.includes('caFile')) useCaFile(current.caFile);
  });
  // "Use HTTP/1.1 only" applies to every pool from the next request on (send/httpVersion.ts).
  useHttp1Only(settings.get().http1Only);
  settings.onChange((current, changed) => {
    if (changed.includes('http1Only')) useHttp1Only(current.http1Only);
  });
  return {
    chooseCaFile: async () => {
      if (!chooseCaFile) return fail('INTERNAL', 'Choosing files is not available here.');
      const file = await chooseCaFile();
      if (file === null) return ok(null);
      // A file that is not PEM, unreadable or without a certificate is refused here, and the setting stays as it was.
      const read = readCaFile(file);
      if (!read.ok) return read;
      const saved = settings.update({ caFile: file });
      if (!saved.ok) return saved;
      // The same path chosen again: the file may have new certificates.
      useCaFile(file);
      return ok(forRenderer(saved.value));
    },
    getSettings: async () => ok(forRenderer(settings.get())),
    updateSettings: async (patch) => {
      const saved = settings.update(patch);
      return saved.ok ? ok(forRenderer(saved.value)) : saved;
    },
  };
}

const forRenderer = ({ windowBounds: _mainOnly, ...settings }: Settings): RendererSettings => settings;
