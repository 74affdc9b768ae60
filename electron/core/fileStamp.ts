// What says a file changed without reading it: its size, modification time and inode, or 'gone' when it is missing.
// Files read on the send path (a collection's CA file, a client certificate) are read again only when it changes.
import { statSync } from 'node:fs';

export function fileStamp(file: string): string {
  try {
    // Most collections have no keypost.collection.yaml: a missing file makes no error object.
    const stats = statSync(file, { throwIfNoEntry: false });
    return stats ? `${stats.size}:${stats.mtimeMs}:${stats.ino}` : 'gone';
  } catch {
    return 'gone';
  }
}
