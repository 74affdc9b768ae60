// What the sidebar's filter matches: a request's name or URL containing what is typed, in any case. Each request's
// text is lower-cased once per list (presetTree.ts keeps it), so a keystroke is one pass of `includes`.
import type { PresetSummary } from '../../shared/presets';

export const presetHaystack = (preset: PresetSummary) => `${preset.name}\n${preset.url}`.toLowerCase();

/** What is looked for: the typed text without surrounding space, lower-cased; '' shows everything. */
export const filterNeedle = (query: string) => query.trim().toLowerCase();
