// Presets in memory, persisted through the store backend on every change (write first, then commit).
import { randomUUID } from 'node:crypto';
import { fail, ok, type Result } from '../../../shared/errors';
import { nameKey, summaryOf, type Preset, type PresetDraft, type PresetSummary, uniqueName } from '../../../shared/presets';
import { credentialOf, withCredential, type RequestDocument } from '../../../shared/request';
import { withoutSecrets } from '../../../shared/secrets';
import type { StoreFile, StoreStatus } from '../../../shared/storeFile';
import type { ConflictChoice, ImportOutcome } from '../../../shared/transfer';
import type { StoreBackend } from '../storeFiles';
import { loadStore } from './presetStoreFile';

/** What a preset may hold on disk: its request with every secret-looking header or query value emptied (secrets.ts). */
const storable = <T extends { request: RequestDocument }>(draft: T): T => ({ ...draft, request: withoutSecrets(draft.request) });

export interface PresetStore {
  status(): StoreStatus;
  /** Summaries sorted by name (bodies stay in main until a preset is opened). */
  list(): PresetSummary[];
  get(id: string): Result<Preset>;
  create(draft: PresetDraft): Result<Preset>;
  update(id: string, draft: PresetDraft): Result<Preset>;
  rename(id: string, name: string): Result<PresetSummary>;
  duplicate(id: string): Result<PresetSummary>;
  remove(id: string): Result<Preset>;
  /** Puts a deleted preset back (undo); renamed if its name was taken meanwhile. */
  restore(preset: Preset): Result<PresetSummary>;
  /** Names among `names` that already exist here. */
  conflicts(names: string[]): string[];
  importDrafts(drafts: PresetDraft[], onConflict: ConflictChoice): Result<ImportOutcome>;
  /** Preset names per credential name. */
  credentialUsage(): Map<string, string[]>;
  /** Points every preset that used `from` at `to`; returns how many changed. */
  retargetCredential(from: string, to: string): Result<number>;
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function createPresetStore(backend: StoreBackend, clock: () => number = Date.now): PresetStore {
  const loaded = loadStore(backend, new Date(clock()));
  let state: StoreFile = loaded.file;
  const writeBlocked = loaded.writeBlocked;
  // Derived views, rebuilt lazily after each change.
  let sorted: PresetSummary[] | null = null;
  let byId: Map<string, Preset> | null = null;
  const status = loaded.status;

  function persist(next: StoreFile): Result<void> {
    if (writeBlocked) return fail('STORE_WRITE_FAILED', writeBlocked);
    try {
      backend.store = next as unknown as Record<string, unknown>;
    } catch (error) {
      return fail('STORE_WRITE_FAILED', 'Keypost could not save your presets; nothing was changed.', {
        hint: `Check that the disk is not full and ${backend.path} is writable. Detail: ${(error as Error).message}`,
      });
    }
    state = next;
    sorted = null;
    byId = null;
    return ok(undefined);
  }

  if (loaded.needsWrite) {
    const written = persist(state);
    if (!written.ok) status.problems.push(written.error.message);
  }

  const find = (id: string): Result<Preset> => {
    byId ??= new Map(state.presets.map((p) => [p.id, p]));
    const preset = byId.get(id);
    return preset ? ok(preset) : fail('NOT_FOUND', 'That preset no longer exists.', { hint: 'It may have been deleted.' });
  };
  const takenNames = (exceptId?: string) =>
    new Set(state.presets.filter((p) => p.id !== exceptId).map((p) => nameKey(p.name)));
  const nameTaken = (name: string, exceptId?: string) =>
    state.presets.some((p) => p.id !== exceptId && nameKey(p.name) === nameKey(name));
  const duplicateName = (name: string) =>
    fail('DUPLICATE_NAME', `A preset named "${name}" already exists.`, { hint: 'Choose another name.' });
  const replacePreset = (preset: Preset) => state.presets.map((p) => (p.id === preset.id ? preset : p));

  return {
    status: () => status,

    list() {
      sorted ??= state.presets.map(summaryOf).sort((a, b) => byName.compare(a.name, b.name));
      return sorted;
    },

    get: find,

    create(draft) {
      if (nameTaken(draft.name)) return duplicateName(draft.name);
      const preset: Preset = { ...storable(draft), id: randomUUID(), updatedAt: clock() };
      const saved = persist({ ...state, presets: [...state.presets, preset] });
      return saved.ok ? ok(preset) : saved;
    },

    update(id, draft) {
      const found = find(id);
      if (!found.ok) return found;
      if (nameTaken(draft.name, id)) return duplicateName(draft.name);
      const preset: Preset = { ...storable(draft), id, updatedAt: clock() };
      const saved = persist({ ...state, presets: replacePreset(preset) });
      return saved.ok ? ok(preset) : saved;
    },

    rename(id, name) {
      const found = find(id);
      if (!found.ok) return found;
      if (nameTaken(name, id)) return duplicateName(name);
      const preset: Preset = { ...found.value, name, updatedAt: clock() };
      const saved = persist({ ...state, presets: replacePreset(preset) });
      return saved.ok ? ok(summaryOf(preset)) : saved;
    },

    duplicate(id) {
      const found = find(id);
      if (!found.ok) return found;
      const name = uniqueName(`${found.value.name} copy`, takenNames());
      const preset: Preset = { ...found.value, id: randomUUID(), name, updatedAt: clock() };
      const saved = persist({ ...state, presets: [...state.presets, preset] });
      return saved.ok ? ok(summaryOf(preset)) : saved;
    },

    remove(id) {
      const found = find(id);
      if (!found.ok) return found;
      const saved = persist({ ...state, presets: state.presets.filter((p) => p.id !== id) });
      return saved.ok ? found : saved;
    },

    restore(preset) {
      const id = state.presets.some((p) => p.id === preset.id) ? randomUUID() : preset.id;
      const restored: Preset = { ...storable(preset), id, name: uniqueName(preset.name, takenNames()) };
      const saved = persist({ ...state, presets: [...state.presets, restored] });
      return saved.ok ? ok(summaryOf(restored)) : saved;
    },

    conflicts(names) {
      const taken = takenNames();
      return names.filter((name) => taken.has(nameKey(name)));
    },

    importDrafts(drafts, onConflict) {
      const outcome: ImportOutcome = { added: 0, replaced: 0, renamed: 0 };
      const presets = [...state.presets];
      const indexByName = new Map(presets.map((p, i) => [nameKey(p.name), i]));
      const taken = new Set(indexByName.keys());
      for (const draft of drafts) {
        const existing = indexByName.get(nameKey(draft.name));
        if (existing !== undefined && onConflict === 'replace') {
          presets[existing] = { ...storable(draft), name: presets[existing]!.name, id: presets[existing]!.id, updatedAt: clock() };
          outcome.replaced++;
          continue;
        }
        const name = uniqueName(draft.name, taken);
        if (name !== draft.name.trim()) outcome.renamed++;
        else outcome.added++;
        const preset: Preset = { ...storable(draft), name, id: randomUUID(), updatedAt: clock() };
        taken.add(nameKey(name));
        indexByName.set(nameKey(name), presets.length);
        presets.push(preset);
      }
      const saved = persist({ ...state, presets });
      return saved.ok ? ok(outcome) : saved;
    },

    credentialUsage() {
      const usage = new Map<string, string[]>();
      for (const preset of state.presets) {
        const credential = credentialOf(preset.request);
        if (credential === null) continue;
        const names = usage.get(credential) ?? [];
        names.push(preset.name);
        usage.set(credential, names);
      }
      for (const names of usage.values()) names.sort(byName.compare);
      return usage;
    },

    retargetCredential(from, to) {
      let changed = 0;
      const presets = state.presets.map((p) => {
        if (credentialOf(p.request) !== from) return p;
        changed++;
        return { ...p, request: withCredential(p.request, to) };
      });
      if (changed === 0) return ok(0);
      const saved = persist({ ...state, presets });
      return saved.ok ? ok(changed) : saved;
    },
  };
}
