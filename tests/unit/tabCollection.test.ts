// Which collection's cookie jar a tab's request uses: its saved request's collection, else (a new request, or one whose
// preset is gone) the default collection's.
import { describe, expect, it } from 'vitest';
import type { PresetSummary } from '../../shared/presets';
import { collectionOfTab } from '../../renderer/cookies/tabCollection';

const summary = (id: string, collection: string) => ({ id, collection }) as PresetSummary;
const library = { list: [summary('p-1', 'c-0123456789abcdef01234567'), summary('p-2', 'default')] };
const saved = (id: string) => ({ preset: { id, name: 'x', updatedAt: 1, request: {} as never } });

describe('a tab’s cookie jar', () => {
  it('is its saved request’s collection', () => {
    expect(collectionOfTab(saved('p-1'), library)).toBe('c-0123456789abcdef01234567');
    expect(collectionOfTab(saved('p-2'), library)).toBe('default');
  });
  it('is the default collection’s for a new request, or one whose preset is gone', () => {
    expect(collectionOfTab({ preset: null }, library)).toBe('default');
    expect(collectionOfTab(saved('p-9'), library)).toBe('default');
    expect(collectionOfTab(undefined, library)).toBe('default');
  });
});
