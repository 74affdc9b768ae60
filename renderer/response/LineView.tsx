// A body as lines, virtualized: the worker holds the text and its index; only the rows on screen exist here.
// Line numbers, folding (JSON), syntax colours, Ctrl+F and per-line copy of the value and its JSONPath.
// Where it is scrolled to, and the scaled scrollbar of a very long body: useRowScroll.
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LineViewName } from './json/bodyProtocol';
import type { BodyWorkerClient } from './json/bodyWorker';
import type { LineRow } from './json/foldedLines';
import { markMatches, tokenize, type Language } from './json/highlight';
import { FindBar, type FindState } from './FindBar';
import { useRowScroll } from '../ui/useRowScroll';

const ROW_HEIGHT = 20;

interface Props {
  worker: BodyWorkerClient;
  view: LineViewName;
  language: Language;
  testId: string;
  /** Changes when the user presses Ctrl+F in the response pane. */
  findRequest: number;
  /** Show and select the line holding this byte at first (where a JSON body stops parsing). */
  revealOffset?: number;
  /** Changes when more of the body has arrived (or all of it): the rows, their count and find are asked again. */
  revision: string;
  onCopy: (text: string, what: string) => void;
}

export function LineView({ worker, view, language, testId, findRequest, revealOffset, revision, onCopy }: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  const [total, setTotal] = useState(0);
  // The rows on screen and the visible row they start at (placed by that start, not the one being fetched).
  const [shown, setShown] = useState<{ start: number; rows: LineRow[] }>({ start: 0, rows: [] });
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const [find, setFind] = useState<FindState | null>(null);
  /** A row to bring into view once the render with its new total is on screen (before, the scroll height is old). */
  const [scrollTarget, setScrollTarget] = useState<{ row: number } | null>(null);

  const { scrollHeight, start, count, blockTop, rowTop, onScroll, reveal } = useRowScroll(viewport, total, ROW_HEIGHT);

  useEffect(() => {
    let current = true;
    void worker.request({ op: 'rows', view, start, count }).then((reply) => {
      if (!current || !reply.ok) return;
      setTotal(reply.total);
      // While a body arrives the rows on screen mostly stay as they were: keeping the same state then spares drawing
      // them again at every update (each one, ten times a second, would otherwise leave work and garbage behind).
      setShown((old) => (old.start === start && sameRows(old.rows, reply.rows) ? old : { start, rows: reply.rows }));
    });
    return () => {
      current = false;
    };
  }, [worker, view, start, count, version, revision]);

  useLayoutEffect(() => {
    if (scrollTarget) reveal(scrollTarget.row);
    // Only when a new target is set.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollTarget]);

  // Stable, so a row whose line is unchanged is not drawn again (LineRowView is memoized).
  const toggleFold = useCallback(
    (line: number) =>
      void worker.request({ op: 'fold', view, line }).then((reply) => {
        if (!reply.ok) return;
        setTotal(reply.total);
        setVersion((v) => v + 1);
      }),
    [worker, view],
  );
  const goToLine = useCallback(
    (line: number) =>
      void worker.request({ op: 'reveal', view, line }).then((reply) => {
        if (!reply.ok) return;
        setTotal(reply.total);
        setVersion((v) => v + 1);
        setScrollTarget({ row: reply.row });
      }),
    [worker, view],
  );
  useEffect(() => {
    if (revealOffset === undefined) return;
    void worker.request({ op: 'lineOf', view, offset: revealOffset }).then((reply) => {
      if (!reply.ok) return;
      setSelected(reply.line);
      goToLine(reply.line);
    });
    // Once, when the view opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const latestOnCopy = useRef(onCopy);
  latestOnCopy.current = onCopy;
  const copyLine = useCallback(
    (line: number, what: 'value' | 'path') =>
      void worker.request({ op: 'copyLine', view, line }).then((reply) => {
        if (!reply.ok) return;
        const onCopy = latestOnCopy.current;
        if (what === 'value') onCopy(reply.value ?? '', reply.value === null ? 'nothing: this value has not all arrived yet' : 'the value');
        else if (reply.path !== null) onCopy(reply.path, reply.path);
      }),
    [worker, view],
  );
  const toggleSelected = useCallback((line: number) => setSelected((selected) => (line === selected ? null : line)), []);

  const currentMatchLine = find?.lines[find.current];
  const canCopyPath = view !== 'raw';

  return (
    <div className="line-view">
      <FindBar worker={worker} view={view} revision={revision} openRequest={findRequest} onChange={setFind} onGoTo={goToLine} onClose={() => viewport.current?.focus()} />
      <div
        className="line-viewport"
        data-testid={testId}
        ref={viewport}
        tabIndex={0}
        role="document"
        aria-label="Response body"
        onScroll={onScroll}
      >
        {/* The scroll height only. Were it the rows' containing block, each update of the height while a body arrives
            would lay every row out again (and leave that work's garbage). */}
        <div style={{ height: scrollHeight }} />
        <div className="rows-block" style={{ top: blockTop }}>
          {shown.rows.map((row, index) => (
            <LineRowView
              key={row.line}
              row={row}
              top={rowTop(shown.start + index, shown.start)}
              selected={row.line === selected}
              currentMatch={row.line === currentMatchLine}
              find={find}
              language={language}
              canCopyPath={canCopyPath}
              onSelect={toggleSelected}
              onToggleFold={toggleFold}
              onCopyLine={copyLine}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  row: LineRow;
  top: number;
  selected: boolean;
  currentMatch: boolean;
  find: FindState | null;
  language: Language;
  canCopyPath: boolean;
  onSelect: (line: number) => void;
  onToggleFold: (line: number) => void;
  onCopyLine: (line: number, what: 'value' | 'path') => void;
}

const LineRowView = memo(function LineRowView({ row, top, selected, currentMatch, find, language, canCopyPath, onSelect, onToggleFold, onCopyLine }: RowProps) {
  return (
    <div className={`line-row${selected ? ' selected' : ''}${currentMatch ? ' current-match' : ''}`} data-testid="line" style={{ top }}>
      <span className="line-number" onClick={() => onSelect(row.line)}>
        {row.line + 1}
      </span>
      {row.fold ? (
        <button
          className="line-fold"
          data-testid="line-fold"
          aria-expanded={row.fold === 'open'}
          aria-label={row.fold === 'open' ? 'Fold' : 'Unfold'}
          onClick={() => onToggleFold(row.line)}
        >
          {row.fold === 'open' ? '▾' : '▸'}
        </button>
      ) : (
        <span className="line-fold" />
      )}
      <span className="line-text">
        <Segments text={row.text} language={language} find={find} />
        {row.fold === 'folded' && (
          <>
            <span className="fold-summary" data-testid="fold-summary">
              {' '}
              … {row.entries === 1 ? '1 entry' : `${row.entries} entries`} …{' '}
            </span>
            <Segments text={row.foldedTail ?? ''} language={language} find={find} />
          </>
        )}
      </span>
      <span className="line-actions">
        <button data-testid="copy-line-value" title="Copy this value" onClick={() => onCopyLine(row.line, 'value')}>
          {canCopyPath ? 'value' : 'line'}
        </button>
        {canCopyPath && (
          <button data-testid="copy-line-path" title="Copy the JSONPath of this value" onClick={() => onCopyLine(row.line, 'path')}>
            path
          </button>
        )}
      </span>
    </div>
  );
});

const sameRows = (a: LineRow[], b: LineRow[]) =>
  a.length === b.length &&
  a.every((row, index) => {
    const other = b[index]!;
    return row.line === other.line && row.text === other.text && row.fold === other.fold && row.foldedTail === other.foldedTail && row.entries === other.entries;
  });

function Segments({ text, language, find }: { text: string; language: Language; find: FindState | null }) {
  const segments = markMatches(tokenize(text, language), find?.query ?? '', find?.matchCase ?? false);
  return (
    <>
      {segments.map((segment, index) =>
        segment.mark ? (
          <mark key={index} className={segment.token}>
            {segment.text}
          </mark>
        ) : (
          <span key={index} className={segment.token || undefined}>
            {segment.text}
          </span>
        ),
      )}
    </>
  );
}
