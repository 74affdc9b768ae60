// Filtering presets by name or URL: lower-cased once per list, so a keystroke is one pass of `includes`.
import { useMemo } from 'react';
import type { PresetSummary } from '../../shared/presets';

export function usePresetFilter(presets: PresetSummary[], query: string): PresetSummary[] {
  const haystacks = useMemo(() => presets.map((p) => `${p.name}\n${p.url}`.toLowerCase()), [presets]);
  return useMemo(() => {
    const needle = query.trim().toLowerCase();
    if (!needle) return presets;
    const matches: PresetSummary[] = [];
    for (let i = 0; i < presets.length; i++) if (haystacks[i]!.includes(needle)) matches.push(presets[i]!);
    return matches;
  }, [presets, haystacks, query]);
}
