// Notices changes made outside Keypost in a collection folder (a git pull, an editor) and hands them on in small
// batches. chokidar turns an editor's atomic save (write a temp file, rename it over) into one change, and works
// the same on every OS.
import path from 'node:path';
import { watch } from 'chokidar';
import { isIgnoredName } from './collectionFolder';

export interface Watching {
  /** Resolves once the folder is watched (changes from then on are seen). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Changes come in batches this long apart at most: a pull of 500 files is one re-read, still well within a second. */
const BATCH_MS = 50;

/**
 * Watches `root`; `changed` gets the '/'-separated paths inside it that changed (files and folders, '' for the
 * folder itself when it went away).
 */
export function watchCollection(root: string, changed: (paths: string[]) => void): Watching {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    const paths = [...pending];
    pending = new Set();
    changed(paths);
  };
  const watcher = watch(root, {
    ignoreInitial: true,
    // Relative to the root: .git, node_modules and hidden temp files never count.
    ignored: (file: string) => path.relative(root, file).split(path.sep).some((part) => part !== '' && isIgnoredName(part)),
    atomic: true,
  });
  const note = (file: string) => {
    pending.add(path.relative(root, file).split(path.sep).join('/'));
    timer ??= setTimeout(flush, BATCH_MS);
  };
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, note);
  // A folder that cannot be watched (gone, no permission) is not an error the app can act on; a re-read tells.
  watcher.on('error', () => note(root));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
