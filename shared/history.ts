// A sent request as history keeps it (electron/core/history/historyFile.ts): where it went, what came back, and the request
// document as sent with every secret-looking value emptied (the document names credentials, it never holds a token).
import { z } from 'zod';
import { requestDocumentSchema } from './request';

export const historyIdSchema = z.string().min(1).max(100);
/** The History panel's filter text: matched against the method, the URL and the status (or error code). */
export const historyFilterSchema = z.string().max(500);

export const historyEntrySchema = z
  .object({
    id: historyIdSchema,
    /** When the send started, in ms since the epoch. */
    at: z.number().int().nonnegative(),
    // Loose on purpose: an entry written by another version still loads (the document itself is validated below).
    method: z.string().min(1).max(32),
    /** The URL as the page saw it (after redirects; an API key in the query and secret-looking values concealed). */
    url: z.string().max(100_000),
    /** The response's status; null when the send failed (then `error` says why). */
    status: z.number().int().nullable(),
    error: z.object({ code: z.string().max(64), message: z.string().max(2_000) }).strict().nullable(),
    durationMs: z.number().nonnegative(),
    /** The decoded response body's size; null when there was no response. */
    sizeBytes: z.number().int().nonnegative().nullable(),
    request: requestDocumentSchema,
    /** Set when the request's body was left out because the entry alone would pass the history's size cap. */
    bodyOmitted: z.literal(true).optional(),
  })
  .strict();
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** A row of the History list: the entry without its request document. */
export type HistorySummary = Omit<HistoryEntry, 'request'>;

export interface HistoryList {
  /** Newest first, matching the filter. */
  entries: HistorySummary[];
  /** How many entries the history holds, filter aside. */
  total: number;
  /** A problem to show above the list (damaged lines set aside, a write that failed); null when all is well. */
  notice: string | null;
}

export const summaryOf = ({ request: _request, ...summary }: HistoryEntry): HistorySummary => summary;

/** Case-insensitive: the method, the URL, the status or the error code contains the filter text. */
export function matchesHistoryFilter(entry: HistorySummary, filter: string): boolean {
  const wanted = filter.trim().toLowerCase();
  if (wanted === '') return true;
  return [entry.method, entry.url, entry.status === null ? '' : String(entry.status), entry.error?.code ?? ''].some((field) =>
    field.toLowerCase().includes(wanted),
  );
}
