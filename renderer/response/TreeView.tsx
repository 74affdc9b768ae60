// The JSON tree, virtualized: only the rows in view exist in the DOM; the worker holds the document and the row list.
// An array of a million items opened is past an element's height: the scrollbar is then scaled (useRowScroll).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BodyWorkerClient } from './json/bodyWorker';
import type { TreeRow } from './json/jsonTree';
import { useRowScroll } from '../ui/useRowScroll';

const ROW_HEIGHT = 22;

interface Props {
  worker: BodyWorkerClient;
  onCopy: (text: string, what: string) => void;
}

export function TreeView({ worker, onCopy }: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  const [total, setTotal] = useState(0);
  const [rows, setRows] = useState<TreeRow[]>([]);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void worker.request({ op: 'tree' }).then((reply) => reply.ok && setTotal(reply.total));
  }, [worker]);

  const { scrollHeight, start, count, blockTop, rowTop, onScroll } = useRowScroll(viewport, total, ROW_HEIGHT);
  useEffect(() => {
    if (total === 0) return;
    let current = true;
    void worker.request({ op: 'treeRows', start, count }).then((reply) => current && reply.ok && setRows(reply.rows));
    return () => {
      current = false;
    };
  }, [worker, start, count, total, version]);

  const toggle = useCallback(
    (index: number) =>
      void worker.request({ op: 'treeToggle', index }).then((reply) => {
        if (!reply.ok) return;
        setTotal(reply.total);
        setVersion((v) => v + 1);
      }),
    [worker],
  );
  const copy = (index: number, what: 'value' | 'path') =>
    void worker.request({ op: 'treeCopy', index }).then((reply) => reply.ok && onCopy(what === 'value' ? reply.text : reply.path, what === 'value' ? 'value' : reply.path));

  return (
    <div className="tree" data-testid="response-tree" ref={viewport} onScroll={onScroll}>
      {/* The first Tree view of a body parses it in the worker: seconds for 100 MB. */}
      {total === 0 && <p className="notice">Building the tree…</p>}
      <div style={{ height: scrollHeight }} />
      <div className="rows-block" style={{ top: blockTop }}>
        {rows.map((row) => (
          <div key={row.index} className="tree-row" data-testid="tree-row" style={{ top: rowTop(row.index, rows[0]!.index), paddingLeft: row.depth * 16 }}>
            {row.count > 0 ? (
              <button className="tree-toggle" data-testid="tree-toggle" aria-expanded={row.expanded} aria-label={row.expanded ? 'Collapse' : 'Expand'} onClick={() => toggle(row.index)}>
                {row.expanded ? '▾' : '▸'}
              </button>
            ) : (
              <span className="tree-toggle" />
            )}
            {row.key !== null && <span className="tree-key">{typeof row.key === 'number' ? row.key : JSON.stringify(row.key)}: </span>}
            {row.kind === 'object' || row.kind === 'array' ? (
              <span className="tree-count" data-testid="tree-count">
                {row.kind === 'array' ? `[${row.count}]` : `{${row.count}}`}
              </span>
            ) : (
              <button className={`tree-value json-${row.kind}`} data-testid="tree-value" title="Click to copy the value" onClick={() => copy(row.index, 'value')}>
                {row.preview}
              </button>
            )}
            <button className="copy-path" data-testid="copy-path" title={`Copy path ${row.path}`} onClick={() => copy(row.index, 'path')}>
              path
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
