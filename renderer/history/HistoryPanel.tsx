// The History panel: every answered send, newest first (a windowed list), filtered as you type; click or Enter
// reopens an entry's request in a new tab, × or Delete removes one, "Clear history" removes all after asking.
import { memo, useState } from 'react';
import type { HistorySummary } from '../../shared/history';
import { formatDuration } from '../../shared/duration';
import { formatBytes, statusClass } from '../ui/format';
import { TextInput, useListNavigation, VirtualListBox } from '../ui';
import { useHistory } from './useHistory';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import './history.css';

const ROW_HEIGHT = 44;

export function HistoryPanel() {
  const history = useHistory();
  const { entries, total, notice } = history.list;
  const [confirmingClear, setConfirmingClear] = useState(false);
  const { box, active, onFilterKeyDown } = useListNavigation(entries, ROW_HEIGHT, history.filter, {
    optionId: (entry) => `history-${entry.id}`,
    open: (entry) => void history.reopen(entry.id),
    remove: (entry) => void history.remove(entry.id),
  });

  return (
    <section className="history-panel" aria-label="History">
      <TextInput
        type="search"
        data-testid="history-filter"
        aria-label="Filter history"
        aria-controls="history-list"
        placeholder={`Filter ${total} request${total === 1 ? '' : 's'}…`}
        title="By method, URL or status (or error), in any case"
        maxLength={500}
        value={history.filter}
        onChange={history.setFilter}
        onKeyDown={onFilterKeyDown}
      />
      {notice && (
        <p className="history-notice" role="status" data-testid="history-notice">
          {notice}
        </p>
      )}
      <VirtualListBox
        {...box}
        id="history-list"
        label="Sent requests"
        testId="history-list"
        className="history-list"
        option={(entry, top) => (
          <HistoryRow
            key={entry.id}
            entry={entry}
            top={top}
            active={entry === active}
            onOpen={(id) => void history.reopen(id)}
            onDelete={(id) => void history.remove(id)}
          />
        )}
      >
        {total === 0 && <p className="sidebar-empty">No requests yet. Each one you send is listed here.</p>}
        {total > 0 && entries.length === 0 && <p className="sidebar-empty">No request matches “{history.filter}”.</p>}
      </VirtualListBox>
      <div className="sidebar-foot">
        <button type="button" data-testid="history-clear" disabled={total === 0} onClick={() => setConfirmingClear(true)}>
          Clear history…
        </button>
      </div>
      {confirmingClear && (
        <ConfirmDialog
          testId="history-clear-confirm"
          title="Clear history?"
          confirmLabel="Clear history"
          onCancel={() => setConfirmingClear(false)}
          onConfirm={() => {
            setConfirmingClear(false);
            void history.clear();
          }}
        >
          All {total} recorded request{total === 1 ? '' : 's'} will be removed. Presets and open tabs are not affected.
        </ConfirmDialog>
      )}
    </section>
  );
}

interface RowProps {
  entry: HistorySummary;
  top: number;
  active: boolean;
  onOpen(id: string): void;
  onDelete(id: string): void;
}

const HistoryRow = memo(function HistoryRow({ entry, top, active, onOpen, onDelete }: RowProps) {
  const failed = entry.status === null;
  return (
    <div
      id={`history-${entry.id}`}
      role="option"
      aria-selected={active}
      data-testid="history-item"
      className={`history-row${active ? ' active' : ''}`}
      style={{ top, height: ROW_HEIGHT }}
      title="Open in a new tab"
      onClick={() => onOpen(entry.id)}
    >
      <div className="history-line">
        <span className="preset-method" data-testid="history-method">
          {entry.method}
        </span>
        <span className="history-url" data-testid="history-url" title={entry.url}>
          {entry.url}
        </span>
        <button
          type="button"
          className="history-delete"
          data-testid="history-delete"
          aria-label="Delete from history"
          title="Delete from history"
          tabIndex={-1}
          onClick={(event) => {
            event.stopPropagation();
            onDelete(entry.id);
          }}
        >
          ×
        </button>
      </div>
      <div className="history-facts">
        <span
          className={`status ${failed ? 'status-failed' : statusClass(entry.status!)}`}
          data-testid="history-status"
          title={entry.error ? entry.error.message : undefined}
        >
          {failed ? (entry.error?.code ?? 'failed') : entry.status}
        </span>
        <time dateTime={new Date(entry.at).toISOString()}>{formatWhen(entry.at)}</time>
        <span>{formatDuration(entry.durationMs)}</span>
        {entry.sizeBytes !== null && <span>{formatBytes(entry.sizeBytes)}</span>}
      </div>
    </div>
  );
});

/** The time for today's sends, the day and time for older ones. */
function formatWhen(at: number): string {
  const when = new Date(at);
  const today = new Date().toDateString() === when.toDateString();
  return today
    ? when.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : when.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
