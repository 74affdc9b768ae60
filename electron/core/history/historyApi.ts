// Request history's calls, and the recording of every send: each answered send (not a cancelled one) becomes an
// entry with the document as sent minus its secrets; the history's caps are the settings of the moment.
import { randomUUID } from 'node:crypto';
import type { KeypostApi, SendCall } from '../../../shared/api';
import { fail, ok, type Result } from '../../../shared/errors';
import type { HistoryEntry } from '../../../shared/history';
import { BYTES_PER_MB, type SendResult } from '../../../shared/http';
import { concealer, isSecretRow, secretRows, withoutSecrets } from '../../../shared/secrets';
import type { Settings } from '../../../shared/settings';
import { joinUrl, splitUrl } from '../../../shared/urlQuery';
import type { HistoryFile, HistoryLimits } from './historyFile';

interface HistoryDeps {
  history: HistoryFile;
  /** Where the caps come from. */
  settings: { get(): Settings };
}

type HistoryCalls = 'listHistory' | 'getHistoryEntry' | 'deleteHistoryEntry' | 'clearHistory';

const limitsOf = (settings: Settings): HistoryLimits => ({ maxEntries: settings.historyMaxEntries, maxBytes: settings.historyMaxMb * BYTES_PER_MB });

export function createHistoryApi({ history, settings }: HistoryDeps): Pick<KeypostApi, HistoryCalls> {
  return {
    listHistory: async (filter) => ok(await history.list(filter, limitsOf(settings.get()))),
    getHistoryEntry: async (id) => {
      const entry = await history.get(id);
      return entry ? ok(entry) : fail('NOT_FOUND', 'That history entry is no longer there.');
    },
    deleteHistoryEntry: async (id) => ok(await history.remove(id)),
    clearHistory: async () => ok(await history.clear()),
  };
}

/** The send call, recording each answer in the history once it is on its way back (a failed write never fails the send). */
export function recordingSends<Api extends Pick<KeypostApi, 'send'>>(api: Api, { history, settings }: HistoryDeps): Api {
  return {
    ...api,
    async send(call) {
      const startedAt = Date.now();
      const answer = await api.send(call);
      const answeredAt = Date.now();
      // The entry is made and kept after the answer has gone (a tenth of a millisecond the page no longer waits for);
      // History's calls wait for it. Write problems show in the History panel's notice (historyFile.ts).
      history.recordSoon(() => historyEntryFor(call, answer, startedAt, answeredAt), () => limitsOf(settings.get()));
      return answer;
    },
  };
}

/**
 * What history keeps of one send: the document with every secret-looking header and query value emptied (the auth
 * only names its credential), and the URL as the page saw it with those values, and any API key, as [secret].
 * Null for a cancelled send, which the user stopped on purpose.
 */
export function historyEntryFor(call: SendCall, answer: Result<SendResult>, startedAt: number, now: number): HistoryEntry | null {
  if (!answer.ok && answer.error.code === 'CANCELLED') return null;
  const { request } = call;
  const secretValues = secretRows(request).flatMap(({ where, index }) => (where === 'header' ? request.headers[index]!.value : request.query[index]!.value) ?? []);
  // A value of a few characters ("x") would blank every such run of the URL; those rows are emptied in the request anyway.
  const conceal = concealer(secretValues.filter((value) => value.trim().length >= 4));
  return {
    id: randomUUID(),
    at: startedAt,
    method: request.method,
    url: concealSecretQuery(conceal(answer.ok ? answer.value.url : joinUrl(request.url, request.query))),
    status: answer.ok ? answer.value.status : null,
    error: answer.ok ? null : { code: answer.error.code, message: conceal(answer.error.message).slice(0, 2_000) },
    durationMs: answer.ok ? answer.value.elapsedMs : Math.max(0, now - startedAt),
    sizeBytes: answer.ok ? answer.value.sizeBytes : null,
    request: withoutSecrets(request),
  };
}


/** A query parameter that is, or looks like, a secret (shared/secrets.ts) shown as name=[secret]. */
function concealSecretQuery(url: string): string {
  const { url: base, query } = splitUrl(url);
  if (!query.some((row) => isSecretRow(decoded(row.name), row.value === null ? null : decoded(row.value)))) return url;
  return joinUrl(
    base,
    query.map((row) => (isSecretRow(decoded(row.name), row.value === null ? null : decoded(row.value)) ? { ...row, value: '[secret]' } : row)),
  );
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
