// Which collection a tab's request belongs to, for its cookie jar: the collection its saved request is in, or the
// default collection's for a new, unsaved request (it has no other home yet, and Save puts it there unless told otherwise).
import { DEFAULT_COLLECTION } from '../../shared/collections';
import type { Library } from '../presets/library';
import type { Tab } from '../workspace/workspace';

export function collectionOfTab(tab: Pick<Tab, 'preset'> | undefined, library: Pick<Library, 'list'>): string {
  const presetId = tab?.preset?.id;
  return (presetId && library.list.find((preset) => preset.id === presetId)?.collection) || DEFAULT_COLLECTION;
}
