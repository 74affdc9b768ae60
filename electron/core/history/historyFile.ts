// Request history in a file of its own, keypost-history.jsonl beside the presets: one JSON line per send, appended,
// so recording a send never rewrites the presets (or anything else). Deleting one entry appends a tombstone line,
// clearing truncates, and only going past a cap rewrites this file (atomically). A line that does not parse or
// validate is set aside in a file of its own and skipped; the rest loads.
import { randomUUID } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { historyEntrySchema, historyIdSchema, matchesHistoryFilter, summaryOf, type HistoryEntry, type HistoryList, type HistorySummary } from '../../../shared/history';

export const HISTORY_FILE_NAME = 'keypost-history.jsonl';

export interface HistoryLimits {
  maxEntries: number;
  maxBytes: number;
}

export interface HistoryFile {
  readonly path: string;
  /** Adds an entry (the newest) and applies the caps. Resolves once the entry is listed; its line is written after,
   *  in order with every other write, and a write that fails is reported in the list's notice, never thrown. */
  record(entry: HistoryEntry, limits: HistoryLimits): Promise<void>;
  /** Newest first, matching `filter` (shared/history.ts), within the caps. */
  list(filter: string, limits: HistoryLimits): Promise<HistoryList>;
  get(id: string): Promise<HistoryEntry | undefined>;
  /** False when there is no such entry. */
  remove(id: string): Promise<boolean>;
  clear(): Promise<void>;
  /** Resolves once every write asked for so far has been made (or has failed). */
  flushed(): Promise<void>;
  /** record(), once the task that asks has ended (a send's answer is then on its way back, not kept waiting for its
   *  history line): `entry` is made then (null records nothing). Every other call waits for it, so a list asked for
   *  after the answer shows the entry. */
  recordSoon(entry: () => HistoryEntry | null, limits: () => HistoryLimits): void;
}

/** The file may outgrow a cap by this factor before it is rewritten, so a full history is not rewritten on every send. */
const REWRITE_SLACK = 1.25;
/** A rewrite goes to disk about this many bytes at a time (no one string holds a 1 GB history). */
const WRITE_CHUNK_BYTES = 1024 * 1024;

const tombstoneSchema = z.object({ deleted: historyIdSchema }).strict();
type Line = { entry: HistoryEntry } | { deleted: string };

/** An entry as kept in memory: its summary, its line in the file (the whole entry, parsed again when it is asked
 *  for, so a large request is held once), that line's bytes (with its newline), and the order it came in. */
interface Kept {
  summary: HistorySummary;
  line: string;
  bytes: number;
  seq: number;
}

function parseLine(line: string): Line | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const tombstone = tombstoneSchema.safeParse(value);
  if (tombstone.success) return tombstone.data;
  const entry = historyEntrySchema.safeParse(value);
  return entry.success ? { entry: entry.data } : null;
}

/** Writes all of `text` at the handle's position; answers the bytes written. */
async function writeAll(handle: fs.FileHandle, text: string): Promise<number> {
  const buffer = Buffer.from(text);
  for (let offset = 0; offset < buffer.length; ) offset += (await handle.write(buffer, offset)).bytesWritten;
  return buffer.length;
}

/** `dir` is the app's data folder (the presets file's). Nothing is read until the first call. */
export function createHistoryFile(dir: string): HistoryFile {
  const file = path.join(dir, HISTORY_FILE_NAME);
  const entries = new Map<string, Kept>(); // oldest first
  let liveBytes = 0;
  // What the file holds now: lines (entries, tombstones, entries since dropped) and bytes.
  let fileBytes = 0;
  let fileLines = 0;
  let seq = 0;
  /** Entries up to this seq are in the file already (a rewrite wrote them), so their own append is skipped. */
  let writtenThrough = 0;
  /** Set after a damaged load or a failed write: the next write rewrites the whole file from memory. */
  let rewriteNeeded = false;
  /** Set when the file's last line was cut short (a crash while appending): the next line must not join it. */
  let newlineFirst = false;
  /** Set when the file exists but cannot be read: it is then never written, so nothing in it is lost. */
  let unreadable: string | null = null;
  let damagedNotice: string | null = null;
  let writeProblem: string | null = null;
  let queue: Promise<void> = Promise.resolve();
  /** The folder was made: not asked again for every send's line (a failed write asks again, in case it went). */
  let dirMade = false;
  let loading: Promise<void> | undefined;

  const loaded = () => (loading ??= load());
  /** recordSoon's entries not yet kept (record itself does not wait for them: they call it). */
  let recording: Promise<void> = Promise.resolve();
  const settled = async () => {
    await loaded();
    await recording;
  };

  function keep(entry: HistoryEntry, line: string): Kept {
    forget(entry.id);
    const kept = { summary: summaryOf(entry), line, bytes: Buffer.byteLength(line) + 1, seq: ++seq };
    entries.set(entry.id, kept);
    liveBytes += kept.bytes;
    return kept;
  }

  function forget(id: string): Kept | undefined {
    const kept = entries.get(id);
    if (kept) {
      entries.delete(id);
      liveBytes -= kept.bytes;
    }
    return kept;
  }

  /** Drops the oldest entries past either cap (the newest one always stays). */
  function trim({ maxEntries, maxBytes }: HistoryLimits) {
    for (const id of entries.keys()) {
      if (entries.size <= 1 || (entries.size <= maxEntries && liveBytes <= maxBytes)) break;
      forget(id);
    }
  }

  /** Reads the file line by line (a history of hundreds of MB is never one string). */
  async function load() {
    let size: number;
    let lastByte: Buffer;
    const damaged: string[] = [];
    try {
      size = (await fs.stat(file)).size;
      lastByte = Buffer.alloc(size > 0 ? 1 : 0);
      if (size > 0) {
        const handle = await fs.open(file, 'r');
        await handle.read(lastByte, 0, 1, size - 1).finally(() => handle.close());
      }
      for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
        if (line.trim() === '') continue;
        fileLines++;
        const parsed = parseLine(line);
        if (!parsed) damaged.push(line);
        else if ('deleted' in parsed) forget(parsed.deleted);
        else keep(parsed.entry, line);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      entries.clear();
      liveBytes = 0;
      unreadable = `Keypost could not read its history (${file}: ${(error as Error).message}); new sends are kept only until Keypost closes.`;
      return;
    }
    fileBytes = size;
    writtenThrough = seq;
    newlineFirst = size > 0 && lastByte[0] !== 0x0a;
    if (damaged.length > 0) await setAside(damaged);
  }

  /** Damaged lines go to a file of their own before the history is rewritten without them; if they cannot, they stay. */
  async function setAside(damaged: string[]) {
    const one = damaged.length === 1;
    const skipped = `${one ? 'One damaged line' : `${damaged.length} damaged lines`} of the history could not be read and ${one ? 'was' : 'were'} skipped; the rest loaded.`;
    const aside = path.join(dir, `keypost-history.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`);
    try {
      await fs.writeFile(aside, damaged.map((line) => `${line}\n`).join(''), { flag: 'wx' });
      damagedNotice = `${skipped} ${one ? 'It is' : 'They are'} kept in ${aside}.`;
      rewriteNeeded = true;
      void enqueue(async () => {});
    } catch (error) {
      damagedNotice = `${skipped} ${one ? 'It stays' : 'They stay'} in ${file} (${(error as Error).message}).`;
    }
  }

  /** Runs file writes one at a time, in order; a failure is remembered for the notice and repaired by the next write. */
  function enqueue(job: () => Promise<void>): Promise<void> {
    const run = queue.then(async () => {
      if (unreadable) return;
      try {
        if (!dirMade) await fs.mkdir(dir, { recursive: true });
        dirMade = true;
        if (rewriteNeeded) await rewrite();
        await job();
        writeProblem = null;
      } catch (error) {
        rewriteNeeded = true;
        dirMade = false;
        writeProblem = `Keypost could not write its history (${file}): ${(error as Error).message}. Sends are not affected; history is written again with the next one.`;
      }
    });
    queue = run;
    return run;
  }

  /** The file rewritten from memory (the newest entries, no tombstones): a temporary file, fsync, rename. */
  async function rewrite() {
    const kept = [...entries.values()];
    const through = seq;
    const temp = path.join(dir, `.${HISTORY_FILE_NAME}.${randomUUID()}.tmp`);
    const handle = await fs.open(temp, 'w');
    let written = 0;
    try {
      let chunk: string[] = [];
      let chunkBytes = 0;
      for (const [index, { line, bytes }] of kept.entries()) {
        chunk.push(line, '\n');
        chunkBytes += bytes;
        if (chunkBytes >= WRITE_CHUNK_BYTES || index === kept.length - 1) {
          written += await writeAll(handle, chunk.join(''));
          chunk = [];
          chunkBytes = 0;
        }
      }
      await handle.sync();
    } catch (error) {
      await handle.close();
      await fs.rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    await fs.rename(temp, file);
    fileBytes = written;
    fileLines = kept.length;
    writtenThrough = through;
    rewriteNeeded = false;
    newlineFirst = false;
  }

  async function append(line: string) {
    const text = `${newlineFirst ? '\n' : ''}${line}\n`;
    await fs.appendFile(file, text);
    newlineFirst = false;
    fileBytes += Buffer.byteLength(text);
    fileLines++;
  }

  const historyFile: HistoryFile = {
    path: file,

    async record(given, limits) {
      await loaded();
      let entry = given;
      let line = JSON.stringify(entry);
      // An entry that alone passes the size cap keeps its place in the list, without its request body.
      if (Buffer.byteLength(line) >= limits.maxBytes && entry.request.body.kind !== 'none') {
        entry = { ...entry, request: { ...entry.request, body: { kind: 'none' } }, bodyOmitted: true };
        line = JSON.stringify(entry);
      }
      const kept = keep(entry, line);
      trim(limits);
      void enqueue(async () => {
        if (kept.seq > writtenThrough) await append(line);
        if (fileBytes > limits.maxBytes * REWRITE_SLACK || fileLines > limits.maxEntries * REWRITE_SLACK) await rewrite();
      });
    },

    async list(filter, limits) {
      await settled();
      trim(limits);
      const shown: HistoryList['entries'] = [];
      for (const { summary } of [...entries.values()].reverse()) if (matchesHistoryFilter(summary, filter)) shown.push(summary);
      const notice = [unreadable, damagedNotice, writeProblem].filter((text): text is string => text !== null).join(' ');
      return { entries: shown, total: entries.size, notice: notice || null };
    },

    async get(id) {
      await settled();
      const kept = entries.get(id);
      return kept && (JSON.parse(kept.line) as HistoryEntry);
    },

    async remove(id) {
      await settled();
      if (!forget(id)) return false;
      await enqueue(() => append(JSON.stringify({ deleted: id })));
      return true;
    },

    async clear() {
      await settled();
      entries.clear();
      liveBytes = 0;
      damagedNotice = null;
      const through = seq;
      await enqueue(async () => {
        await fs.writeFile(file, '');
        fileBytes = 0;
        fileLines = 0;
        writtenThrough = through;
        newlineFirst = false;
      });
    },

    async flushed() {
      await loaded();
      let current: Promise<void>;
      let pending: Promise<void>;
      do {
        pending = recording;
        await pending;
        current = queue;
        await current;
      } while (current !== queue || pending !== recording);
    },

    recordSoon(entry, limits) {
      const kept = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
        const made = entry();
        if (made) await historyFile.record(made, limits());
      });
      // A failure here is the history's alone, never the send's (record reports write problems in the list's notice).
      recording = Promise.all([recording, kept.catch(() => {})]).then(() => {});
    },
  };
  return historyFile;
}
